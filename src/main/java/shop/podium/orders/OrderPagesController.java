package shop.podium.orders;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import shop.podium.accounts.CurrentUser;
import shop.podium.accounts.EmailAddresses;
import shop.podium.core.throttle.Throttles;
import shop.podium.regions.Region;

/**
 * Orders as fans see them: their history under {@code /account/orders}, one order's page, and the guest lookup
 * by order number and email.
 */
@Controller
class OrderPagesController {

	/**
	 * Guesses of the email for one order number, and lookups from one client address, per window: enough for a
	 * person who mistypes, far too few to try a list of addresses.
	 */
	static final int LOOKUPS_PER_ORDER = 5;

	static final int LOOKUPS_PER_CLIENT = 20;

	static final Duration LOOKUP_WINDOW = Duration.ofMinutes(15);

	private final OrderStore orders;

	private final Throttles throttles;

	OrderPagesController(OrderStore orders, Throttles throttles) {
		this.orders = orders;
		this.throttles = throttles;
	}

	@GetMapping("/account/orders")
	String history(CurrentUser user, Model model) {
		model.addAttribute("orders", this.orders.byUser(user.id()));
		return "orders/history";
	}

	@GetMapping("/account/orders/{number}")
	String mine(CurrentUser user, @PathVariable String number, Model model) {
		Order order = this.orders.find(number)
			.filter(o -> user.id() == (o.userId() != null ? o.userId() : -1))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("order", order);
		return "orders/order";
	}

	@GetMapping("/{region:[a-z]{2}}/orders/lookup")
	String lookupForm(Region region) {
		return "orders/lookup";
	}

	/** Number and email must both match; a miss says nothing about which one was wrong. */
	@PostMapping("/{region:[a-z]{2}}/orders/lookup")
	String lookup(Region region, @RequestParam(defaultValue = "") String number,
			@RequestParam(defaultValue = "") String email, HttpServletRequest request, Model model) {
		String orderNumber = number.strip().toUpperCase(Locale.ROOT);
		this.throttles.attempt("orders.lookup:client:" + request.getRemoteAddr(), LOOKUPS_PER_CLIENT, LOOKUP_WINDOW)
			.orRefuse();
		this.throttles.attempt("orders.lookup:number:" + orderNumber, LOOKUPS_PER_ORDER, LOOKUP_WINDOW).orRefuse();
		Optional<Order> order = this.orders.find(orderNumber)
			.filter(o -> EmailAddresses.same(o.email(), email));
		if (order.isEmpty()) {
			model.addAttribute("notFound", true);
			model.addAttribute("number", number);
			model.addAttribute("email", email);
			return "orders/lookup";
		}
		CheckoutController.remember(request.getSession(), order.get().number());
		return "redirect:/" + region.code() + "/orders/" + order.get().number();
	}

	/** An order this browser placed or looked up. */
	@GetMapping("/{region:[a-z]{2}}/orders/{number}")
	String guestOrder(Region region, @PathVariable String number, HttpServletRequest request, Model model) {
		if (!CheckoutController.ownOrders(request.getSession(false)).contains(number)) {
			return "redirect:/" + region.code() + "/orders/lookup";
		}
		model.addAttribute("order", this.orders.find(number).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		return "orders/order";
	}

}

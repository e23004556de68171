package shop.podium.orders;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.servlet.view.RedirectView;

import shop.podium.accounts.CurrentUser;
import shop.podium.cart.CartOwner;
import shop.podium.cart.Carts;
import shop.podium.cart.PricedCart;
import shop.podium.payments.PaymentServiceUnavailable;
import shop.podium.regions.Region;
import shop.podium.regions.RegionCountries;
import shop.podium.regions.ShippingRate;

/**
 * The checkout form, the redirect to Stripe, and the way back (success or cancel).
 */
@Controller
class CheckoutController {

	/** Orders this browser session placed: it may see them and abandon them without signing in. */
	static final String OWN_ORDERS = CheckoutController.class.getName() + ".orders";

	private final Carts carts;

	private final Checkout checkout;

	private final OrderPayments payments;

	private final OrderAbandonment abandonment;

	private final OrderStore orders;

	private final ConfirmationLinks links;

	CheckoutController(Carts carts, Checkout checkout, OrderPayments payments, OrderAbandonment abandonment,
			OrderStore orders, ConfirmationLinks links) {
		this.links = links;
		this.carts = carts;
		this.checkout = checkout;
		this.payments = payments;
		this.abandonment = abandonment;
		this.orders = orders;
	}

	@GetMapping("/{region:[a-z]{2}}/checkout")
	String form(Region region, HttpServletRequest request, Locale locale, Model model) {
		CurrentUser user = CurrentUser.current().orElse(null);
		CheckoutForm form = new CheckoutForm((user != null) ? user.email() : "", (user != null) ? user.displayName() : "",
				"", null, "", "", RegionCountries.of(region).isEmpty() ? "" : RegionCountries.of(region).getFirst(),
				region.shippingRates().isEmpty() ? "" : region.shippingRates().get(0).code());
		return page(region, this.carts.owner(request, false), form, locale, model);
	}

	@PostMapping("/{region:[a-z]{2}}/checkout")
	ModelAndView place(Region region, @Valid @ModelAttribute("form") CheckoutForm form, BindingResult errors,
			HttpServletRequest request, Locale locale, Model model, RedirectAttributes redirect) {
		CartOwner owner = this.carts.owner(request, true);
		if (errors.hasErrors()) {
			return new ModelAndView(page(region, owner, form, locale, model));
		}
		if (checkAddress(region, form, errors)) {
			model.addAttribute("postcodeFormat", true);
		}
		// an empty cart is said as such (below) before anything about the address
		if (errors.hasErrors() && !this.carts.view(owner, region, locale).empty()) {
			return new ModelAndView(page(region, owner, form, locale, model));
		}
		String number;
		try {
			number = this.checkout.place(region, owner, form, locale);
		}
		catch (CheckoutRefused refused) {
			refused(refused, redirect);
			return new ModelAndView("redirect:/" + region.code() + "/cart");
		}
		remember(request.getSession(), number);
		abandonEarlierOrders(request.getSession(), number);
		return pay(region, number, request, redirect);
	}

	/**
	 * Pays a pending order: the first redirect to Stripe, or a retry after Stripe was unreachable. The redirect to
	 * Stripe's page is a view of its own rather than a {@code "redirect:"} view name: every Checkout Session has
	 * its own URL, and a view name would have the view resolver build, initialize and cache a view per checkout.
	 */
	@PostMapping("/{region:[a-z]{2}}/checkout/orders/{number}/pay")
	ModelAndView pay(Region region, @PathVariable String number, HttpServletRequest request,
			RedirectAttributes redirect) {
		if (!owns(request, number)) {
			return new ModelAndView("redirect:/" + region.code() + "/cart");
		}
		try {
			String url = this.checkout.startPayment(number, ServletUriComponentsBuilder.fromContextPath(request).toUriString());
			return new ModelAndView(new RedirectView(url));
		}
		catch (PaymentServiceUnavailable ex) {
			redirect.addFlashAttribute("alert", "orders.checkout.unavailable");
			return new ModelAndView("redirect:/" + region.code() + "/checkout/orders/" + number);
		}
		catch (CheckoutRefused refused) {
			refused(refused, redirect);
			return new ModelAndView("redirect:/" + region.code() + "/cart");
		}
	}

	/** A pending order whose payment could not start: its summary and a "pay now" button. */
	@GetMapping("/{region:[a-z]{2}}/checkout/orders/{number}")
	String pending(Region region, @PathVariable String number, HttpServletRequest request, Model model) {
		Order order = this.orders.find(number).filter(o -> owns(request, number)).orElse(null);
		if (order == null || !order.regionCode().equals(region.code())) {
			return "redirect:/" + region.code() + "/cart";
		}
		model.addAttribute("order", order);
		return "orders/pending";
	}

	/**
	 * Where Stripe sends the fan back. The link carries the Checkout Session id, and links travel (browser
	 * history, a shared screen, a bank app that opens it elsewhere), so only the browser that placed the order
	 * (or its signed-in buyer) sees the order with its address, email and lines. Another browser holding the
	 * link sees its number and status only, and only for {@link ConfirmationLinks#open a short while}; after
	 * that it is sent to the order lookup, which asks for the email too.
	 */
	@GetMapping("/{region:[a-z]{2}}/checkout/success")
	String success(Region region, @RequestParam(name = "session_id", required = false) String sessionId,
			HttpServletRequest request, Model model, RedirectAttributes redirect) {
		String number = (sessionId != null) ? this.orders.numberOfSession(sessionId).orElse(null) : null;
		if (number == null) {
			return "redirect:/" + region.code() + "/cart";
		}
		if (!owns(request, number)) {
			return receipt(region, number, model, redirect);
		}
		Order order = confirmed(number, model);
		HttpSession session = request.getSession();
		remember(session, number);
		if (order.status() != OrderStatus.EXPIRED && order.status() != OrderStatus.PAYMENT_FAILED) {
			this.carts.clear(this.carts.owner(request, true), region);
		}
		model.addAttribute("order", order);
		return "orders/confirmation";
	}

	/** The success link opened in another browser: number and status, no personal data, while the link is open. */
	private String receipt(Region region, String number, Model model, RedirectAttributes redirect) {
		Order placed = this.orders.find(number).orElseThrow();
		if (!placed.regionCode().equals(region.code()) || !this.links.open(placed)) {
			redirect.addFlashAttribute("alert", "orders.receipt.expired");
			return "redirect:/" + region.code() + "/orders/lookup";
		}
		Order order = confirmed(number, model);
		model.addAttribute("number", order.number());
		model.addAttribute("status", order.status());
		return "orders/receipt";
	}

	/** The order as Stripe has it now, or as the shop last heard when Stripe cannot be reached. */
	private Order confirmed(String number, Model model) {
		try {
			Order order = this.payments.confirm(number).orElseThrow();
			model.addAttribute("confirmationPending", order.status().awaitingPayment());
			return order;
		}
		catch (PaymentServiceUnavailable ex) {
			model.addAttribute("confirmationPending", true);
			return this.orders.find(number).orElseThrow();
		}
	}

	@GetMapping("/{region:[a-z]{2}}/checkout/cancel")
	String cancel(Region region, @RequestParam(required = false) String order, HttpServletRequest request,
			RedirectAttributes redirect) {
		if (order != null && owns(request, order)) {
			this.abandonment.abandon(order);
		}
		redirect.addFlashAttribute("alert", "orders.checkout.cancelled");
		return "redirect:/" + region.code() + "/cart";
	}

	/**
	 * A country the region delivers to, and a postcode as that country writes it.
	 * @return whether the postcode is not written as the country writes them
	 */
	private static boolean checkAddress(Region region, CheckoutForm form, BindingResult errors) {
		List<String> countries = RegionCountries.of(region);
		if (!errors.hasFieldErrors("country") && !countries.isEmpty() && !countries.contains(form.country())) {
			errors.rejectValue("country", "notDelivered");
		}
		if (!errors.hasFieldErrors("country") && !errors.hasFieldErrors("postcode")
				&& !Postcodes.valid(form.country(), form.postcode())) {
			errors.rejectValue("postcode", "format");
			return true;
		}
		return false;
	}

	private String page(Region region, CartOwner owner, CheckoutForm form, Locale locale, Model model) {
		PricedCart cart = this.carts.view(owner, region, locale);
		if (cart.empty()) {
			return "redirect:/" + region.code() + "/cart";
		}
		ShippingRate rate = region.shippingRates()
			.stream()
			.filter(r -> r.code().equals(form.shipping()))
			.findFirst()
			.orElse(region.shippingRates().isEmpty() ? null : region.shippingRates().get(0));
		model.addAttribute("form", form);
		model.addAttribute("cart", cart);
		model.addAttribute("countries", RegionCountries.of(region)
			.stream()
			.map(code -> new Country(code, Locale.of("", code).getDisplayCountry(locale)))
			.toList());
		model.addAttribute("postcodeExample", Postcodes.example(form.country()));
		if (cart.purchasable()) {
			model.addAttribute("totals", OrderTotals.of(cart.lines()
				.stream()
				.map(l -> new OrderTotals.Line(l.offer().price(), l.quantity()))
				.toList(), region.taxRule(), rate));
		}
		return "orders/checkout";
	}

	/** Abandons the browser's earlier pending orders, whose stock a new checkout would otherwise hold twice. */
	private void abandonEarlierOrders(HttpSession session, String current) {
		ownOrders(session).stream().filter(n -> !n.equals(current)).forEach(this.abandonment::abandonQuietly);
	}

	@SuppressWarnings("unchecked")
	static Set<String> ownOrders(HttpSession session) {
		Object value = (session != null) ? session.getAttribute(OWN_ORDERS) : null;
		return (value instanceof Set<?> set) ? (Set<String>) set : Set.of();
	}

	static void remember(HttpSession session, String number) {
		Set<String> own = new LinkedHashSet<>(ownOrders(session));
		own.add(number);
		session.setAttribute(OWN_ORDERS, own);
	}

	private boolean owns(HttpServletRequest request, String number) {
		if (ownOrders(request.getSession(false)).contains(number)) {
			return true;
		}
		Long userId = CurrentUser.current().map(CurrentUser::id).orElse(null);
		return userId != null && this.orders.find(number).map(o -> userId.equals(o.userId())).orElse(false);
	}

	/**
	 * The refusal for the cart page, as a message key and its arguments: plain values the page can read, rather
	 * than the exception (and its stack trace) kept in the session.
	 */
	private static void refused(CheckoutRefused refused, RedirectAttributes redirect) {
		redirect.addFlashAttribute("checkoutProblem", refused.messageKey);
		redirect.addFlashAttribute("checkoutProblemArgs", refused.arguments);
	}

	/** A country of the checkout's list: its code and its name in the fan's language. */
	record Country(String code, String name) {
	}

}

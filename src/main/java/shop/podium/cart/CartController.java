package shop.podium.cart;

import java.io.Serializable;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import shop.podium.regions.Region;

/**
 * The cart page and its forms. Every form works as a plain POST-redirect-GET; add-to-cart also answers htmx
 * requests with a small fragment so the product page need not reload.
 */
@Controller
class CartController {

	private final Carts carts;

	private final CartProperties limits;

	CartController(Carts carts, CartProperties limits) {
		this.carts = carts;
		this.limits = limits;
	}

	@GetMapping("/{region:[a-z]{2}}/cart")
	String cart(Region region, HttpServletRequest request, Locale locale, Model model) {
		CartOwner owner = this.carts.owner(request, false);
		model.addAttribute("cart", this.carts.view(owner, region, locale));
		model.addAttribute("maxQuantity", this.limits.maxQuantityPerLine());
		return "cart/cart";
	}

	@PostMapping("/{region:[a-z]{2}}/cart/lines")
	String add(Region region, @RequestParam(required = false) String sku,
			@RequestParam(required = false, defaultValue = "1") String quantity,
			@RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletRequest request,
			Locale locale, Model model, RedirectAttributes redirect) {
		CartRefused refused = null;
		try {
			if (sku == null || sku.isBlank()) {
				throw new CartRefused("cart.refused.chooseVariant");
			}
			this.carts.add(this.carts.owner(request, true), region, sku, parse(quantity), locale);
		}
		catch (CartRefused ex) {
			refused = ex;
		}
		if (htmx != null) {
			model.addAttribute("problem", refused);
			model.addAttribute("count", this.carts.count(this.carts.owner(request, false), region.code()));
			return "cart/fragments :: added";
		}
		flash(redirect, refused, "cart.notice.added");
		return "redirect:/" + region.code() + "/cart";
	}

	@PostMapping("/{region:[a-z]{2}}/cart/lines/{sku}")
	String change(Region region, @PathVariable String sku, @RequestParam(required = false) String quantity,
			HttpServletRequest request, RedirectAttributes redirect) {
		CartRefused refused = null;
		try {
			this.carts.change(this.carts.owner(request, true), region, sku, parse(quantity));
		}
		catch (CartRefused ex) {
			refused = ex;
		}
		flash(redirect, refused, "cart.notice.updated");
		return "redirect:/" + region.code() + "/cart";
	}

	@PostMapping("/{region:[a-z]{2}}/cart/lines/{sku}/remove")
	String remove(Region region, @PathVariable String sku, HttpServletRequest request, RedirectAttributes redirect) {
		this.carts.remove(this.carts.owner(request, true), region, sku);
		redirect.addFlashAttribute("notice", "cart.notice.removed");
		return "redirect:/" + region.code() + "/cart";
	}

	private static void flash(RedirectAttributes redirect, CartRefused refused, String notice) {
		if (refused != null) {
			// the message's key and arguments, not the exception: flash attributes live in the session, which is in
			// the database, and an exception would carry its whole stack trace there
			redirect.addFlashAttribute("cartProblem", new Problem(refused.messageKey(), refused.arguments()));
		}
		else {
			redirect.addFlashAttribute("notice", notice);
		}
	}

	/** Why a cart change was refused, as the cart page tells it after the redirect. */
	record Problem(String messageKey, Object[] arguments) implements Serializable {
	}

	/** A quantity as typed: anything but a small whole number is refused with a message, not a stack trace. */
	private int parse(String quantity) {
		try {
			return Integer.parseInt((quantity != null) ? quantity.strip() : "");
		}
		catch (NumberFormatException ex) {
			throw new CartRefused("cart.refused.quantity", this.limits.maxQuantityPerLine());
		}
	}

}

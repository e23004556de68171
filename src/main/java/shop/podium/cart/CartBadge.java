package shop.podium.cart;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import shop.podium.accounts.CurrentUser;
import shop.podium.regions.Region;

/**
 * The cart count for the page header: {@code ${@cartBadge.count(region)}} in a template (see
 * {@code cart/fragments :: header-link}). Never creates a session.
 */
@Component("cartBadge")
public class CartBadge {

	private final Carts carts;

	CartBadge(Carts carts) {
		this.carts = carts;
	}

	public int count(Region region) {
		if (region == null
				|| !(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return 0;
		}
		HttpServletRequest request = attributes.getRequest();
		if (request.getSession(false) == null && CurrentUser.current().isEmpty()) {
			// a guest who has never added anything: most page views, answered without the database
			return 0;
		}
		return this.carts.count(this.carts.owner(request, false), region.code());
	}

}

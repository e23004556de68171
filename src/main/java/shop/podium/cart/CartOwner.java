package shop.podium.cart;

import jakarta.servlet.http.HttpSession;

/**
 * Whose cart: a signed-in fan's (by user id) or a guest's (the cart whose id the HTTP session holds).
 * @param userId {@code null} for a guest
 */
public record CartOwner(Long userId, HttpSession session) {

	public boolean guest() {
		return this.userId == null;
	}

}

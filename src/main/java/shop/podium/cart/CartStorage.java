package shop.podium.cart;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where cart lines live: rows per signed-in fan, and rows per guest cart, whose random id is all the guest's
 * session holds (a small string any instance reads, whatever the code deployed since). Both are in the database,
 * so a restart, a deploy or another instance behind the load balancer finds the same lines.
 */
@Component
class CartStorage {

	/** The session attribute holding the guest cart's id. */
	static final String SESSION_ATTRIBUTE = CartStorage.class.getName() + ".guestCart";

	private final JdbcClient jdbc;

	CartStorage(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<CartLine> lines(CartOwner owner, String region) {
		if (owner.guest()) {
			String cart = guestCart(owner.session(), false);
			if (cart == null) {
				return List.of();
			}
			return this.jdbc.sql("""
					SELECT sku, quantity FROM guest_cart_line WHERE cart_id = :cart AND region_code = :region
					ORDER BY added_at, sku""")
				.param("cart", cart)
				.param("region", region)
				.query((rs, n) -> new CartLine(rs.getString("sku"), rs.getInt("quantity")))
				.list();
		}
		return this.jdbc.sql("""
				SELECT sku, quantity FROM cart_line WHERE user_id = :user AND region_code = :region
				ORDER BY added_at, sku""")
			.param("user", owner.userId())
			.param("region", region)
			.query((rs, n) -> new CartLine(rs.getString("sku"), rs.getInt("quantity")))
			.list();
	}

	/**
	 * Sets a line's quantity, adding the line if the cart lacks it, in one statement: an update of a line not
	 * there yet followed by an insert locked the gap the line would go in, and two carts whose lines fall in the
	 * same gap (guests adding at the same moment) deadlocked, one of them refused with a server error.
	 */
	void put(CartOwner owner, String region, String sku, int quantity) {
		if (owner.guest()) {
			String cart = guestCart(owner.session(), true);
			touch(cart);
			this.jdbc.sql("""
					INSERT INTO guest_cart_line (cart_id, region_code, sku, quantity) VALUES (:c, :r, :s, :q)
					ON DUPLICATE KEY UPDATE quantity = :q""")
				.param("q", quantity)
				.param("c", cart)
				.param("r", region)
				.param("s", sku)
				.update();
			return;
		}
		this.jdbc.sql("""
				INSERT INTO cart_line (user_id, region_code, sku, quantity) VALUES (:u, :r, :s, :q)
				ON DUPLICATE KEY UPDATE quantity = :q""")
			.param("q", quantity)
			.param("u", owner.userId())
			.param("r", region)
			.param("s", sku)
			.update();
	}

	void remove(CartOwner owner, String region, String sku) {
		if (owner.guest()) {
			String cart = guestCart(owner.session(), false);
			if (cart != null) {
				this.jdbc.sql("DELETE FROM guest_cart_line WHERE cart_id = :c AND region_code = :r AND sku = :s")
					.param("c", cart)
					.param("r", region)
					.param("s", sku)
					.update();
			}
			return;
		}
		this.jdbc.sql("DELETE FROM cart_line WHERE user_id = :u AND region_code = :r AND sku = :s")
			.param("u", owner.userId())
			.param("r", region)
			.param("s", sku)
			.update();
	}

	void clear(CartOwner owner, String region) {
		if (owner.guest()) {
			String cart = guestCart(owner.session(), false);
			if (cart != null) {
				this.jdbc.sql("DELETE FROM guest_cart_line WHERE cart_id = :c AND region_code = :r")
					.param("c", cart)
					.param("r", region)
					.update();
			}
			return;
		}
		clearUser(owner.userId(), region);
	}

	void clearUser(long userId, String region) {
		this.jdbc.sql("DELETE FROM cart_line WHERE user_id = :u AND region_code = :r")
			.param("u", userId)
			.param("r", region)
			.update();
	}

	/** Whether the session holds a guest cart (what a sign-in would merge). */
	boolean hasGuestLines(HttpSession session) {
		return guestCart(session, false) != null;
	}

	/** The guest lines of a session, per region, taken out of the database: what a sign-in merges. */
	Map<String, LinkedHashMap<String, Integer>> takeGuestLines(HttpSession session) {
		String cart = guestCart(session, false);
		if (cart == null) {
			return Map.of();
		}
		Map<String, LinkedHashMap<String, Integer>> byRegion = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT region_code, sku, quantity FROM guest_cart_line WHERE cart_id = :cart
				ORDER BY added_at, sku""").param("cart", cart).query(rs -> {
			byRegion.computeIfAbsent(rs.getString("region_code"), r -> new LinkedHashMap<>())
				.put(rs.getString("sku"), rs.getInt("quantity"));
		});
		this.jdbc.sql("DELETE FROM guest_cart WHERE id = :cart").param("cart", cart).update();
		session.removeAttribute(SESSION_ATTRIBUTE);
		return byRegion;
	}

	/**
	 * Forgets guest carts nobody touched since then: their sessions ended long ago, so nobody can reach them.
	 * @return how many carts went
	 */
	int pruneGuestCartsUntouchedSince(Instant since) {
		return this.jdbc.sql("DELETE FROM guest_cart WHERE touched_at < :since").param("since", since).update();
	}

	/** Marks the cart as in use, bringing it back if it was pruned while its session lived on. */
	private void touch(String cart) {
		this.jdbc.sql("""
				INSERT INTO guest_cart (id) VALUES (:c) ON DUPLICATE KEY UPDATE touched_at = CURRENT_TIMESTAMP(6)""")
			.param("c", cart)
			.update();
	}

	/** The id of the session's guest cart; with {@code create}, a new cart when it has none. */
	private String guestCart(HttpSession session, boolean create) {
		if (session == null) {
			return null;
		}
		if (session.getAttribute(SESSION_ATTRIBUTE) instanceof String id) {
			return id;
		}
		if (!create) {
			return null;
		}
		String id = UUID.randomUUID().toString().replace("-", "");
		session.setAttribute(SESSION_ATTRIBUTE, id);
		return id;
	}

}

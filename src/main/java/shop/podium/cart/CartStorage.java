package shop.podium.cart;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpSession;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where cart lines live: a map in the guest's session, rows for a signed-in fan.
 */
@Component
class CartStorage {

	static final String SESSION_ATTRIBUTE = CartStorage.class.getName() + ".lines";

	private final JdbcClient jdbc;

	CartStorage(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<CartLine> lines(CartOwner owner, String region) {
		if (owner.guest()) {
			return guestLines(owner.session(), region).entrySet()
				.stream()
				.map(e -> new CartLine(e.getKey(), e.getValue()))
				.toList();
		}
		return this.jdbc.sql("""
				SELECT sku, quantity FROM cart_line WHERE user_id = :user AND region_code = :region
				ORDER BY added_at, sku""")
			.param("user", owner.userId())
			.param("region", region)
			.query((rs, n) -> new CartLine(rs.getString("sku"), rs.getInt("quantity")))
			.list();
	}

	void put(CartOwner owner, String region, String sku, int quantity) {
		if (owner.guest()) {
			GuestLines all = guestCart(owner.session(), true);
			all.byRegion.computeIfAbsent(region, r -> new LinkedHashMap<>()).put(sku, quantity);
			// written back so a replicated or persisted session store sees the change
			owner.session().setAttribute(SESSION_ATTRIBUTE, all);
			return;
		}
		int updated = this.jdbc.sql("UPDATE cart_line SET quantity = :q WHERE user_id = :u AND region_code = :r AND sku = :s")
			.param("q", quantity)
			.param("u", owner.userId())
			.param("r", region)
			.param("s", sku)
			.update();
		if (updated == 0) {
			this.jdbc.sql("INSERT IGNORE INTO cart_line (user_id, region_code, sku, quantity) VALUES (:u, :r, :s, :q)")
				.param("q", quantity)
				.param("u", owner.userId())
				.param("r", region)
				.param("s", sku)
				.update();
		}
	}

	void remove(CartOwner owner, String region, String sku) {
		if (owner.guest()) {
			GuestLines all = guestCart(owner.session(), false);
			if (all != null && all.byRegion.containsKey(region)) {
				all.byRegion.get(region).remove(sku);
				owner.session().setAttribute(SESSION_ATTRIBUTE, all);
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
			GuestLines all = guestCart(owner.session(), false);
			if (all != null) {
				all.byRegion.remove(region);
				owner.session().setAttribute(SESSION_ATTRIBUTE, all);
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

	/** The guest lines of a session, per region, removed from the session: what a sign-in merges. */
	Map<String, LinkedHashMap<String, Integer>> takeGuestLines(HttpSession session) {
		GuestLines all = guestCart(session, false);
		if (all == null) {
			return Map.of();
		}
		session.removeAttribute(SESSION_ATTRIBUTE);
		return all.byRegion;
	}

	private static Map<String, Integer> guestLines(HttpSession session, String region) {
		GuestLines all = guestCart(session, false);
		Map<String, Integer> lines = (all != null) ? all.byRegion.get(region) : null;
		return (lines != null) ? lines : Map.of();
	}

	private static GuestLines guestCart(HttpSession session, boolean create) {
		if (session == null) {
			return null;
		}
		Object value = session.getAttribute(SESSION_ATTRIBUTE);
		if (value instanceof GuestLines lines) {
			return lines;
		}
		if (!create) {
			return null;
		}
		GuestLines lines = new GuestLines();
		session.setAttribute(SESSION_ATTRIBUTE, lines);
		return lines;
	}

	/** Serializable, as session contents must be. */
	static final class GuestLines implements Serializable {

		private static final long serialVersionUID = 1L;

		final HashMap<String, LinkedHashMap<String, Integer>> byRegion = new HashMap<>();

		List<String> regions() {
			return new ArrayList<>(this.byRegion.keySet());
		}

	}

}

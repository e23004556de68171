package shop.podium.cart;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import shop.podium.core.privacy.AccountErased;
import shop.podium.core.privacy.DataSubject;
import shop.podium.core.privacy.PersonalData;

/**
 * The cart's part of a fan's personal data: what waits in their carts, region by region. A guest's cart lives in
 * their session, which ends with it. An erased account's carts are deleted: nothing in a cart is a record the law
 * asks to keep.
 */
@Component
class CartPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	CartPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Line(String region, String sku, int quantity, Instant addedAt) {
	}

	@Override
	public String part() {
		return "cart";
	}

	@Override
	public int order() {
		return 20;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Line> of(DataSubject subject) {
		return this.jdbc.sql("""
				SELECT region_code, sku, quantity, added_at FROM cart_line WHERE user_id = :user
				ORDER BY region_code, added_at, sku""")
			.param("user", subject.userId())
			.query((rs, n) -> new Line(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getTimestamp(4).toInstant()))
			.list();
	}

	/** Safe to run again: a second run finds nothing left to delete. */
	@ApplicationModuleListener
	void on(AccountErased erased) {
		this.jdbc.sql("DELETE FROM cart_line WHERE user_id = :user").param("user", erased.userId()).update();
	}

}

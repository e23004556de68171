package shop.podium.orders;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import shop.podium.core.privacy.Pseudonyms;

/**
 * Removes a buyer's identity from orders while keeping what accounting law requires: number, region, currency,
 * amounts, tax, lines, status history, payment and refunds, and the country shipped to (the place of supply a tax
 * return needs). The name, address lines, city, postcode and address give way to a pseudonym. Each statement
 * touches only orders not yet pseudonymised, so running it again, or twice at once, changes nothing more.
 */
@Component
class OrderPseudonyms {

	/** What stands for an address line once its buyer's identity is removed. */
	static final String REMOVED = "-";

	private final JdbcClient jdbc;

	OrderPseudonyms(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** @return how many orders of the account were pseudonymised now */
	int ofUser(long userId, String pseudonym, Instant now) {
		return this.jdbc.sql("""
				UPDATE customer_order SET email = :email, ship_name = :name, ship_line1 = :removed, ship_line2 = NULL,
				  ship_city = :removed, ship_postcode = :removed, user_id = NULL, pseudonymised_at = :now,
				  version = version + 1
				WHERE user_id = :user AND pseudonymised_at IS NULL""")
			.param("email", Pseudonyms.address(pseudonym))
			.param("name", pseudonym)
			.param("removed", REMOVED)
			.param("now", now)
			.param("user", userId)
			.update();
	}

	/**
	 * Guest orders closed (fulfilled, refunded, cancelled, expired, failed) before a day and still holding the
	 * guest's identity, oldest first.
	 */
	List<String> guestOrdersClosedBefore(Instant closedBefore, int limit) {
		return this.jdbc.sql("""
				SELECT number FROM customer_order
				WHERE pseudonymised_at IS NULL AND user_id IS NULL
				  AND status IN ('FULFILLED', 'REFUNDED', 'CANCELLED', 'EXPIRED', 'PAYMENT_FAILED')
				  AND updated_at < :before
				ORDER BY updated_at, id LIMIT :limit""")
			.param("before", closedBefore)
			.param("limit", limit)
			.query(String.class)
			.list();
	}

	/**
	 * @return whether this call pseudonymised the order (false: another run did it first, or the order was
	 * re-opened or taken by an account meanwhile)
	 */
	boolean guestOrder(String number, String pseudonym, Instant closedBefore, Instant now) {
		return this.jdbc.sql("""
				UPDATE customer_order SET email = :email, ship_name = :name, ship_line1 = :removed, ship_line2 = NULL,
				  ship_city = :removed, ship_postcode = :removed, pseudonymised_at = :now, version = version + 1
				WHERE number = :number AND pseudonymised_at IS NULL AND user_id IS NULL
				  AND status IN ('FULFILLED', 'REFUNDED', 'CANCELLED', 'EXPIRED', 'PAYMENT_FAILED')
				  AND updated_at < :before""")
			.param("email", Pseudonyms.address(pseudonym))
			.param("name", pseudonym)
			.param("removed", REMOVED)
			.param("now", now)
			.param("number", number)
			.param("before", closedBefore)
			.update() == 1;
	}

	/** The numbers of an account's orders: whose confirmation mails go with the account. */
	List<String> numbersOfUser(long userId) {
		return this.jdbc.sql("SELECT number FROM customer_order WHERE user_id = :user ORDER BY id")
			.param("user", userId)
			.query(String.class)
			.list();
	}

}

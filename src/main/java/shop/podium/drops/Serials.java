package shop.podium.drops;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Serials of numbered drops: each paid unit takes the next number from the drop's counter row, read under a lock
 * and written back in the paying transaction, so numbers are gap-free and never issued twice; each gets a
 * verification code nobody can guess.
 */
@Component("dropSerials")
public class Serials {

	/** Letters and digits that cannot be mistaken for each other on a printed certificate. */
	private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	Serials(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A numbered unit as the order, the receipt, the licensee and the verification page show it. */
	public record Serial(long dropId, int serial, int of, String code, String orderNumber, String sku,
			String productName, String editionName, String licenseeName, Instant soldAt, Instant voidedAt) {

		public String number() {
			return String.format("%04d", this.serial);
		}

		public LocalDate daySold() {
			return this.soldAt.atZone(ZoneOffset.UTC).toLocalDate();
		}

		/** The day sold as a message's {@code {0,date,long}} takes it. */
		public java.util.Date soldDate() {
			return shop.podium.core.ReaderDates.forMessages(daySold());
		}

		public boolean voided() {
			return this.voidedAt != null;
		}

	}

	/** Numbers the units of an order of a numbered drop, once (a repeated call finds them numbered). */
	void number(long dropId, String orderNumber, String sku, int units, Instant now) {
		// the counter's lock first: a second delivery of the same payment waits here, then finds the units numbered
		// (both reads are locking reads, so they see what the first committed, not the transaction's snapshot)
		int last = this.jdbc.sql("SELECT last_serial FROM drop_serial_counter WHERE drop_id = :d FOR UPDATE")
			.param("d", dropId)
			.query(Integer.class)
			.single();
		int done = this.jdbc.sql("""
				SELECT COUNT(*) FROM drop_serial WHERE drop_id = :d AND order_number = :o AND sku = :s FOR UPDATE""")
			.param("d", dropId)
			.param("o", orderNumber)
			.param("s", sku)
			.query(Integer.class)
			.single();
		if (done >= units) {
			return;
		}
		for (int i = done; i < units; i++) {
			last++;
			this.jdbc.sql("""
					INSERT INTO drop_serial (drop_id, serial, code, order_number, sku, sold_at)
					VALUES (:d, :serial, :code, :o, :s, :now)""")
				.param("d", dropId)
				.param("serial", last)
				.param("code", code())
				.param("o", orderNumber)
				.param("s", sku)
				.param("now", Timestamp.from(now))
				.update();
		}
		this.jdbc.sql("UPDATE drop_serial_counter SET last_serial = :last WHERE drop_id = :d")
			.param("last", last)
			.param("d", dropId)
			.update();
	}

	void voidOrder(String orderNumber, Instant now) {
		this.jdbc.sql("UPDATE drop_serial SET voided_at = :now WHERE order_number = :o AND voided_at IS NULL")
			.param("now", Timestamp.from(now))
			.param("o", orderNumber)
			.update();
	}

	/** The serials of an order, for its page, its receipt and the licensee's fulfilment list. */
	public List<Serial> ofOrder(String orderNumber) {
		return query("s.order_number = :v", orderNumber);
	}

	/** The serials of a licensee's paid units, newest first, for their fulfilment list. */
	public List<Serial> ofLicensee(long licenseeId) {
		return query("d.licensee_id = :v", licenseeId);
	}

	public Optional<Serial> byCode(String code) {
		return query("s.code = :v", code).stream().findFirst();
	}

	private List<Serial> query(String where, Object value) {
		return this.jdbc.sql("""
				SELECT s.drop_id, s.serial, s.code, s.order_number, s.sku, s.sold_at, s.voided_at, d.product_name,
				  d.edition_name, d.licensee_name,
				  (SELECT COALESCE(SUM(u.units), 0) FROM drop_unit u WHERE u.drop_id = d.id) AS total
				FROM drop_serial s JOIN drop_release d ON d.id = s.drop_id
				WHERE %s ORDER BY s.drop_id DESC, s.serial""".formatted(where))
			.param("v", value)
			.query((rs, n) -> new Serial(rs.getLong("drop_id"), rs.getInt("serial"), rs.getInt("total"),
					rs.getString("code"), rs.getString("order_number"), rs.getString("sku"), rs.getString("product_name"),
					rs.getString("edition_name"), rs.getString("licensee_name"), rs.getTimestamp("sold_at").toInstant(),
					(rs.getTimestamp("voided_at") != null) ? rs.getTimestamp("voided_at").toInstant() : null))
			.list();
	}

	private static String code() {
		StringBuilder code = new StringBuilder(14);
		for (int i = 0; i < 12; i++) {
			if (i > 0 && i % 4 == 0) {
				code.append('-');
			}
			code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
		}
		return code.toString();
	}

}

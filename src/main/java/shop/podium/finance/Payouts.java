package shop.podium.finance;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Payouts as finance checks them: what each paid, split into gross charges, fees, refunds, disputes and other
 * adjustments, and whether the payout equals the net of its transactions to the cent.
 */
@Service
class Payouts {

	private final JdbcClient jdbc;

	Payouts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Summary(String id, Instant created, Instant arrival, String currency, long amount, int transactions,
			long gross, long fees, long refunds, long disputes, long other, long net, String status) {

		public boolean reconciles() {
			return this.net == this.amount;
		}

		/** What the payout paid beyond (or, negative, short of) the net of its transactions. */
		public long difference() {
			return this.amount - this.net;
		}

	}

	record Line(String id, Instant created, String category, long amount, long fee, long net, String orderNumber,
			String description) {
	}

	private static final String SUMMARY = """
			SELECT p.id, p.created_at, p.arrival_date, p.currency, p.amount_minor, COUNT(t.id),
			  COALESCE(SUM(CASE WHEN t.reporting_category = 'charge' THEN t.amount_minor ELSE 0 END), 0),
			  COALESCE(SUM(t.fee_minor), 0),
			  COALESCE(SUM(CASE WHEN t.reporting_category = 'refund' THEN t.amount_minor ELSE 0 END), 0),
			  COALESCE(SUM(CASE WHEN t.reporting_category IN ('dispute', 'dispute_reversal') THEN t.amount_minor ELSE 0 END), 0),
			  COALESCE(SUM(CASE WHEN t.reporting_category NOT IN ('charge', 'refund', 'dispute', 'dispute_reversal') THEN t.amount_minor ELSE 0 END), 0),
			  COALESCE(SUM(t.net_minor), 0), p.status
			FROM finance_payout p
			LEFT JOIN finance_balance_transaction t ON t.payout_id = p.id AND t.type <> 'payout'
			""";

	List<Summary> latest(int limit) {
		return this.jdbc.sql(SUMMARY + " GROUP BY p.id, p.created_at, p.arrival_date, p.currency, p.amount_minor, p.status"
				+ " ORDER BY p.created_at DESC, p.id DESC LIMIT :limit")
			.param("limit", limit)
			.query(Payouts::summary)
			.list();
	}

	Optional<Summary> find(String id) {
		return this.jdbc.sql(SUMMARY + " WHERE p.id = :id GROUP BY p.id, p.created_at, p.arrival_date, p.currency, p.amount_minor, p.status")
			.param("id", id)
			.query(Payouts::summary)
			.optional();
	}

	List<Line> lines(String payoutId) {
		return this.jdbc.sql("""
				SELECT id, created_at, reporting_category, amount_minor, fee_minor, net_minor, order_number, description
				FROM finance_balance_transaction WHERE payout_id = ? AND type <> 'payout' ORDER BY created_at, id""")
			.param(payoutId)
			.query((rs, n) -> new Line(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getLong(4),
					rs.getLong(5), rs.getLong(6), rs.getString(7), rs.getString(8)))
			.list();
	}

	private static Summary summary(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		java.sql.Timestamp arrival = rs.getTimestamp(3);
		return new Summary(rs.getString(1), rs.getTimestamp(2).toInstant(), (arrival != null) ? arrival.toInstant() : null,
				rs.getString(4), rs.getLong(5), rs.getInt(6), rs.getLong(7), rs.getLong(8), rs.getLong(9),
				rs.getLong(10), rs.getLong(11), rs.getLong(12), rs.getString(13));
	}

}

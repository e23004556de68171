package shop.podium.finance;

import java.sql.Timestamp;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import shop.podium.licensing.Licensees;

/**
 * Revenue as finance reports it, over a range of whole months (UTC): gross is what paid orders charged (dated when
 * paid), refunds what was given back (dated when refunded), fees what Stripe kept on the order's transactions
 * (dated when Stripe booked them), net = gross - refunds - fees. Each figure stays in its own currency; Stripe's
 * fees are counted where they were charged in the order's currency and shown on their own line otherwise. The
 * per-licensee and per-edition tables split an order's refunds over its lines in proportion to their amounts.
 * Everything is read from finance's own tables: its ledger of orders ({@link OrderLedger}) and Stripe's
 * transactions; licensees' names come from licensing's API.
 */
@Service
class FinanceReports {

	private final JdbcClient jdbc;

	private final Licensees licensees;

	FinanceReports(JdbcClient jdbc, Licensees licensees) {
		this.jdbc = jdbc;
		this.licensees = licensees;
	}

	/** A range of whole months, {@code from} and {@code to} included. */
	record Range(YearMonth from, YearMonth to) {

		Range {
			if (to.isBefore(from)) {
				throw new IllegalArgumentException("The range ends before it starts");
			}
			if (from.plusMonths(120).isBefore(to)) {
				throw new IllegalArgumentException("The range is longer than ten years");
			}
		}

		Timestamp start() {
			return Timestamp.from(this.from.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
		}

		Timestamp end() {
			return Timestamp.from(this.to.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
		}

		List<YearMonth> months() {
			List<YearMonth> months = new ArrayList<>();
			for (YearMonth m = this.from; !m.isAfter(this.to); m = m.plusMonths(1)) {
				months.add(m);
			}
			return months;
		}

	}

	/** One row of a report: what it is about (region, licensee, month...), its currency and its figures. */
	record Row(List<String> key, String currency, long orders, long gross, long refunds, long fees) {

		public long net() {
			return this.gross - this.refunds - this.fees;
		}

		public String label() {
			return String.join(" · ", this.key);
		}

	}

	List<Row> byRegion(Range range) {
		Map<String, long[]> figures = new TreeMap<>();
		String keyColumns = "o.region_code";
		add(figures, grossOf(keyColumns), range, 0, key -> key);
		add(figures, refundsOf(keyColumns), range, 2, key -> key);
		add(figures, feesOf(keyColumns), range, 3, key -> key);
		return rows(figures);
	}

	/** Per month (yyyy-MM) and currency, for the chart. */
	List<Row> byMonth(Range range) {
		Map<String, long[]> figures = new TreeMap<>();
		add(figures, grossOf("DATE_FORMAT(o.paid_at, '%Y-%m')"), range, 0, key -> key);
		add(figures, refundsOf("DATE_FORMAT(r.created_at, '%Y-%m')"), range, 2, key -> key);
		add(figures, feesOf("DATE_FORMAT(t.created_at, '%Y-%m')"), range, 3, key -> key);
		return rows(figures);
	}

	/**
	 * Per licensee, by its current name (the name the line recorded for a licensee licensing no longer knows);
	 * grouped by id in SQL, so two licensees of the same name add up on one row as they always did.
	 */
	List<Row> byLicensee(Range range) {
		Map<Long, String> names = this.licensees.names();
		return lineReport("l.licensee_id, l.licensee_name",
				key -> List.of(names.getOrDefault(Long.parseLong(key.get(0)), key.get(1))), range);
	}

	/** Per edition and category, as the catalog classed each product when it sold. */
	List<Row> byEditionAndCategory(Range range) {
		return lineReport("COALESCE(l.edition_slug, '-'), COALESCE(l.category_slug, '-')", key -> key, range);
	}

	private List<Row> lineReport(String keyColumns, UnaryOperator<List<String>> label, Range range) {
		Map<String, long[]> figures = new TreeMap<>();
		add(figures, this.jdbc.sql("""
				SELECT %s, o.currency, COUNT(DISTINCT o.id), SUM(l.unit_price_minor * l.quantity)
				FROM finance_order_line l JOIN finance_order o ON o.id = l.order_id
				WHERE o.status IN %s AND o.paid_at >= :from AND o.paid_at < :until
				GROUP BY %s, o.currency""".formatted(keyColumns, Reconciliation.PAID_STATUSES, keyColumns)),
				range, 0, label);
		add(figures, this.jdbc.sql("""
				SELECT %s, o.currency, 0, SUM(ROUND(r.amount_minor * l.unit_price_minor * l.quantity / lt.total))
				FROM finance_order_refund r JOIN finance_order o ON o.id = r.order_id
				JOIN finance_order_line l ON l.order_id = o.id
				JOIN (SELECT order_id, SUM(unit_price_minor * quantity) total FROM finance_order_line GROUP BY order_id) lt
				  ON lt.order_id = o.id AND lt.total > 0
				WHERE r.created_at >= :from AND r.created_at < :until
				GROUP BY %s, o.currency""".formatted(keyColumns, keyColumns)), range, 2, label);
		return rows(figures);
	}

	private JdbcClient.StatementSpec grossOf(String keyColumns) {
		return this.jdbc.sql("""
				SELECT %s, o.currency, COUNT(*), SUM(o.total_minor) FROM finance_order o
				WHERE o.status IN %s AND o.paid_at >= :from AND o.paid_at < :until
				GROUP BY %s, o.currency""".formatted(keyColumns, Reconciliation.PAID_STATUSES, keyColumns));
	}

	private JdbcClient.StatementSpec refundsOf(String keyColumns) {
		return this.jdbc.sql("""
				SELECT %s, o.currency, 0, SUM(r.amount_minor) FROM finance_order_refund r
				JOIN finance_order o ON o.id = r.order_id
				WHERE r.created_at >= :from AND r.created_at < :until
				GROUP BY %s, o.currency""".formatted(keyColumns, keyColumns));
	}

	private JdbcClient.StatementSpec feesOf(String keyColumns) {
		return this.jdbc.sql("""
				SELECT %s, t.currency, 0, SUM(t.fee_minor) FROM finance_balance_transaction t
				JOIN finance_order o ON o.number = t.order_number
				WHERE t.created_at >= :from AND t.created_at < :until AND t.type <> 'payout'
				GROUP BY %s, t.currency""".formatted(keyColumns, keyColumns));
	}

	/**
	 * Adds a query's rows (key columns..., currency, orders, amount) into slot {@code slot} of each key, the key
	 * columns (all but the currency) labelled first.
	 */
	private void add(Map<String, long[]> figures, JdbcClient.StatementSpec query, Range range, int slot,
			UnaryOperator<List<String>> label) {
		query.param("from", range.start()).param("until", range.end()).query(rs -> {
			int columns = rs.getMetaData().getColumnCount();
			List<String> key = new ArrayList<>();
			for (int i = 1; i <= columns - 3; i++) {
				key.add(rs.getString(i));
			}
			key = new ArrayList<>(label.apply(key));
			key.add(rs.getString(columns - 2));
			long[] row = figures.computeIfAbsent(String.join("\u0000", key), k -> new long[4]);
			row[1] += rs.getLong(columns - 1);
			row[slot] += rs.getLong(columns);
		});
	}

	private static List<Row> rows(Map<String, long[]> figures) {
		List<Row> rows = new ArrayList<>();
		figures.forEach((joined, f) -> {
			List<String> parts = List.of(joined.split("\u0000", -1));
			List<String> key = parts.subList(0, parts.size() - 1);
			rows.add(new Row(key, parts.getLast(), f[1], f[0], f[2], f[3]));
		});
		return rows;
	}

}

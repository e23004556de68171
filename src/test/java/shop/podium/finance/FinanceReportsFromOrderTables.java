package shop.podium.finance;

import java.sql.Timestamp;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The revenue reports exactly as they were computed before finance kept its own ledger, reading the orders,
 * catalog and licensing tables: kept only as the reference {@link LedgerFiguresTests} compares the ledger's
 * figures to. Test code, so the rule that a module reads only its own tables does not bind it.
 */
class FinanceReportsFromOrderTables {

	private final JdbcClient jdbc;

	FinanceReportsFromOrderTables(JdbcClient jdbc) {
		this.jdbc = jdbc;
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
		add(figures, grossOf(keyColumns), range, 0);
		add(figures, refundsOf(keyColumns), range, 2);
		add(figures, feesOf(keyColumns), range, 3);
		return rows(figures);
	}

	/** Per month (yyyy-MM) and currency, for the chart. */
	List<Row> byMonth(Range range) {
		Map<String, long[]> figures = new TreeMap<>();
		add(figures, grossOf("DATE_FORMAT(o.paid_at, '%Y-%m')"), range, 0);
		add(figures, refundsOf("DATE_FORMAT(r.created_at, '%Y-%m')"), range, 2);
		add(figures, feesOf("DATE_FORMAT(t.created_at, '%Y-%m')"), range, 3);
		return rows(figures);
	}

	List<Row> byLicensee(Range range) {
		return lineReport("COALESCE(li.name, l.licensee_name)", "LEFT JOIN licensee li ON li.id = l.licensee_id", range);
	}

	List<Row> byEditionAndCategory(Range range) {
		return lineReport("COALESCE(e.slug, '-'), COALESCE(c.slug, '-')", """
				LEFT JOIN product p ON p.slug = l.product_slug
				LEFT JOIN category c ON c.id = p.category_id
				LEFT JOIN edition e ON e.id = p.edition_id""", range);
	}

	private List<Row> lineReport(String keyColumns, String joins, Range range) {
		Map<String, long[]> figures = new TreeMap<>();
		add(figures, this.jdbc.sql("""
				SELECT %s, o.currency, COUNT(DISTINCT o.id), SUM(l.unit_price_minor * l.quantity)
				FROM order_line l JOIN customer_order o ON o.id = l.order_id %s
				WHERE o.status IN %s AND o.paid_at >= :from AND o.paid_at < :until
				GROUP BY %s, o.currency""".formatted(keyColumns, joins, Reconciliation.PAID_STATUSES, keyColumns)),
				range, 0);
		add(figures, this.jdbc.sql("""
				SELECT %s, o.currency, 0, SUM(ROUND(r.amount_minor * l.unit_price_minor * l.quantity / lt.total))
				FROM order_refund r JOIN customer_order o ON o.id = r.order_id
				JOIN order_line l ON l.order_id = o.id
				JOIN (SELECT order_id, SUM(unit_price_minor * quantity) total FROM order_line GROUP BY order_id) lt
				  ON lt.order_id = o.id AND lt.total > 0 %s
				WHERE r.created_at >= :from AND r.created_at < :until
				GROUP BY %s, o.currency""".formatted(keyColumns, joins, keyColumns)), range, 2);
		return rows(figures);
	}

	private JdbcClient.StatementSpec grossOf(String keyColumns) {
		return this.jdbc.sql("""
				SELECT %s, o.currency, COUNT(*), SUM(o.total_minor) FROM customer_order o
				WHERE o.status IN %s AND o.paid_at >= :from AND o.paid_at < :until
				GROUP BY %s, o.currency""".formatted(keyColumns, Reconciliation.PAID_STATUSES, keyColumns));
	}

	private JdbcClient.StatementSpec refundsOf(String keyColumns) {
		return this.jdbc.sql("""
				SELECT %s, o.currency, 0, SUM(r.amount_minor) FROM order_refund r
				JOIN customer_order o ON o.id = r.order_id
				WHERE r.created_at >= :from AND r.created_at < :until
				GROUP BY %s, o.currency""".formatted(keyColumns, keyColumns));
	}

	private JdbcClient.StatementSpec feesOf(String keyColumns) {
		return this.jdbc.sql("""
				SELECT %s, t.currency, 0, SUM(t.fee_minor) FROM finance_balance_transaction t
				JOIN customer_order o ON o.number = t.order_number
				WHERE t.created_at >= :from AND t.created_at < :until AND t.type <> 'payout'
				GROUP BY %s, t.currency""".formatted(keyColumns, keyColumns));
	}

	/** Adds a query's rows (key columns..., currency, orders, amount) into slot {@code slot} of each key. */
	private void add(Map<String, long[]> figures, JdbcClient.StatementSpec query, Range range, int slot) {
		query.param("from", range.start()).param("until", range.end()).query(rs -> {
			int columns = rs.getMetaData().getColumnCount();
			List<String> key = new ArrayList<>();
			for (int i = 1; i <= columns - 2; i++) {
				key.add(rs.getString(i));
			}
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

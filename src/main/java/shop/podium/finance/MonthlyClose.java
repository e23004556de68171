package shop.podium.finance;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The month-end summary finance signs off: per currency what was sold, refunded, paid in fees and paid out, the
 * royalties billed when the month is closed, and how many discrepancies the month left open.
 */
@Service
class MonthlyClose {

	private final JdbcClient jdbc;

	private final FinanceReports reports;

	MonthlyClose(JdbcClient jdbc, FinanceReports reports) {
		this.jdbc = jdbc;
		this.reports = reports;
	}

	record Line(String currency, long orders, long gross, long refunds, long fees, long net, long paidOut,
			long royalties) {
	}

	record Summary(YearMonth month, boolean closed, List<Line> lines, int discrepanciesFound, int discrepanciesOpen) {
	}

	Summary of(YearMonth month) {
		FinanceReports.Range range = new FinanceReports.Range(month, month);
		Map<String, long[]> perCurrency = new TreeMap<>();
		for (FinanceReports.Row row : this.reports.byRegion(range)) {
			long[] f = perCurrency.computeIfAbsent(row.currency(), c -> new long[6]);
			f[0] += row.orders();
			f[1] += row.gross();
			f[2] += row.refunds();
			f[3] += row.fees();
		}
		this.jdbc.sql("""
				SELECT currency, SUM(amount_minor) FROM finance_payout
				WHERE created_at >= :from AND created_at < :until GROUP BY currency""")
			.param("from", range.start())
			.param("until", range.end())
			.query(rs -> {
				perCurrency.computeIfAbsent(rs.getString(1), c -> new long[6])[4] += rs.getLong(2);
			});
		this.jdbc.sql("SELECT currency, SUM(royalty_minor) FROM finance_royalty_line WHERE period = ? GROUP BY currency")
			.param(month.toString())
			.query(rs -> {
				perCurrency.computeIfAbsent(rs.getString(1), c -> new long[6])[5] += rs.getLong(2);
			});
		List<Line> lines = perCurrency.entrySet()
			.stream()
			.map(e -> {
				long[] f = e.getValue();
				return new Line(e.getKey(), f[0], f[1], f[2], f[3], f[1] - f[2] - f[3], f[4], f[5]);
			})
			.toList();
		boolean closed = this.jdbc.sql("SELECT COUNT(*) FROM finance_period WHERE period = ?")
			.param(month.toString())
			.query(Integer.class)
			.single() > 0;
		int found = count("SELECT COUNT(*) FROM finance_discrepancy WHERE found_at >= :from AND found_at < :until", range);
		int open = count("SELECT COUNT(*) FROM finance_discrepancy WHERE found_at < :until AND status = 'OPEN'", range);
		return new Summary(month, closed, lines, found, open);
	}

	private int count(String sql, FinanceReports.Range range) {
		return this.jdbc.sql(sql).param("from", range.start()).param("until", range.end()).query(Integer.class).single();
	}

}

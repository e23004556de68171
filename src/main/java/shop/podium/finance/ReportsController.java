package shop.podium.finance;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /finance/reports}: revenue by region and currency with its chart, by licensee, by edition and category,
 * over a range of months (the last six by default), each table also as CSV; and the close summary of a month.
 */
@Controller
class ReportsController {

	private final FinanceReports reports;

	private final MonthlyClose close;

	ReportsController(FinanceReports reports, MonthlyClose close) {
		this.reports = reports;
		this.close = close;
	}

	@GetMapping("/finance/reports")
	String reports(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String month, Model model) {
		FinanceReports.Range range;
		YearMonth closeMonth;
		try {
			range = range(from, to);
			closeMonth = (month != null && !month.isBlank()) ? YearMonth.parse(month) : range.to();
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			model.addAttribute("alert", "finance.reports.badRange");
			range = range(null, null);
			closeMonth = range.to();
		}
		model.addAttribute("range", range);
		model.addAttribute("byRegion", this.reports.byRegion(range));
		model.addAttribute("charts", RevenueChart.of(this.reports.byMonth(range), range.months()));
		model.addAttribute("byLicensee", this.reports.byLicensee(range));
		model.addAttribute("byEdition", this.reports.byEditionAndCategory(range));
		model.addAttribute("close", this.close.of(closeMonth));
		return "finance/reports";
	}

	@GetMapping(path = "/finance/reports/{table}.csv", produces = "text/csv")
	ResponseEntity<byte[]> csv(@PathVariable String table, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String month) {
		FinanceReports.Range range;
		try {
			range = range(from, to);
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		String name = "revenue-" + table + "-" + range.from() + "-" + range.to() + ".csv";
		return switch (table) {
			case "region" -> Downloads.csv(name, rows(List.of("region"), this.reports.byRegion(range)));
			case "month" -> Downloads.csv(name, rows(List.of("month"), this.reports.byMonth(range)));
			case "licensee" -> Downloads.csv(name, rows(List.of("licensee"), this.reports.byLicensee(range)));
			case "edition" -> Downloads.csv(name, rows(List.of("edition", "category"), this.reports.byEditionAndCategory(range)));
			case "close" -> closeCsv(month, range);
			default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		};
	}

	private ResponseEntity<byte[]> closeCsv(String month, FinanceReports.Range range) {
		YearMonth chosen;
		try {
			chosen = (month != null && !month.isBlank()) ? YearMonth.parse(month) : range.to();
		}
		catch (DateTimeParseException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		MonthlyClose.Summary summary = this.close.of(chosen);
		List<List<?>> rows = summary.lines()
			.stream()
			.<List<?>>map(l -> List.of(chosen.toString(), l.currency(), l.orders(), l.gross(), l.refunds(), l.fees(),
					l.net(), l.paidOut(), l.royalties()))
			.toList();
		return Downloads.csv("monthly-close-" + chosen + ".csv", SafeCsv.write(List.of("month", "currency", "orders",
				"gross_minor", "refunds_minor", "fees_minor", "net_minor", "paid_out_minor", "royalties_minor"), rows));
	}

	private static String rows(List<String> keyHeader, List<FinanceReports.Row> rows) {
		List<String> header = new ArrayList<>(keyHeader);
		header.addAll(List.of("currency", "orders", "gross_minor", "refunds_minor", "fees_minor", "net_minor"));
		List<List<?>> body = rows.stream().<List<?>>map(r -> {
			List<Object> cells = new ArrayList<>(r.key());
			cells.addAll(List.of(r.currency(), r.orders(), r.gross(), r.refunds(), r.fees(), r.net()));
			return cells;
		}).toList();
		return SafeCsv.write(header, body);
	}

	static FinanceReports.Range range(String from, String to) {
		YearMonth now = YearMonth.now(ZoneOffset.UTC);
		YearMonth end = (to != null && !to.isBlank()) ? YearMonth.parse(to) : now;
		YearMonth start = (from != null && !from.isBlank()) ? YearMonth.parse(from) : end.minusMonths(5);
		return new FinanceReports.Range(start, end);
	}

}

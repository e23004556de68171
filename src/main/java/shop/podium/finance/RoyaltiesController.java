package shop.podium.finance;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Royalty statements for finance: a period's licensees, one statement as page, CSV and PDF, and the close. */
@Controller
class RoyaltiesController {

	private final RoyaltyStatements statements;

	private final StatementPdf pdf;

	RoyaltiesController(RoyaltyStatements statements, StatementPdf pdf) {
		this.statements = statements;
		this.pdf = pdf;
	}

	@GetMapping("/finance/royalties")
	String period(@RequestParam(required = false) String period, Model model) {
		RoyaltyPeriod chosen = parse((period != null) ? period
				: RoyaltyPeriod.month(LocalDate.now(ZoneOffset.UTC).minusMonths(1)).key());
		model.addAttribute("period", chosen);
		model.addAttribute("closed", this.statements.closed(chosen));
		model.addAttribute("closedWith", this.statements.closedWith(chosen).orElse(null));
		model.addAttribute("closedPeriods", this.statements.closedPeriods());
		model.addAttribute("licensees", this.statements.licenseesIn(chosen)
			.stream()
			.map(id -> new Licensee(id, this.statements.licenseeName(id).orElse("#" + id)))
			.sorted(java.util.Comparator.comparing(Licensee::name))
			.toList());
		return "finance/royalties";
	}

	record Licensee(long id, String name) {
	}

	@PostMapping("/finance/royalties/close")
	String close(@RequestParam(defaultValue = "") String period, RedirectAttributes redirect) {
		try {
			this.statements.close(RoyaltyPeriod.parse(period));
			redirect.addFlashAttribute("notice", "finance.royalties.closedNotice");
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("alert", "finance.royalties.refused.period");
			return "redirect:/finance/royalties";
		}
		catch (RoyaltyStatements.StatementRefused ex) {
			redirect.addFlashAttribute("alert", ex.messageKey);
		}
		return "redirect:/finance/royalties?period=" + period;
	}

	@GetMapping("/finance/royalties/{period}/{licenseeId}")
	String statement(@PathVariable String period, @PathVariable long licenseeId, Model model) {
		model.addAttribute("statement", find(period, licenseeId));
		model.addAttribute("base", "/finance/royalties/" + period + "/" + licenseeId);
		return "finance/statement";
	}

	@GetMapping(path = "/finance/royalties/{period}/{licenseeId}.csv", produces = "text/csv")
	ResponseEntity<byte[]> csv(@PathVariable String period, @PathVariable long licenseeId) {
		return csv(find(period, licenseeId));
	}

	@GetMapping(path = "/finance/royalties/{period}/{licenseeId}.pdf", produces = "application/pdf")
	ResponseEntity<byte[]> pdf(@PathVariable String period, @PathVariable long licenseeId) {
		RoyaltyStatement statement = find(period, licenseeId);
		return Downloads.pdf(fileName(statement, "pdf"), this.pdf.render(statement));
	}

	RoyaltyStatement find(String period, long licenseeId) {
		try {
			return this.statements.statement(licenseeId, parse(period));
		}
		catch (RoyaltyStatements.StatementRefused ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	static ResponseEntity<byte[]> csv(RoyaltyStatement statement) {
		List<List<?>> rows = new java.util.ArrayList<>();
		RoyaltyStatement.Conversion conversion = statement.conversion();
		statement.lines().forEach(l -> {
			List<Object> row = new java.util.ArrayList<>(List.of(statement.period().key(), statement.licenseeName(),
					l.licenceReference(), l.currency(), l.gross(), l.returns(), l.adjustments(), l.net(),
					l.rate().toPlainString(), l.royalty(), "", "", "", "", ""));
			row.addAll(convertedCells(conversion, l));
			rows.add(row);
		});
		if (conversion != null) {
			rows.add(List.of(statement.period().key(), statement.licenseeName(), "total", "", "", "", "", "", "", "", "",
					"", "", "", conversion.unconverted(), conversion.currency(), "", conversion.net(), conversion.royalty()));
		}
		statement.guarantees()
			.forEach(g -> rows.add(List.of(statement.period().key(), statement.licenseeName(), g.licenceReference(),
					g.currency(), "", "", "", "", "", g.converted(), dayOf(g.from()), dayOf(g.to()), g.guarantee(),
					g.shortfall(), g.unconverted(), "", "", "", "")));
		return Downloads.csv(fileName(statement, "csv"), SafeCsv.write(List.of("period", "licensee", "licence",
				"currency", "gross_minor", "returns_minor", "adjustments_minor", "net_minor", "rate", "royalty_minor",
				"guarantee_from", "guarantee_to", "minimum_guarantee_minor", "shortfall_minor", "not_converted",
				"converted_currency", "exchange_rate", "converted_net_minor", "converted_royalty_minor"), rows));
	}

	private static List<Object> convertedCells(RoyaltyStatement.Conversion conversion, RoyaltyStatement.Line line) {
		if (conversion == null) {
			return List.of("", "", "", "");
		}
		return conversion.lines()
			.stream()
			.filter(c -> c.licenceReference().equals(line.licenceReference()) && c.from().equals(line.currency()))
			.findFirst()
			.<List<Object>>map(c -> List.of(conversion.currency(), c.exchangeRate().toPlainString(), c.net(), c.royalty()))
			.orElse(List.of(conversion.currency(), "", "", ""));
	}

	private static String dayOf(LocalDate day) {
		return (day != null) ? day.toString() : "";
	}

	static String fileName(RoyaltyStatement statement, String extension) {
		return "royalty-statement-" + statement.period().key() + "-" + statement.licenseeId() + "." + extension;
	}

	static RoyaltyPeriod parse(String period) {
		try {
			return RoyaltyPeriod.parse(period);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

}

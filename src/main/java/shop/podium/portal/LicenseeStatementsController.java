package shop.podium.portal;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import shop.podium.accounts.CurrentUser;
import shop.podium.finance.LicenseeStatements;

/**
 * A licensee's own royalty statements. The licensee in the address must be the signed-in user's: anyone
 * else's statement is not found (404), so its existence does not leak.
 */
@Controller
class LicenseeStatementsController {

	private final LicenseeStatements statements;

	LicenseeStatementsController(LicenseeStatements statements) {
		this.statements = statements;
	}

	@GetMapping("/licensee/statements")
	String list(CurrentUser user, Model model) {
		model.addAttribute("licenseeId", user.requireLicenseeId());
		model.addAttribute("periods", this.statements.periods());
		return "portal/statements";
	}

	@GetMapping("/licensee/statements/{period}/{licenseeId}")
	String show(CurrentUser user, @PathVariable String period, @PathVariable long licenseeId, Model model) {
		model.addAttribute("statement", find(user, period, licenseeId).view());
		model.addAttribute("base", "/licensee/statements/" + period + "/" + licenseeId);
		return "portal/statement";
	}

	@GetMapping(path = "/licensee/statements/{period}/{licenseeId}.csv", produces = "text/csv")
	ResponseEntity<byte[]> csv(CurrentUser user, @PathVariable String period, @PathVariable long licenseeId) {
		return find(user, period, licenseeId).csv();
	}

	@GetMapping(path = "/licensee/statements/{period}/{licenseeId}.pdf", produces = "application/pdf")
	ResponseEntity<byte[]> pdf(CurrentUser user, @PathVariable String period, @PathVariable long licenseeId) {
		LicenseeStatements.Statement statement = find(user, period, licenseeId);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(statement.fileName("pdf")).build().toString())
			.body(statement.pdf());
	}

	private LicenseeStatements.Statement find(CurrentUser user, String period, long licenseeId) {
		if (user.requireLicenseeId() != licenseeId) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return this.statements.statement(licenseeId, period)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}

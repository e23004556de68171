package shop.podium.portal;

import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import shop.podium.accounts.CurrentUser;
import shop.podium.catalog.ListingSummaries;
import shop.podium.licensing.LicenceBook;
import shop.podium.licensing.LicenceSummary;

/**
 * The licensee's dashboard, for the one licensee the signed-in staff member acts for: their listings by status,
 * the latest decisions on them, their licences (with a warning a month before one ends), and — once the orders
 * module offers them — sales this month and the lines waiting for shipment.
 */
@Controller
class LicenseeDashboardController {

	static final int DECISIONS = 5;

	private final JdbcClient jdbc;

	private final ListingSummaries listings;

	private final LicenceBook licences;

	LicenseeDashboardController(JdbcClient jdbc, ListingSummaries listings, LicenceBook licences) {
		this.jdbc = jdbc;
		this.listings = listings;
		this.licences = licences;
	}

	@GetMapping("/licensee")
	String dashboard(CurrentUser user, Model model) {
		long licenseeId = user.requireLicenseeId();
		// a plain read of the licensee's name, which licensing offers no API for yet
		String licenseeName = this.jdbc.sql("SELECT name FROM licensee WHERE id = ?")
			.param(licenseeId)
			.query(String.class)
			.optional()
			.orElse(null);
		LocalDate today = this.licences.today();
		model.addAttribute("user", user);
		model.addAttribute("licenseeName", licenseeName);
		model.addAttribute("counts", this.listings.counts(licenseeId));
		model.addAttribute("decisions", this.listings.latestDecisions(licenseeId, DECISIONS));
		model.addAttribute("licences", this.licences.licencesOf(licenseeId));
		model.addAttribute("today", today);
		model.addAttribute("expiring", this.licences.licencesOf(licenseeId)
			.stream()
			.anyMatch(l -> l.stateOn(today) == LicenceSummary.State.EXPIRING));
		return "portal/dashboard";
	}

}

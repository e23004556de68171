package shop.podium.portal;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import shop.podium.accounts.CurrentUser;
import shop.podium.catalog.ListingSummaries;
import shop.podium.licensing.LicenceBook;
import shop.podium.licensing.LicenceSummary;
import shop.podium.orders.LicenseeSales;
import shop.podium.regions.Region;
import shop.podium.regions.Regions;

/**
 * The licensee's dashboard, for the one licensee the signed-in staff member acts for: their listings by status,
 * the latest decisions on them, their sales this month per region and the order lines waiting for them to ship
 * (both from {@code orders}), and their licences (with a warning a month before one ends).
 */
@Controller
class LicenseeDashboardController {

	static final int DECISIONS = 5;

	static final int LINES_TO_SHIP = 10;

	private final JdbcClient jdbc;

	private final ListingSummaries listings;

	private final LicenceBook licences;

	private final LicenseeSales sales;

	private final Regions regions;

	LicenseeDashboardController(JdbcClient jdbc, ListingSummaries listings, LicenceBook licences, LicenseeSales sales,
			Regions regions) {
		this.jdbc = jdbc;
		this.listings = listings;
		this.licences = licences;
		this.sales = sales;
		this.regions = regions;
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
		List<LicenceSummary> licences = this.licences.licencesOf(licenseeId);
		model.addAttribute("licences", licences);
		model.addAttribute("today", today);
		model.addAttribute("expiring",
				licences.stream().anyMatch(l -> l.stateOn(today) == LicenceSummary.State.EXPIRING));
		model.addAttribute("month", this.sales.thisMonth());
		model.addAttribute("sales", this.sales.salesIn(licenseeId, this.sales.thisMonth()));
		model.addAttribute("regionNames", this.regions.list()
			.stream()
			.collect(Collectors.toMap(Region::code, Region::name)));
		model.addAttribute("toShip", this.sales.toShip(licenseeId, LINES_TO_SHIP));
		return "portal/dashboard";
	}

}

package shop.podium.portal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import shop.podium.accounts.CurrentUser;
import shop.podium.catalog.ListingSummaries;
import shop.podium.core.ReaderDates;
import shop.podium.licensing.LicenceBook;
import shop.podium.licensing.Licensees;
import shop.podium.licensing.LicenceSummary;
import shop.podium.orders.LicenseeSales;
import shop.podium.regions.Region;
import shop.podium.regions.Regions;

/**
 * The licensee's dashboard, for the one licensee the signed-in staff member acts for: their listings by status,
 * the latest decisions on them, their sales this month per region and the order lines waiting for them to ship
 * (both from {@code orders}), and their licences, announced at the top when one ends within a month, is
 * suspended or has ended.
 */
@Controller
class LicenseeDashboardController {

	static final int DECISIONS = 5;

	static final int LINES_TO_SHIP = 10;

	private final Licensees licensees;

	private final ListingSummaries listings;

	private final LicenceBook licences;

	private final LicenseeSales sales;

	private final Regions regions;

	LicenseeDashboardController(Licensees licensees, ListingSummaries listings, LicenceBook licences, LicenseeSales sales,
			Regions regions) {
		this.licensees = licensees;
		this.listings = listings;
		this.licences = licences;
		this.sales = sales;
		this.regions = regions;
	}

	@GetMapping("/licensee")
	String dashboard(CurrentUser user, Model model) {
		long licenseeId = user.requireLicenseeId();
		String licenseeName = this.licensees.name(licenseeId).orElse(null);
		LocalDate today = this.licences.today();
		model.addAttribute("user", user);
		model.addAttribute("licenseeName", licenseeName);
		model.addAttribute("counts", this.listings.counts(licenseeId));
		model.addAttribute("decisions", this.listings.latestDecisions(licenseeId, DECISIONS));
		List<LicenceSummary> licences = this.licences.licencesOf(licenseeId);
		model.addAttribute("licences", licences);
		model.addAttribute("today", today);
		model.addAttribute("licenceNotices", licenceNotices(licences, today));
		model.addAttribute("month", this.sales.thisMonth());
		model.addAttribute("sales", this.sales.salesIn(licenseeId, this.sales.thisMonth()));
		model.addAttribute("regionNames", this.regions.list()
			.stream()
			.collect(Collectors.toMap(Region::code, Region::name)));
		model.addAttribute("toShip", this.sales.toShip(licenseeId, LINES_TO_SHIP));
		return "portal/dashboard";
	}

	/**
	 * What the licensee must know of their licences, at the top of the page: one ending within
	 * {@value LicenceSummary#WARN_DAYS} days, one suspended, one that ended lately (or the last one, when none is
	 * in force any more), each by its reference and day.
	 */
	static List<LicenceNotice> licenceNotices(List<LicenceSummary> licences, LocalDate today) {
		boolean noneInForce = licences.stream().noneMatch(l -> l.inForceOn(today));
		LicenceSummary lastEnded = licences.stream()
			.filter(l -> l.validTo().isBefore(today))
			.max(Comparator.comparing(LicenceSummary::validTo))
			.orElse(null);
		List<LicenceNotice> notices = new ArrayList<>();
		for (LicenceSummary licence : licences) {
			LicenceSummary.State state = licence.stateOn(today);
			if (licence.validTo().isBefore(today)) {
				// suspended or not, a licence past its last day is told as ended
				state = LicenceSummary.State.EXPIRED;
			}
			boolean endedLately = !licence.validTo().isBefore(today.minusDays(LicenceSummary.WARN_DAYS));
			if (state == LicenceSummary.State.EXPIRING || state == LicenceSummary.State.SUSPENDED
					|| (state == LicenceSummary.State.EXPIRED && (endedLately || (noneInForce && licence == lastEnded)))) {
				notices.add(new LicenceNotice("portal.dashboard.notice." + state, licence.reference(),
						ReaderDates.forMessages(licence.validTo()),
						ChronoUnit.DAYS.between(today, licence.validTo())));
			}
		}
		return notices;
	}

	/** A notice of the licence {@code reference}: the message key, then the reference, its last day, days left. */
	record LicenceNotice(String key, String reference, Date lastDay, long daysLeft) {

		public Object[] arguments() {
			return new Object[] { this.reference, this.lastDay, this.daysLeft };
		}

	}

}

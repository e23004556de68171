package shop.podium.backoffice;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import shop.podium.accounts.AuditLog;
import shop.podium.accounts.CurrentUser;
import shop.podium.catalog.ListingSummaries;
import shop.podium.core.ReaderDates;
import shop.podium.licensing.LicenceBook;

/**
 * Where rights-holder administrators land: the listings waiting for their approval, the licences ending within
 * a month (to renew or let lapse), and the latest activity of the audit log.
 */
@Controller
class AdminHomeController {

	static final int LATEST = 20;

	/** An audit entry as the page shows it: the time in the reader's language, in UTC. */
	record AuditRow(Instant occurredAt, String occurredAtText, String actor, String action, String objectType,
			String objectId) {
	}

	/** A licence ending soon as the page shows it: its last day for the messages' {@code {0,date,long}}. */
	record EndingRow(String reference, long licenseeId, String licenseeName, LocalDate validTo, Date lastDay,
			long daysLeft) {
	}

	private final AuditLog auditLog;

	private final ListingSummaries listings;

	private final LicenceBook licences;

	AdminHomeController(AuditLog auditLog, ListingSummaries listings, LicenceBook licences) {
		this.auditLog = auditLog;
		this.listings = listings;
		this.licences = licences;
	}

	@GetMapping("/admin")
	String home(CurrentUser user, Locale locale, Model model) {
		DateTimeFormatter time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
			.withLocale(locale)
			.withZone(ZoneOffset.UTC);
		model.addAttribute("user", user);
		model.addAttribute("waiting", this.listings.waitingForApproval());
		LocalDate today = this.licences.today();
		model.addAttribute("endingSoon", this.licences.endingSoon()
			.stream()
			.map(l -> new EndingRow(l.reference(), l.licenseeId(), l.licenseeName(), l.validTo(),
					ReaderDates.forMessages(l.validTo()),
					ChronoUnit.DAYS.between(today, l.validTo())))
			.toList());
		model.addAttribute("auditEntries", this.auditLog.latest(LATEST)
			.stream()
			.map(entry -> new AuditRow(entry.occurredAt(), time.format(entry.occurredAt()) + " UTC", entry.actor(),
					entry.action(), entry.objectType(), entry.objectId()))
			.toList());
		return "admin/home";
	}

}

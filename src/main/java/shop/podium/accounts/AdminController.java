package shop.podium.accounts;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The rights-holder administrators' landing page. It lives here because what it shows today is the audit
 * log; the screens it links to (regions, licences, listing approval) belong to the modules whose data they
 * change.
 */
@Controller
class AdminController {

	static final int LATEST = 20;

	/** An audit entry as the page shows it: the time in the reader's language, in UTC. */
	record AuditRow(Instant occurredAt, String occurredAtText, String actor, String action, String objectType,
			String objectId) {
	}

	private final AuditLog auditLog;

	AdminController(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	@GetMapping("/admin")
	String home(CurrentUser user, Locale locale, Model model) {
		DateTimeFormatter time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
			.withLocale(locale)
			.withZone(ZoneOffset.UTC);
		model.addAttribute("user", user);
		model.addAttribute("auditEntries", this.auditLog.latest(LATEST)
			.stream()
			.map(entry -> new AuditRow(entry.occurredAt(), time.format(entry.occurredAt()) + " UTC", entry.actor(),
					entry.action(), entry.objectType(), entry.objectId()))
			.toList());
		return "admin/home";
	}

}

package shop.podium.accounts;

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

	private final AuditLog auditLog;

	AdminController(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	@GetMapping("/admin")
	String home(CurrentUser user, Model model) {
		model.addAttribute("user", user);
		model.addAttribute("auditEntries", this.auditLog.latest(LATEST));
		return "admin/home";
	}

}

package shop.podium.accounts;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The administrators' view of the Content-Security-Policy violations browsers reported: how many, for which
 * directive and which blocked address. A rise after a release points at a page that loads something the policy
 * does not allow (or at someone injecting it).
 */
@Controller
class CspReportsAdminController {

	private final CspReports reports;

	CspReportsAdminController(CspReports reports) {
		this.reports = reports;
	}

	@GetMapping("/admin/csp-reports")
	String reports(Model model) {
		model.addAttribute("total", this.reports.total());
		model.addAttribute("days", this.reports.keepDays());
		model.addAttribute("byDirective", this.reports.byDirective());
		model.addAttribute("byBlockedUri", this.reports.byBlockedUri());
		return "admin/csp-reports";
	}

}

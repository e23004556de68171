package shop.podium.portal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import shop.podium.accounts.CurrentUser;

/** The licensee's dashboard, for the one licensee the signed-in staff member acts for. */
@Controller
class LicenseeDashboardController {

	private final JdbcClient jdbc;

	LicenseeDashboardController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/licensee")
	String dashboard(CurrentUser user, Model model) {
		// a plain read of the licensee's name: the portal needs nothing else of the licensing module yet
		String licenseeName = this.jdbc.sql("SELECT name FROM licensee WHERE id = ?")
			.param(user.requireLicenseeId())
			.query(String.class)
			.optional()
			.orElse(null);
		model.addAttribute("user", user);
		model.addAttribute("licenseeName", licenseeName);
		return "portal/dashboard";
	}

}

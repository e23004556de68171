package shop.podium.search;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import shop.podium.accounts.CurrentUser;

/**
 * The admins' full reindex: builds a new index in the background and swaps the alias to it; progress is in
 * the log. Under {@code /admin/**}, so ADMIN only, with CSRF protection.
 */
@Controller
class SearchAdminController {

	private final SearchMaintenance maintenance;

	private final SearchCluster cluster;

	SearchAdminController(SearchMaintenance maintenance, SearchCluster cluster) {
		this.maintenance = maintenance;
		this.cluster = cluster;
	}

	@PostMapping("/admin/search/reindex")
	String reindex(CurrentUser user, RedirectAttributes redirect) {
		if (!this.cluster.reachable()) {
			redirect.addFlashAttribute("alert", "search.admin.reindex.unreachable");
		}
		else if (this.maintenance.requestReindex(user.email())) {
			redirect.addFlashAttribute("notice", "search.admin.reindex.started");
		}
		else {
			redirect.addFlashAttribute("alert", "search.admin.reindex.running");
		}
		return "redirect:/admin";
	}

}

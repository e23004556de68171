package shop.podium.catalog;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The rights holder's approval queue: what waits, a side-by-side view of what changed, approve or reject with
 * a reason, approve a selection at once.
 */
@Controller
class ApprovalController {

	private final Approvals approvals;

	private final Inventory inventory;

	private final MessageSource messages;

	ApprovalController(Approvals approvals, Inventory inventory, MessageSource messages) {
		this.approvals = approvals;
		this.inventory = inventory;
		this.messages = messages;
	}

	@GetMapping("/admin/approvals")
	String queue(Model model) {
		model.addAttribute("waiting", this.approvals.queue());
		return "admin/approvals/queue";
	}

	@GetMapping("/admin/approvals/{id}")
	String review(@PathVariable long id, Model model) {
		model.addAttribute("review", this.approvals.review(id));
		model.addAttribute("variants", this.inventory.variants(id));
		model.addAttribute("offers", this.inventory.offers(id));
		return "admin/approvals/review";
	}

	@PostMapping("/admin/approvals/{id}/approve")
	String approve(@PathVariable long id, RedirectAttributes redirect) {
		this.approvals.approve(id);
		redirect.addFlashAttribute("notice", "admin.approvals.approved");
		return "redirect:/admin/approvals";
	}

	@PostMapping("/admin/approvals/{id}/reject")
	String reject(@PathVariable long id, @RequestParam(required = false) String reason, Locale locale,
			RedirectAttributes redirect) {
		try {
			this.approvals.reject(id, reason);
		}
		catch (ListingProblem problem) {
			redirect.addFlashAttribute("problem",
					this.messages.getMessage(problem.messageKey(), problem.arguments(), locale));
			redirect.addFlashAttribute("reason", reason);
			return "redirect:/admin/approvals/" + id;
		}
		redirect.addFlashAttribute("notice", "admin.approvals.rejected");
		return "redirect:/admin/approvals";
	}

	@PostMapping("/admin/approvals/approve")
	String approveSelected(@RequestParam(name = "product", required = false) List<Long> products,
			RedirectAttributes redirect) {
		if (products == null || products.isEmpty()) {
			redirect.addFlashAttribute("alert", "admin.approvals.noneSelected");
			return "redirect:/admin/approvals";
		}
		int approved = this.approvals.approveAll(products);
		redirect.addFlashAttribute("approvedCount", approved);
		redirect.addFlashAttribute("notice", "admin.approvals.bulkApproved");
		return "redirect:/admin/approvals";
	}

}

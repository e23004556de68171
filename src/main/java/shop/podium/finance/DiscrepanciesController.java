package shop.podium.finance;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The discrepancy queue: open and resolved items, one item with its history, and the actions on it. */
@Controller
class DiscrepanciesController {

	private final Discrepancies discrepancies;

	DiscrepanciesController(Discrepancies discrepancies) {
		this.discrepancies = discrepancies;
	}

	@GetMapping("/finance/discrepancies")
	String list(@RequestParam(defaultValue = "open") String status, Model model) {
		boolean open = !"resolved".equals(status);
		model.addAttribute("open", open);
		model.addAttribute("items", this.discrepancies.list(open, 500));
		return "finance/discrepancies";
	}

	@GetMapping(path = "/finance/discrepancies.csv", produces = "text/csv")
	ResponseEntity<byte[]> csv(@RequestParam(defaultValue = "open") String status) {
		List<List<?>> rows = this.discrepancies.list(!"resolved".equals(status), 100_000)
			.stream()
			.<List<?>>map(d -> List.of(d.id(), d.kind(), d.status(), nz(d.orderNumber()), nz(d.stripeId()),
					(d.amount() != null) ? d.amount() : "", nz(d.currency()), nz(d.detail()), nz(d.assignee()),
					nz(d.resolution()), d.foundAt().toString()))
			.toList();
		return Downloads.csv("discrepancies-" + status + ".csv", SafeCsv.write(List.of("id", "kind", "status", "order",
				"stripe_id", "amount_minor", "currency", "detail", "assignee", "resolution", "found_at"), rows));
	}

	@GetMapping("/finance/discrepancies/{id}")
	String show(@PathVariable long id, Model model) {
		model.addAttribute("item", this.discrepancies.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		model.addAttribute("history", this.discrepancies.history(id));
		return "finance/discrepancy";
	}

	@PostMapping("/finance/discrepancies/{id}/assign")
	String assign(@PathVariable long id, @RequestParam(defaultValue = "") String assignee, RedirectAttributes redirect) {
		return act(id, redirect, () -> this.discrepancies.assign(id, assignee), "finance.discrepancy.assigned");
	}

	@PostMapping("/finance/discrepancies/{id}/comment")
	String comment(@PathVariable long id, @RequestParam(defaultValue = "") String comment, RedirectAttributes redirect) {
		if (comment.isBlank() || comment.length() > 1000) {
			redirect.addFlashAttribute("alert", "finance.discrepancy.commentRequired");
			return "redirect:/finance/discrepancies/" + id;
		}
		return act(id, redirect, () -> this.discrepancies.comment(id, comment), "finance.discrepancy.commented");
	}

	@PostMapping("/finance/discrepancies/{id}/resolve")
	String resolve(@PathVariable long id, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
		if (reason.isBlank() || reason.length() > 500) {
			redirect.addFlashAttribute("alert", "finance.discrepancy.reasonRequired");
			return "redirect:/finance/discrepancies/" + id;
		}
		return act(id, redirect, () -> this.discrepancies.resolve(id, reason), "finance.discrepancy.resolved");
	}

	private String act(long id, RedirectAttributes redirect, Runnable action, String notice) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (Discrepancies.DiscrepancyRefused ex) {
			redirect.addFlashAttribute("alert", ex.messageKey);
		}
		return "redirect:/finance/discrepancies/" + id;
	}

	private static String nz(String value) {
		return (value != null) ? value : "";
	}

}

package shop.podium.finance;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
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

	/** Whom to assign the item to: an email address, or blank to unassign. */
	record AssignForm(@Email(message = "{finance.discrepancy.assigneeInvalid}")
	@Size(max = 254, message = "{finance.discrepancy.assigneeInvalid}") String assignee) {

		AssignForm {
			assignee = (assignee != null) ? assignee.strip() : "";
		}

	}

	record CommentForm(@NotBlank(message = "{finance.discrepancy.commentRequired}")
	@Size(max = 1000, message = "{finance.discrepancy.commentRequired}") String comment) {
	}

	record ResolveForm(@NotBlank(message = "{finance.discrepancy.reasonRequired}")
	@Size(max = 500, message = "{finance.discrepancy.reasonRequired}") String reason) {
	}

	@GetMapping("/finance/discrepancies/{id}")
	String show(@PathVariable long id, Model model) {
		return page(id, model);
	}

	@PostMapping("/finance/discrepancies/{id}/assign")
	String assign(@PathVariable long id, @Valid @ModelAttribute("assignForm") AssignForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return page(id, model);
		}
		return act(id, redirect, () -> this.discrepancies.assign(id, form.assignee()), "finance.discrepancy.assigned");
	}

	@PostMapping("/finance/discrepancies/{id}/comment")
	String comment(@PathVariable long id, @Valid @ModelAttribute("commentForm") CommentForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return page(id, model);
		}
		return act(id, redirect, () -> this.discrepancies.comment(id, form.comment()), "finance.discrepancy.commented");
	}

	@PostMapping("/finance/discrepancies/{id}/resolve")
	String resolve(@PathVariable long id, @Valid @ModelAttribute("resolveForm") ResolveForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return page(id, model);
		}
		return act(id, redirect, () -> this.discrepancies.resolve(id, form.reason()), "finance.discrepancy.resolved");
	}

	/** The item with its history and its three forms, those not being re-shown with their errors empty. */
	private String page(long id, Model model) {
		Discrepancies.Discrepancy item = this.discrepancies.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("item", item);
		model.addAttribute("history", this.discrepancies.history(id));
		if (!model.containsAttribute("assignForm")) {
			model.addAttribute("assignForm", new AssignForm(item.assignee()));
		}
		if (!model.containsAttribute("commentForm")) {
			model.addAttribute("commentForm", new CommentForm(""));
		}
		if (!model.containsAttribute("resolveForm")) {
			model.addAttribute("resolveForm", new ResolveForm(""));
		}
		return "finance/discrepancy";
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

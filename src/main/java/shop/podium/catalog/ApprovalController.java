package shop.podium.catalog;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

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

	private final ListingReviews reviews;

	private final Inventory inventory;

	private final MessageSource messages;

	private final CatalogReadModel catalog;

	ApprovalController(Approvals approvals, ListingReviews reviews, Inventory inventory, MessageSource messages,
			CatalogReadModel catalog) {
		this.approvals = approvals;
		this.reviews = reviews;
		this.inventory = inventory;
		this.messages = messages;
		this.catalog = catalog;
	}

	@GetMapping("/admin/approvals")
	String queue(Model model) {
		model.addAttribute("waiting", this.approvals.queue());
		return "admin/approvals/queue";
	}

	@GetMapping("/admin/approvals/{id}")
	String review(@PathVariable long id, Locale locale, Model model) {
		ListingReviews.Review review = this.reviews.review(id);
		model.addAttribute("review", review);
		model.addAttribute("changes", named(review.changes(), this.catalog.taxonomy(locale)));
		model.addAttribute("variants", this.inventory.variants(id));
		model.addAttribute("stock", review.offers());
		return "admin/approvals/review";
	}

	/** The changes with category, edition and sports named in the reviewer's language instead of by slug. */
	private static List<ListingContent.Change> named(List<ListingContent.Change> changes, Taxonomy taxonomy) {
		return changes.stream().map(change -> {
			Facet.Kind kind = switch (change.field()) {
				case "category" -> Facet.Kind.CATEGORY;
				case "edition" -> Facet.Kind.EDITION;
				case "sports" -> Facet.Kind.SPORT;
				default -> null;
			};
			return (kind != null) ? new ListingContent.Change(change.field(), names(taxonomy, kind, change.before()),
					names(taxonomy, kind, change.after())) : change;
		}).toList();
	}

	private static String names(Taxonomy taxonomy, Facet.Kind kind, String slugs) {
		if (slugs.isBlank()) {
			return slugs;
		}
		return Arrays.stream(slugs.split(",\\s*"))
			.map(slug -> taxonomy.find(kind, slug).map(Facet::name).orElse(slug))
			.collect(Collectors.joining(", "));
	}

	@PostMapping("/admin/approvals/{id}/approve")
	String approve(@PathVariable long id, @RequestParam(required = false) String version, Locale locale,
			RedirectAttributes redirect) {
		try {
			this.approvals.approve(id, version);
		}
		catch (ListingProblem problem) {
			String message = this.messages.getMessage(problem.messageKey(), problem.arguments(), locale);
			if ("admin.approvals.notWaiting".equals(problem.messageKey())) {
				redirect.addFlashAttribute("refusals", List.of(message));
				return "redirect:/admin/approvals";
			}
			redirect.addFlashAttribute("problem", message);
			return "redirect:/admin/approvals/" + id;
		}
		redirect.addFlashAttribute("notice", "admin.approvals.approved");
		return "redirect:/admin/approvals";
	}

	@PostMapping("/admin/approvals/{id}/reject")
	String reject(@PathVariable long id, @RequestParam(required = false) String version,
			@RequestParam(required = false) String reason, Locale locale, RedirectAttributes redirect) {
		try {
			this.approvals.reject(id, version, reason);
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

	/**
	 * Each selected box carries the listing and the version the queue showed ({@code id:version}), so what is
	 * approved is what the administrator saw listed.
	 */
	@PostMapping("/admin/approvals/approve")
	String approveSelected(@RequestParam(name = "product", required = false) List<String> products, Locale locale,
			RedirectAttributes redirect) {
		if (products == null || products.isEmpty()) {
			redirect.addFlashAttribute("alert", "admin.approvals.noneSelected");
			return "redirect:/admin/approvals";
		}
		Map<Long, String> versions = new LinkedHashMap<>();
		for (String product : products) {
			int colon = product.indexOf(':');
			String id = (colon < 0) ? product : product.substring(0, colon);
			if (!id.matches("\\d{1,18}")) {
				continue;
			}
			versions.putIfAbsent(Long.parseLong(id), (colon < 0) ? null : product.substring(colon + 1));
		}
		Approvals.BulkApproval result = this.approvals.approveAll(versions);
		redirect.addFlashAttribute("approvedCount", result.approved());
		redirect.addFlashAttribute("refusals", result.refused()
			.stream()
			.map(problem -> this.messages.getMessage(problem.messageKey(), problem.arguments(), locale))
			.toList());
		if (result.refused().isEmpty()) {
			redirect.addFlashAttribute("notice", "admin.approvals.bulkApproved");
		}
		return "redirect:/admin/approvals";
	}

}

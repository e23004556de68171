package shop.podium.drops;

import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.http.HttpStatus;

/**
 * The rights holder's drops: proposals to review (approve, or reject with a reason), and each drop's live page
 * with pause, resume and end.
 */
@Controller
class AdminDropsController {

	private final Drops drops;

	private final DropStore store;

	private final DropMessages messages;

	private final DropFigures figures;

	AdminDropsController(Drops drops, DropStore store, DropMessages messages, DropFigures figures) {
		this.drops = drops;
		this.store = store;
		this.messages = messages;
		this.figures = figures;
	}

	@GetMapping("/admin/drops")
	String list(Model model) {
		model.addAttribute("drops", this.store.latest(200));
		return "drops/admin-list";
	}

	@GetMapping("/admin/drops/{id}")
	String show(@PathVariable long id, Model model) {
		Drop drop = this.store.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("drop", drop);
		model.addAttribute("figures", this.figures.of(drop));
		return "drops/admin-show";
	}

	/** The live figures alone, for htmx to refresh every few seconds. */
	@GetMapping("/admin/drops/{id}/figures")
	String figures(@PathVariable long id, Model model) {
		Drop drop = this.store.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("drop", drop);
		model.addAttribute("figures", this.figures.of(drop));
		return "drops/admin-show :: figures";
	}

	@PostMapping("/admin/drops/{id}/{action:approve|reject|pause|resume|end}")
	String review(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) String reason,
			Locale locale, RedirectAttributes redirect) {
		try {
			this.drops.review(id, DropStatus.Action.valueOf(action.toUpperCase(Locale.ROOT)), reason);
			redirect.addFlashAttribute("notice", "drops.notice." + action);
		}
		catch (DropRefused ex) {
			redirect.addFlashAttribute("problem", this.messages.of(ex, locale));
		}
		return "redirect:/admin/drops/" + id;
	}

}

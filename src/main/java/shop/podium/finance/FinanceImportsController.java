package shop.podium.finance;


import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import shop.podium.accounts.AuditLog;
import shop.podium.accounts.CurrentUser;

/** Imports on demand: a run starts in the background and the page shows its progress and the last runs. */
@Controller
class FinanceImportsController {

	static final int REFRESH_SECONDS = 3;

	private final StripeImport stripeImport;

	private final ImportRuns runs;

	private final AuditLog audit;

	FinanceImportsController(StripeImport stripeImport, ImportRuns runs, AuditLog audit) {
		this.stripeImport = stripeImport;
		this.runs = runs;
		this.audit = audit;
	}

	@GetMapping("/finance/imports")
	String imports(Model model) {
		var latest = this.runs.latest(20);
		var current = latest.stream().filter(ImportRuns.Run::running).findFirst();
		model.addAttribute("runs", latest);
		model.addAttribute("running", current.isPresent());
		model.addAttribute("current", current.orElse(null));
		// while a run goes on, the page reloads itself (no script needed) to show how far it has got
		current.ifPresent(run -> model.addAttribute("refreshSeconds", REFRESH_SECONDS));
		return "finance/imports";
	}

	@PostMapping("/finance/imports")
	String start(CurrentUser user, RedirectAttributes redirect) {
		try {
			long run = this.stripeImport.start(user.email());
			this.audit.record("finance.import.start", "ImportRun", run, null);
			Thread.ofVirtual().name("finance-import-" + run).start(() -> this.stripeImport.execute(run));
			redirect.addFlashAttribute("notice", "finance.imports.started");
		}
		catch (StripeImport.ImportAlreadyRunning ex) {
			redirect.addFlashAttribute("alert", "finance.imports.alreadyRunning");
		}
		return "redirect:/finance/imports";
	}

}

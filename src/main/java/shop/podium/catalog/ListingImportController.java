package shop.podium.catalog;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import shop.podium.accounts.CurrentUser;

/**
 * Bulk listings by CSV: a template, a dry run listing every problem with its row, then apply (all or nothing),
 * and the export. The file checked in the dry run waits in the session, bound to the licensee, until applied.
 */
@Controller
class ListingImportController {

	static final String PAGE = "portal/listings/import";

	static final long MAX_FILE = 20L * 1024 * 1024;

	private final ListingImport imports;

	private final ListingImportWriter writer;

	private final ListingExport export;

	private final MessageSource messages;

	private final PendingImports pending;

	ListingImportController(ListingImport imports, ListingImportWriter writer, ListingExport export,
			MessageSource messages, PendingImports pending) {
		this.pending = pending;
		this.imports = imports;
		this.writer = writer;
		this.export = export;
		this.messages = messages;
	}

	/** A problem as the page lists it. */
	record RowProblem(int row, String message) {
	}

	@GetMapping("/licensee/listings/import")
	String page() {
		return PAGE;
	}

	@GetMapping("/licensee/listings/import/template")
	void template(HttpServletResponse response) throws IOException {
		csv(response, "podium-listings-template.csv");
		try (Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8)) {
			this.export.template(out);
		}
	}

	@GetMapping("/licensee/listings/export")
	void export(CurrentUser user, HttpServletResponse response) throws IOException {
		csv(response, "podium-listings.csv");
		try (Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8)) {
			this.export.write(user.requireLicenseeId(), out);
		}
	}

	@PostMapping("/licensee/listings/import")
	String dryRun(CurrentUser user, @RequestParam(required = false) MultipartFile file, Locale locale, Model model)
			throws IOException {
		if (file == null || file.isEmpty()) {
			return show(model, List.of(new RowProblem(0, text("portal.import.empty", locale))), null, null);
		}
		if (file.getSize() > MAX_FILE) {
			return show(model, List.of(new RowProblem(0, text("portal.import.tooLarge", locale, MAX_FILE / (1024 * 1024)))),
					null, null);
		}
		byte[] bytes = file.getBytes();
		ListingImport.Plan plan = this.imports.check(user.requireLicenseeId(), bytes);
		if (!plan.ok()) {
			return show(model, problems(plan, locale), plan, null);
		}
		return show(model, List.of(), plan, this.pending.keep(user.requireLicenseeId(), bytes));
	}

	@PostMapping("/licensee/listings/import/apply")
	String apply(CurrentUser user, @RequestParam(required = false) String token, Locale locale, Model model,
			RedirectAttributes redirect) {
		byte[] file = this.pending.find(token, user.requireLicenseeId()).orElseThrow(ListingNotFound::new);
		ListingImport.Plan plan = this.imports.check(user.requireLicenseeId(), file);
		if (!plan.ok()) {
			this.pending.forget(token);
			return show(model, problems(plan, locale), plan, null);
		}
		this.writer.apply(user.requireLicenseeId(), plan);
		this.pending.forget(token);
		redirect.addFlashAttribute("notice", "portal.import.applied");
		return "redirect:/licensee/listings";
	}

	private String show(Model model, List<RowProblem> problems, ListingImport.Plan plan, String token) {
		model.addAttribute("problems", problems);
		model.addAttribute("plan", plan);
		model.addAttribute("token", token);
		return PAGE;
	}

	private List<RowProblem> problems(ListingImport.Plan plan, Locale locale) {
		return plan.problems().stream()
			.limit(1000)
			.map(p -> new RowProblem(p.row(), text(p.messageKey(), locale, p.arguments())))
			.toList();
	}

	private String text(String key, Locale locale, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

	private static void csv(HttpServletResponse response, String name) {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
		response.setHeader("X-Content-Type-Options", "nosniff");
	}


}

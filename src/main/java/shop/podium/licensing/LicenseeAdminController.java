package shop.podium.licensing;

import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import shop.podium.regions.Region;
import shop.podium.regions.Regions;

/**
 * The rights holder's licensee and licence screens: create, edit, suspend and reinstate. Forms are records;
 * the licensee a licence belongs to always comes from the URL and is checked against the licence.
 */
@Controller
class LicenseeAdminController {

	private static final String LIST = "admin/licensees/list";

	private static final String SHOW = "admin/licensees/show";

	private static final String LICENSEE_FORM = "admin/licensees/licensee-form";

	private static final String LICENCE_FORM = "admin/licensees/licence-form";

	private final LicensingAdmin admin;

	private final LicenceBook book;

	private final Regions regions;

	private final JdbcClient jdbc;

	LicenseeAdminController(LicensingAdmin admin, LicenceBook book, Regions regions, JdbcClient jdbc) {
		this.admin = admin;
		this.book = book;
		this.regions = regions;
		this.jdbc = jdbc;
	}

	@GetMapping("/admin/licensees")
	String list(Model model) {
		model.addAttribute("licensees", this.admin.licensees());
		return LIST;
	}

	@GetMapping("/admin/licensees/{id}")
	String show(@PathVariable long id, Model model) {
		model.addAttribute("licensee", this.admin.licensee(id).orElseThrow(LicensingAdmin.NotFound::new));
		model.addAttribute("licences", this.book.licencesOf(id));
		model.addAttribute("today", this.book.today());
		return SHOW;
	}

	@GetMapping("/admin/licensees/new")
	String newLicensee(Model model) {
		model.addAttribute("form", LicenseeForm.empty());
		return licenseeForm(null, model);
	}

	@PostMapping("/admin/licensees/new")
	String createLicensee(@Valid @ModelAttribute("form") LicenseeForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasFieldErrors("code") && this.admin.codeTaken(form.code(), null)) {
			errors.rejectValue("code", "admin.licensee.code.taken");
		}
		if (errors.hasErrors()) {
			return licenseeForm(null, model);
		}
		long id = this.admin.createLicensee(form);
		redirect.addFlashAttribute("notice", "admin.licensee.created");
		return "redirect:/admin/licensees/" + id;
	}

	@GetMapping("/admin/licensees/{id}/edit")
	String editLicensee(@PathVariable long id, Model model) {
		LicensingAdmin.LicenseeRow row = this.admin.licensee(id).orElseThrow(LicensingAdmin.NotFound::new);
		model.addAttribute("form", new LicenseeForm(row.code(), row.name(), LicenseeForm.Kind.valueOf(row.kind()),
				LicenseeForm.Status.valueOf(row.status())));
		return licenseeForm(id, model);
	}

	@PostMapping("/admin/licensees/{id}/edit")
	String updateLicensee(@PathVariable long id, @Valid @ModelAttribute("form") LicenseeForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		this.admin.licensee(id).orElseThrow(LicensingAdmin.NotFound::new);
		if (!errors.hasFieldErrors("code") && this.admin.codeTaken(form.code(), id)) {
			errors.rejectValue("code", "admin.licensee.code.taken");
		}
		if (errors.hasErrors()) {
			return licenseeForm(id, model);
		}
		this.admin.updateLicensee(id, form);
		redirect.addFlashAttribute("notice", "admin.licensee.saved");
		return "redirect:/admin/licensees/" + id;
	}

	@GetMapping("/admin/licensees/{id}/licences/new")
	String newLicence(@PathVariable long id, Model model) {
		model.addAttribute("form", LicenceForm.empty(this.book.today()));
		return licenceForm(id, null, model);
	}

	@PostMapping("/admin/licensees/{id}/licences/new")
	String createLicence(@PathVariable long id, @Valid @ModelAttribute("form") LicenceForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		this.admin.licensee(id).orElseThrow(LicensingAdmin.NotFound::new);
		check(form, null, errors);
		if (errors.hasErrors()) {
			return licenceForm(id, null, model);
		}
		try {
			this.admin.createLicence(id, form);
		}
		catch (DuplicateKeyException raced) {
			errors.rejectValue("reference", "admin.licence.reference.taken");
			return licenceForm(id, null, model);
		}
		redirect.addFlashAttribute("notice", "admin.licence.created");
		return "redirect:/admin/licensees/" + id;
	}

	@GetMapping("/admin/licensees/{id}/licences/{licenceId}/edit")
	String editLicence(@PathVariable long id, @PathVariable long licenceId, Model model) {
		model.addAttribute("form", LicenceForm.of(this.admin.owned(id, licenceId)));
		return licenceForm(id, licenceId, model);
	}

	@PostMapping("/admin/licensees/{id}/licences/{licenceId}/edit")
	String updateLicence(@PathVariable long id, @PathVariable long licenceId,
			@Valid @ModelAttribute("form") LicenceForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		this.admin.owned(id, licenceId);
		check(form, licenceId, errors);
		if (errors.hasErrors()) {
			return licenceForm(id, licenceId, model);
		}
		try {
			this.admin.updateLicence(id, licenceId, form);
		}
		catch (ObjectOptimisticLockingFailureException concurrentEdit) {
			errors.reject("admin.licence.concurrentEdit");
			return licenceForm(id, licenceId, model);
		}
		redirect.addFlashAttribute("notice", "admin.licence.saved");
		return "redirect:/admin/licensees/" + id;
	}

	@PostMapping("/admin/licensees/{id}/suspend")
	String suspendLicensee(@PathVariable long id, RedirectAttributes redirect) {
		boolean done = this.admin.suspendLicensee(id, true);
		redirect.addFlashAttribute(done ? "notice" : "alert", done ? "admin.licensee.suspended" : "admin.licensee.notActive");
		return "redirect:/admin/licensees/" + id;
	}

	@PostMapping("/admin/licensees/{id}/reinstate")
	String reinstateLicensee(@PathVariable long id, RedirectAttributes redirect) {
		boolean done = this.admin.suspendLicensee(id, false);
		redirect.addFlashAttribute(done ? "notice" : "alert",
				done ? "admin.licensee.reinstated" : "admin.licensee.notSuspended");
		return "redirect:/admin/licensees/" + id;
	}

	@PostMapping("/admin/licensees/{id}/licences/{licenceId}/suspend")
	String suspend(@PathVariable long id, @PathVariable long licenceId, RedirectAttributes redirect) {
		this.admin.suspend(id, licenceId, true);
		redirect.addFlashAttribute("notice", "admin.licence.suspended");
		return "redirect:/admin/licensees/" + id;
	}

	@PostMapping("/admin/licensees/{id}/licences/{licenceId}/reinstate")
	String reinstate(@PathVariable long id, @PathVariable long licenceId, RedirectAttributes redirect) {
		this.admin.suspend(id, licenceId, false);
		redirect.addFlashAttribute("notice", "admin.licence.reinstated");
		return "redirect:/admin/licensees/" + id;
	}

	private void check(LicenceForm form, Long licenceId, BindingResult errors) {
		if (form.validFrom() != null && form.validTo() != null && form.validTo().isBefore(form.validFrom())) {
			errors.rejectValue("validTo", "admin.licence.validTo.beforeFrom");
		}
		if (!errors.hasFieldErrors("reference") && this.admin.referenceTaken(form.reference(), licenceId)) {
			errors.rejectValue("reference", "admin.licence.reference.taken");
		}
		if (!errors.hasFieldErrors("minimumGuaranteeCurrency") && !currencies().contains(form.minimumGuaranteeCurrency())) {
			errors.rejectValue("minimumGuaranteeCurrency", "admin.licence.currency.invalid");
		}
		else if (!errors.hasFieldErrors("minimumGuarantee") && form.minimumGuarantee() != null
				&& form.minimumGuarantee().stripTrailingZeros().scale() > Currency
					.getInstance(form.minimumGuaranteeCurrency())
					.getDefaultFractionDigits()) {
			errors.rejectValue("minimumGuarantee", "admin.licence.guarantee.decimals");
		}
		if (!regionCodes().containsAll(form.territories())) {
			errors.rejectValue("territories", "admin.licence.territories.unknown");
		}
		if (!slugs("category").keySet().containsAll(form.categories())) {
			errors.rejectValue("categories", "admin.licence.categories.unknown");
		}
		if (!slugs("edition").keySet().containsAll(form.editions())) {
			errors.rejectValue("editions", "admin.licence.editions.unknown");
		}
	}

	private String licenseeForm(Long id, Model model) {
		model.addAttribute("licenseeId", id);
		model.addAttribute("kinds", LicenseeForm.Kind.values());
		model.addAttribute("statuses", LicenseeForm.Status.values());
		return LICENSEE_FORM;
	}

	private String licenceForm(long licenseeId, Long licenceId, Model model) {
		model.addAttribute("licensee", this.admin.licensee(licenseeId).orElseThrow(LicensingAdmin.NotFound::new));
		model.addAttribute("licenceId", licenceId);
		Map<String, String> regionOptions = new LinkedHashMap<>();
		this.regions.list().forEach(r -> regionOptions.put(r.code(), r.name()));
		model.addAttribute("regionOptions", regionOptions);
		model.addAttribute("categoryOptions", slugs("category"));
		model.addAttribute("editionOptions", slugs("edition"));
		model.addAttribute("currencies", currencies());
		model.addAttribute("guaranteePeriods", GuaranteePeriod.values());
		return LICENCE_FORM;
	}

	private List<String> regionCodes() {
		return this.regions.list().stream().map(Region::code).toList();
	}

	private List<String> currencies() {
		List<String> codes = new java.util.ArrayList<>(
				this.regions.list().stream().map(r -> r.currency().getCurrencyCode()).distinct().sorted().toList());
		if (!codes.contains("USD")) {
			codes.add("USD");
		}
		return codes;
	}

	/**
	 * Categories and editions by slug with their English names. Licensing refers to them by slug only (it knows
	 * nothing of products), so the options are a plain read of the two tables.
	 */
	private Map<String, String> slugs(String table) {
		Map<String, String> options = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT x.slug, COALESCE(t.name, x.slug) AS name FROM %1$s x
				LEFT JOIN %1$s_text t ON t.%1$s_id = x.id AND t.locale = 'en'
				ORDER BY x.position, x.slug""".formatted(table))
			.query(rs -> {
				options.put(rs.getString("slug"), rs.getString("name"));
			});
		return options;
	}

}

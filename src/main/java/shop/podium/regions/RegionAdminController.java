package shop.podium.regions;

import java.util.Currency;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The rights holder's region screens: name, tax rule, languages, theme and shipping rates. Forms are records;
 * the region always comes from the URL.
 */
@Controller
class RegionAdminController {

	private static final String LIST = "admin/regions/list";

	private static final String EDIT = "admin/regions/edit";

	private static final String RATE_FORM = "admin/regions/rate-form";

	private final Regions regions;

	private final RegionAdmin admin;

	private final RegionThemes themes;

	RegionAdminController(Regions regions, RegionAdmin admin, RegionThemes themes) {
		this.regions = regions;
		this.admin = admin;
		this.themes = themes;
	}

	@GetMapping("/admin/regions")
	String list(Model model) {
		model.addAttribute("regions", this.regions.list());
		return LIST;
	}

	@GetMapping("/admin/regions/{code}")
	String edit(@PathVariable String code, Model model, java.util.Locale reader) {
		RegionAdmin.Stored stored = this.admin.stored(code).orElseThrow(RegionAdmin.NotFound::new);
		model.addAttribute("form", RegionForm.of(region(code), stored.version()));
		return editPage(code, model, reader);
	}

	@PostMapping("/admin/regions/{code}")
	String update(@PathVariable String code, @Valid @ModelAttribute("form") RegionForm form, BindingResult errors,
			Model model, java.util.Locale reader, RedirectAttributes redirect) {
		region(code);
		check(form, errors);
		if (errors.hasErrors()) {
			return editPage(code, model, reader);
		}
		try {
			this.admin.update(code, form);
		}
		catch (ObjectOptimisticLockingFailureException concurrentEdit) {
			errors.reject("admin.region.concurrentEdit");
			return editPage(code, model, reader);
		}
		redirect.addFlashAttribute("notice", "admin.region.saved");
		return "redirect:/admin/regions/" + code;
	}

	@GetMapping("/admin/regions/{code}/shipping-rates/new")
	String newRate(@PathVariable String code, Model model) {
		model.addAttribute("form", ShippingRateForm.empty());
		return ratePage(code, null, model);
	}

	@PostMapping("/admin/regions/{code}/shipping-rates/new")
	String addRate(@PathVariable String code, @Valid @ModelAttribute("form") ShippingRateForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		Region region = region(code);
		checkRate(region, form, null, errors);
		if (errors.hasErrors()) {
			return ratePage(code, null, model);
		}
		try {
			this.admin.addRate(code, form);
		}
		catch (DuplicateKeyException raced) {
			errors.rejectValue("code", "admin.rate.code.taken");
			return ratePage(code, null, model);
		}
		redirect.addFlashAttribute("notice", "admin.rate.added");
		return "redirect:/admin/regions/" + code;
	}

	@GetMapping("/admin/regions/{code}/shipping-rates/{rate}")
	String editRate(@PathVariable String code, @PathVariable String rate, Model model) {
		model.addAttribute("form", ShippingRateForm.of(this.admin.rate(code, rate).orElseThrow(RegionAdmin.NotFound::new)));
		return ratePage(code, rate, model);
	}

	@PostMapping("/admin/regions/{code}/shipping-rates/{rate}")
	String updateRate(@PathVariable String code, @PathVariable String rate,
			@Valid @ModelAttribute("form") ShippingRateForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		Region region = region(code);
		this.admin.rate(code, rate).orElseThrow(RegionAdmin.NotFound::new);
		checkRate(region, form, rate, errors);
		if (errors.hasErrors()) {
			return ratePage(code, rate, model);
		}
		try {
			this.admin.updateRate(code, rate, form);
		}
		catch (DuplicateKeyException raced) {
			errors.rejectValue("code", "admin.rate.code.taken");
			return ratePage(code, rate, model);
		}
		redirect.addFlashAttribute("notice", "admin.rate.saved");
		return "redirect:/admin/regions/" + code;
	}

	@PostMapping("/admin/regions/{code}/shipping-rates/{rate}/remove")
	String removeRate(@PathVariable String code, @PathVariable String rate, RedirectAttributes redirect) {
		boolean removed = this.admin.removeRate(code, rate);
		redirect.addFlashAttribute(removed ? "notice" : "alert", removed ? "admin.rate.removed" : "admin.rate.last");
		return "redirect:/admin/regions/" + code;
	}

	private void check(RegionForm form, BindingResult errors) {
		List<String> shopLocales = RegionAdmin.shopLocaleTags();
		if (!shopLocales.containsAll(form.supportedLocales())) {
			errors.rejectValue("supportedLocales", "admin.region.supportedLocales.unknown");
		}
		if (!errors.hasFieldErrors("defaultLocale") && !form.supportedLocales().contains(form.defaultLocale())) {
			errors.rejectValue("defaultLocale", "admin.region.defaultLocale.notOffered");
		}
		if (!errors.hasFieldErrors("theme")
				&& this.themes.available().stream().noneMatch(theme -> theme.name().equals(form.theme()))) {
			errors.rejectValue("theme", "admin.region.theme.unknown");
		}
	}

	private void checkRate(Region region, ShippingRateForm form, String currentCode, BindingResult errors) {
		Currency currency = region.currency();
		for (String field : List.of("amount", "freeOver")) {
			if (errors.hasFieldErrors(field)) {
				continue;
			}
			java.math.BigDecimal amount = "amount".equals(field) ? form.amountValue() : form.freeOverValue();
			if (amount != null && amount.stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
				errors.rejectValue(field, "admin.rate.amount.decimals", new Object[] { currency.getCurrencyCode() }, null);
			}
		}
		if (!errors.hasFieldErrors("minDays") && !errors.hasFieldErrors("maxDays") && form.maxDaysValue() < form.minDaysValue()) {
			errors.rejectValue("maxDays", "admin.rate.days.order");
		}
		if (!errors.hasFieldErrors("code") && this.admin.rateCodeTaken(region.code(), form.code(), currentCode)) {
			errors.rejectValue("code", "admin.rate.code.taken");
		}
	}

	private String editPage(String code, Model model, java.util.Locale reader) {
		model.addAttribute("current", region(code));
		model.addAttribute("themes", this.themes.available());
		// each language named in the reader's language, then in its own
		java.util.Map<String, String> locales = new java.util.LinkedHashMap<>();
		ShopLocales.SUPPORTED.forEach(locale -> locales.put(locale.toLanguageTag(),
				locale.getDisplayName(reader) + " (" + locale.getDisplayName(locale) + ")"));
		model.addAttribute("locales", locales);
		model.addAttribute("taxModes", TaxRule.Mode.values());
		return EDIT;
	}

	private String ratePage(String code, String rate, Model model) {
		model.addAttribute("current", region(code));
		model.addAttribute("rate", rate);
		return RATE_FORM;
	}

	private Region region(String code) {
		return this.regions.find(code).filter(r -> r.code().equals(code)).orElseThrow(RegionAdmin.NotFound::new);
	}

}

package shop.podium.catalog;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import shop.podium.accounts.CurrentUser;
import shop.podium.core.Money;
import shop.podium.core.MoneyInput;
import shop.podium.licensing.LicenceBook;
import shop.podium.regions.Region;
import shop.podium.regions.Regions;

/**
 * A licensee's listing screens. Every request acts for the signed-in user's licensee only: a listing of
 * another licensee is not found. Forms are records; status, licensee and slug are never read from a request.
 */
@Controller
class ListingController {

	static final String LIST = "portal/listings/list";

	static final String EDIT = "portal/listings/edit";

	static final String NEW = "portal/listings/new";

	static final String CONFIRM_PRICE = "portal/listings/confirm-price";

	private final ListingEditor editor;

	private final Inventory inventory;

	private final ListingReads reads;

	private final ProductImages images;

	private final LicenceCheck licence;

	private final CatalogReadModel catalog;

	private final Regions regions;

	private final MessageSource messages;

	ListingController(ListingEditor editor, Inventory inventory, ListingReads reads, ProductImages images,
			LicenceCheck licence, CatalogReadModel catalog, Regions regions, MessageSource messages) {
		this.editor = editor;
		this.inventory = inventory;
		this.reads = reads;
		this.images = images;
		this.licence = licence;
		this.catalog = catalog;
		this.regions = regions;
		this.messages = messages;
	}

	@GetMapping("/licensee/listings")
	String list(CurrentUser user, @RequestParam(required = false) String status, Model model) {
		ListingStatus filter = null;
		if (status != null && !status.isBlank()) {
			try {
				filter = ListingStatus.valueOf(status);
			}
			catch (IllegalArgumentException unknown) {
				// an unknown filter lists everything
			}
		}
		model.addAttribute("listings", this.reads.of(user.requireLicenseeId(), filter));
		model.addAttribute("statuses", ListingStatus.values());
		model.addAttribute("status", filter);
		return LIST;
	}

	@GetMapping("/licensee/listings/new")
	String newListing(CurrentUser user, Locale locale, Model model) {
		model.addAttribute("form", ListingForm.empty());
		return options(user, locale, model, NEW);
	}

	@PostMapping("/licensee/listings/new")
	String create(CurrentUser user, @Valid @ModelAttribute("form") ListingForm form, BindingResult errors,
			Locale locale, Model model, RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return options(user, locale, model, NEW);
		}
		try {
			long id = this.editor.create(user.requireLicenseeId(), form);
			redirect.addFlashAttribute("notice", "portal.listing.created");
			return "redirect:/licensee/listings/" + id;
		}
		catch (ListingProblem problem) {
			reject(errors, problem, locale);
			return options(user, locale, model, NEW);
		}
	}

	@GetMapping("/licensee/listings/{id}")
	String edit(CurrentUser user, @PathVariable long id, Locale locale, Model model) {
		ListingStore.StoredListing listing = this.editor.owned(user.requireLicenseeId(), id);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", ListingForm.of(listing.skuStem(), listing.working()));
		}
		return editPage(user, listing, locale, model);
	}

	@PostMapping("/licensee/listings/{id}")
	String update(CurrentUser user, @PathVariable long id, @Valid @ModelAttribute("form") ListingForm form,
			BindingResult errors, Locale locale, Model model, RedirectAttributes redirect) {
		ListingStore.StoredListing listing = this.editor.owned(user.requireLicenseeId(), id);
		if (!errors.hasErrors()) {
			try {
				boolean pending = this.editor.update(user.requireLicenseeId(), id, form);
				redirect.addFlashAttribute("notice", pending ? "portal.listing.savedPending" : "portal.listing.saved");
				return "redirect:/licensee/listings/" + id;
			}
			catch (ListingProblem problem) {
				reject(errors, problem, locale);
			}
		}
		return editPage(user, listing, locale, model);
	}

	@PostMapping("/licensee/listings/{id}/submit")
	String submit(CurrentUser user, @PathVariable long id, Locale locale, RedirectAttributes redirect) {
		return act(id, locale, redirect, "portal.listing.submitted",
				() -> this.editor.submit(user.requireLicenseeId(), id));
	}

	@PostMapping("/licensee/listings/{id}/revision/discard")
	String discard(CurrentUser user, @PathVariable long id, Locale locale, RedirectAttributes redirect) {
		return act(id, locale, redirect, "portal.listing.revisionDiscarded",
				() -> this.editor.discardRevision(user.requireLicenseeId(), id));
	}

	@PostMapping("/licensee/listings/{id}/variants")
	String addVariant(CurrentUser user, @PathVariable long id, @Valid VariantForm variant, BindingResult errors,
			Locale locale, RedirectAttributes redirect) {
		ListingStore.StoredListing listing = this.editor.owned(user.requireLicenseeId(), id);
		if (errors.hasErrors()) {
			return problem(id, locale, redirect, errors.getFieldErrors().getFirst().getDefaultMessage());
		}
		return act(id, locale, redirect, listing.approved() ? "portal.variant.addedPending" : "portal.variant.added",
				() -> this.inventory.addVariant(user.requireLicenseeId(), id, variant));
	}

	@PostMapping("/licensee/listings/{id}/variants/{variantId}")
	String updateVariant(CurrentUser user, @PathVariable long id, @PathVariable long variantId,
			@Valid VariantForm variant, BindingResult errors, Locale locale, RedirectAttributes redirect) {
		this.editor.owned(user.requireLicenseeId(), id);
		if (errors.hasErrors()) {
			return problem(id, locale, redirect, errors.getFieldErrors().getFirst().getDefaultMessage());
		}
		try {
			boolean pending = this.inventory.updateVariant(user.requireLicenseeId(), id, variantId, variant);
			redirect.addFlashAttribute("notice", pending ? "portal.variant.savedPending" : "portal.variant.saved");
		}
		catch (ListingProblem problem) {
			redirect.addFlashAttribute("problem", text(problem, locale));
		}
		return "redirect:/licensee/listings/" + id;
	}

	@PostMapping("/licensee/listings/{id}/variants/{variantId}/delete")
	String removeVariant(CurrentUser user, @PathVariable long id, @PathVariable long variantId, Locale locale,
			RedirectAttributes redirect) {
		try {
			Inventory.Removal removal = this.inventory.removeVariant(user.requireLicenseeId(), id, variantId);
			redirect.addFlashAttribute("notice", (removal == Inventory.Removal.RETIRED) ? "portal.variant.retired"
					: "portal.variant.removed");
		}
		catch (ListingProblem problem) {
			redirect.addFlashAttribute("problem", text(problem, locale));
		}
		return "redirect:/licensee/listings/" + id;
	}

	/**
	 * One region's offer: the price, whether it is on, and the stock of each variant there. A new price is read in
	 * the licensee's language and shown back to them as the shop understood it ("€12.50"); nothing is saved until
	 * they confirm that page, whose form carries what they typed and the amount they saw. Stock and the on-sale flag
	 * alone apply at once. (The path names the region "regionCode": a view shows path variables as model
	 * attributes, and "region" is the storefront Region the layout themes pages with.)
	 */
	@PostMapping("/licensee/listings/{id}/offers/{regionCode}")
	String saveOffer(CurrentUser user, @PathVariable long id, @PathVariable("regionCode") String region,
			@RequestParam(required = false) String price, @RequestParam(defaultValue = "false") boolean active,
			@RequestParam(name = "variant", required = false) List<Long> variants,
			@RequestParam(name = "quantity", required = false) List<String> quantities,
			@RequestParam(name = "confirmed", required = false) Long confirmed, Locale locale, Model model,
			RedirectAttributes redirect) {
		Map<Long, String> stock = new LinkedHashMap<>();
		List<Long> ids = (variants != null) ? variants : List.of();
		List<String> amounts = (quantities != null) ? quantities : List.of();
		for (int i = 0; i < ids.size(); i++) {
			stock.put(ids.get(i), (i < amounts.size()) ? amounts.get(i) : "");
		}
		Optional<Money> change;
		try {
			change = this.inventory.priceChange(user.requireLicenseeId(), id, region, price, locale);
		}
		catch (ListingProblem problem) {
			return problem(id, locale, redirect, text(problem, locale));
		}
		if (change.isPresent() && !Long.valueOf(change.get().minorUnits()).equals(confirmed)) {
			model.addAttribute("listing", this.editor.owned(user.requireLicenseeId(), id));
			model.addAttribute("offerRegion", this.regions.find(region).orElseThrow());
			model.addAttribute("typed", price);
			model.addAttribute("newPrice", change.get());
			model.addAttribute("active", active);
			model.addAttribute("stock", stock);
			return CONFIRM_PRICE;
		}
		return act(id, locale, redirect, "portal.offer.saved",
				() -> this.inventory.saveOffer(user.requireLicenseeId(), id, region, price, locale, active, stock));
	}

	@PostMapping("/licensee/listings/{id}/offers/{regionCode}/delete")
	String removeOffer(CurrentUser user, @PathVariable long id, @PathVariable("regionCode") String region, Locale locale,
			RedirectAttributes redirect) {
		return act(id, locale, redirect, "portal.offer.removed",
				() -> this.inventory.removeOffer(user.requireLicenseeId(), id, region));
	}

	@PostMapping("/licensee/listings/{id}/image")
	String uploadImage(CurrentUser user, @PathVariable long id, @RequestParam(required = false) MultipartFile image,
			Locale locale, RedirectAttributes redirect) throws IOException {
		this.editor.owned(user.requireLicenseeId(), id);
		byte[] bytes;
		if (image == null || image.isEmpty()) {
			bytes = new byte[0];
		}
		else if (image.getSize() > ProductImages.MAX_BYTES) {
			// refused before reading: a 50 MB upload is never held in memory
			return problem(id, locale, redirect, this.messages.getMessage("portal.image.tooLarge",
					new Object[] { ProductImages.MAX_BYTES / (1024 * 1024) }, locale));
		}
		else {
			bytes = image.getBytes();
		}
		return act(id, locale, redirect, "portal.image.saved", () -> {
			ProductImages.Stored stored = this.images.store(bytes);
			this.editor.changeImage(user.requireLicenseeId(), id, stored.file());
		});
	}

	private String act(long id, Locale locale, RedirectAttributes redirect, String notice, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (ListingProblem problem) {
			redirect.addFlashAttribute("problem", text(problem, locale));
		}
		return "redirect:/licensee/listings/" + id;
	}

	private String problem(long id, Locale locale, RedirectAttributes redirect, String text) {
		redirect.addFlashAttribute("problem", text);
		return "redirect:/licensee/listings/" + id;
	}

	private String text(ListingProblem problem, Locale locale) {
		return this.messages.getMessage(problem.messageKey(), problem.arguments(), locale);
	}

	private void reject(BindingResult errors, ListingProblem problem, Locale locale) {
		String text = text(problem, locale);
		if (problem.field() != null && errors.getFieldType(problem.field()) != null) {
			errors.rejectValue(problem.field(), problem.messageKey(), problem.arguments(), text);
		}
		else {
			errors.reject(problem.messageKey(), problem.arguments(), text);
		}
	}

	private String editPage(CurrentUser user, ListingStore.StoredListing listing, Locale locale, Model model) {
		model.addAttribute("listing", listing);
		model.addAttribute("variants", this.inventory.variants(listing.id()));
		model.addAttribute("retiredVariants", this.inventory.retiredVariants(listing.id()));
		Map<String, Inventory.OfferRow> offers = new LinkedHashMap<>();
		this.inventory.offers(listing.id()).forEach(o -> offers.put(o.region(), o));
		model.addAttribute("offersByRegion", offers);
		// each price as the licensee would type it ("24,50" in French), so that saving it unchanged changes nothing
		Map<String, String> typedPrices = new LinkedHashMap<>();
		offers.forEach((region, offer) -> typedPrices.put(region, MoneyInput.typed(offer.price(), locale)));
		model.addAttribute("typedPrices", typedPrices);
		return options(user, locale, model, EDIT);
	}

	/** The options a form offers: only what the licences in force allow (the server checks again anyway). */
	private String options(CurrentUser user, Locale locale, Model model, String view) {
		LicenceBook.Coverage coverage = this.licence.coverage(user.requireLicenseeId());
		Taxonomy taxonomy = this.catalog.taxonomy(locale);
		model.addAttribute("coverage", coverage);
		model.addAttribute("categoryOptions", options(taxonomy.categories(), coverage.categories()));
		model.addAttribute("editionOptions", options(taxonomy.editions(), coverage.editions()));
		model.addAttribute("sportOptions", options(taxonomy.sports(), null));
		List<Region> offerRegions = this.regions.list().stream().filter(r -> coverage.regions().contains(r.code())).toList();
		model.addAttribute("offerRegions", offerRegions);
		return view;
	}

	private static Map<String, String> options(List<Facet> facets, java.util.Set<String> allowed) {
		Map<String, String> options = new LinkedHashMap<>();
		options.put("", "—");
		facets.stream()
			.filter(f -> allowed == null || allowed.contains(f.slug()))
			.forEach(f -> options.put(f.slug(), f.name()));
		if (allowed == null) {
			options.remove("");
		}
		return options;
	}

}

package shop.podium.drops;

import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import shop.podium.accounts.CurrentUser;
import shop.podium.catalog.ApprovedListings;
import shop.podium.regions.Regions;

/** The licensee's drops: the list with each one's review state, and the proposal form for an approved listing. */
@Controller
class LicenseeDropsController {

	private final Drops drops;

	private final DropStore store;

	private final ApprovedListings listings;

	private final Regions regions;

	private final DropMessages messages;

	private final DropsProperties properties;

	LicenseeDropsController(Drops drops, DropStore store, ApprovedListings listings, Regions regions,
			DropMessages messages, DropsProperties properties) {
		this.drops = drops;
		this.store = store;
		this.listings = listings;
		this.regions = regions;
		this.messages = messages;
		this.properties = properties;
	}

	@GetMapping("/licensee/drops")
	String list(CurrentUser user, Model model) {
		long licensee = user.requireLicenseeId();
		model.addAttribute("drops", this.store.ofLicensee(licensee));
		model.addAttribute("listings", this.listings.ofLicensee(licensee));
		model.addAttribute("zones", this.properties);
		return "drops/licensee-list";
	}

	@GetMapping("/licensee/drops/new")
	String proposal(CurrentUser user, @RequestParam(required = false) String product, Model model) {
		return form(user, DropForm.blank(product), null, model);
	}

	@PostMapping("/licensee/drops")
	String propose(CurrentUser user, @ModelAttribute("form") DropForm form, Locale locale, Model model,
			RedirectAttributes redirect) {
		try {
			this.drops.propose(user.requireLicenseeId(), form);
		}
		catch (DropRefused ex) {
			return form(user, form, this.messages.of(ex, locale), model);
		}
		redirect.addFlashAttribute("notice", "drops.notice.proposed");
		return "redirect:/licensee/drops";
	}

	private String form(CurrentUser user, DropForm form, String problem, Model model) {
		long licensee = user.requireLicenseeId();
		ApprovedListings.Approved listing = null;
		try {
			long id = Long.parseLong(String.valueOf(form.product()).strip());
			listing = this.listings.find(licensee, id).orElse(null);
		}
		catch (NumberFormatException ex) {
			// no listing chosen yet: the page offers the licensee's approved listings
		}
		model.addAttribute("form", form);
		model.addAttribute("listing", listing);
		model.addAttribute("listings", this.listings.ofLicensee(licensee));
		model.addAttribute("regions", this.regions.list());
		model.addAttribute("problem", problem);
		return "drops/licensee-new";
	}

}

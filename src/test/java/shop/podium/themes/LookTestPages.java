package shop.podium.themes;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import shop.podium.regions.Region;
import shop.podium.regions.TaxRule;

/** A page in a region wearing the theme named in the path, rendered with the layout. */
@Controller
class LookTestPages {

	static Region region(String theme) {
		return new Region("eu", "Europe", Currency.getInstance("EUR"), Locale.FRENCH,
				List.of(Locale.ENGLISH, Locale.FRENCH), new TaxRule(TaxRule.Mode.INCLUSIVE, new BigDecimal("0.20"), "VAT"),
				theme, List.of());
	}

	@GetMapping("/looktest/{theme}")
	String page(@PathVariable String theme, Model model) {
		model.addAttribute("region", region(theme));
		return "looktest/page";
	}

	@GetMapping("/looktest")
	String withoutRegion() {
		return "looktest/page";
	}

}

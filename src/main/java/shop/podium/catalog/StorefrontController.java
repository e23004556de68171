package shop.podium.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import shop.podium.regions.Region;

/**
 * A region's home page and its listings by edition, category and sport.
 */
@Controller
class StorefrontController {

	static final int PAGE_SIZE = 24;

	static final int FEATURED = 8;

	private final CatalogReadModel catalog;

	private final JsonLd jsonLd;

	StorefrontController(CatalogReadModel catalog, JsonLd jsonLd) {
		this.catalog = catalog;
		this.jsonLd = jsonLd;
	}

	@GetMapping("/{region:[a-z]{2}}")
	String home(Region region, Locale locale, Model model) {
		Listing featured = this.catalog.listing(region, null, ListingSort.POPULAR, 1, FEATURED, locale);
		model.addAttribute("taxonomy", this.catalog.taxonomy(locale));
		model.addAttribute("featured", featured.products());
		model.addAttribute("jsonLd", itemList(region, featured.products()));
		return "catalog/home";
	}

	@GetMapping("/{region:[a-z]{2}}/{kind:categories|editions|sports}/{slug}")
	String listing(Region region, @PathVariable String kind, @PathVariable String slug,
			@RequestParam(required = false) String page, @RequestParam(required = false) String sort, Locale locale,
			Model model) {
		Facet facet = this.catalog.taxonomy(locale)
			.find(Facet.Kind.ofPath(kind), slug)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		ListingSort order = ListingSort.fromParam(sort);
		Listing listing = this.catalog.listing(region, facet, order, pageNumber(page), PAGE_SIZE, locale);
		model.addAttribute("facet", facet);
		model.addAttribute("listing", listing);
		model.addAttribute("sort", order);
		model.addAttribute("sorts", Arrays.asList(ListingSort.values()));
		model.addAttribute("jsonLd", itemList(region, listing.products()));
		return "catalog/listing";
	}

	/** A page number from a URL; anything that is not a positive number is the first page. */
	static int pageNumber(String param) {
		if (param == null || param.isBlank() || param.length() > 9 || !param.chars().allMatch(Character::isDigit)) {
			return 1;
		}
		return Math.max(1, Integer.parseInt(param));
	}

	private String itemList(Region region, List<ProductCard> products) {
		List<String> urls = products.stream().map(p -> productUrl(region, p.slug())).toList();
		return this.jsonLd.itemList(products, urls);
	}

	static String productUrl(Region region, String slug) {
		return ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/{region}/products/{slug}")
			.buildAndExpand(region.code(), slug)
			.toUriString();
	}

}

package shop.podium.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import shop.podium.core.web.GuestPageCache;
import shop.podium.regions.Region;

/**
 * The search page and its type-ahead. Every parameter is read leniently ({@link SearchCriteria}): no URL a fan
 * can type gives an error page.
 */
@Controller
class SearchController {

	private final Searches searches;

	private final SearchLabels labels;

	private final JsonMapper json;

	SearchController(Searches searches, SearchLabels labels, JsonMapper json) {
		this.searches = searches;
		this.labels = labels;
		this.json = json;
	}

	@GetMapping("/{region:[a-z]{2}}/search")
	String search(Region region, @RequestParam MultiValueMap<String, String> params, Locale locale, Model model,
			HttpServletRequest request) {
		SearchCriteria criteria = SearchCriteria.from(params, region.currency(), this.labels::known);
		SearchResults results = this.searches.search(region, criteria, locale);
		if (results.degraded() || results.busy()) {
			// an answer of the moment: the next fan's search should try the cluster again
			GuestPageCache.doNotKeep(request);
		}
		SearchLinks links = new SearchLinks(region, criteria);
		model.addAttribute("criteria", criteria);
		model.addAttribute("results", results);
		model.addAttribute("links", links);
		model.addAttribute("chipLabels", chipLabels(criteria, results, region, locale));
		model.addAttribute("sorts", SearchSort.values());
		model.addAttribute("maxQuery", SearchCriteria.MAX_QUERY);
		// the layout leaves out its own search box and script on this page
		model.addAttribute("searchPage", true);
		model.addAttribute("jsonLd", itemList(region, results));
		return "search/results";
	}

	@GetMapping("/{region:[a-z]{2}}/search/suggest")
	String suggest(Region region, @RequestParam(required = false) String q, Locale locale, Model model) {
		String prefix = SearchCriteria.clean(q);
		if (prefix.length() > 50) {
			prefix = prefix.substring(0, 50);
		}
		model.addAttribute("suggestions", this.searches.suggest(region, prefix, locale));
		model.addAttribute("prefix", prefix);
		return "search/suggestions :: suggestions";
	}

	/** What each chip says: the facet value's name as the facet lists show it. */
	private Map<String, String> chipLabels(SearchCriteria criteria, SearchResults results, Region region,
			Locale locale) {
		Map<String, String> labels = new LinkedHashMap<>();
		results.facets()
			.forEach(group -> group.options().forEach(o -> labels.put(group.key() + ":" + o.value(), o.label())));
		criteria.filters().forEach((facet, values) -> values.forEach(value -> labels.computeIfAbsent(
				facet.param() + ":" + value,
				key -> (facet == FacetField.PRICE)
						? PriceRanges.find(region.currency(), value).map(r -> this.labels.price(r, locale)).orElse(value)
						: this.labels.label(facet, value, locale, Map.of()))));
		return labels;
	}

	private String itemList(Region region, SearchResults results) {
		List<Map<String, Object>> items = new ArrayList<>();
		for (SearchResults.Hit hit : results.hits()) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("@type", "ListItem");
			item.put("position", items.size() + 1);
			item.put("url", ServletUriComponentsBuilder.fromCurrentContextPath()
				.path("/{region}/products/{slug}")
				.buildAndExpand(region.code(), hit.slug())
				.toUriString());
			item.put("name", hit.name());
			items.add(item);
		}
		Map<String, Object> ld = new LinkedHashMap<>();
		ld.put("@context", "https://schema.org");
		ld.put("@type", "ItemList");
		ld.put("numberOfItems", items.size());
		ld.put("itemListElement", items);
		return scriptSafe(this.json.writeValueAsString(ld));
	}

	/** JSON that no HTML parser can end early: these characters only occur inside strings, where escapes mean the same. */
	static String scriptSafe(String json) {
		return json.replace("<", "\\u003c")
			.replace(">", "\\u003e")
			.replace("&", "\\u0026")
			.replace("\u2028", "\\u2028")
			.replace("\u2029", "\\u2029");
	}

}

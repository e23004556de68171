package shop.podium.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.web.util.UriComponentsBuilder;

import shop.podium.regions.Region;

/**
 * The URLs of a search page: every state lives in the URL, so each link is the current search with one thing
 * changed. Changing the query or a facet goes back to page 1.
 */
final class SearchLinks {

	private final Region region;

	private final SearchCriteria criteria;

	SearchLinks(Region region, SearchCriteria criteria) {
		this.region = region;
		this.criteria = criteria;
	}

	public String action() {
		return "/" + this.region.code() + "/search";
	}

	/** The search with this facet value chosen, or no longer chosen if it was. */
	public String toggle(String key, String value) {
		FacetField facet = facet(key);
		List<String> values = new ArrayList<>(this.criteria.values(facet));
		if (!values.remove(value)) {
			values.add(value);
		}
		return build(facet, values, this.criteria.sort().param(), 1, this.criteria.query());
	}

	public String page(int page) {
		return build(null, null, this.criteria.sort().param(), page, this.criteria.query());
	}

	public String query(String query) {
		return build(null, null, this.criteria.sort().param(), 1, query);
	}

	/** Every facet cleared, the words kept. */
	public String clearFilters() {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(action());
		if (this.criteria.hasQuery()) {
			uri.queryParam("q", this.criteria.query());
		}
		return uri.encode().build().toUriString();
	}

	/** The chosen facet values, each with the link that removes it. */
	public List<Chip> chips() {
		List<Chip> chips = new ArrayList<>();
		this.criteria.filters().forEach((facet, values) -> values
			.forEach(value -> chips.add(new Chip(facet.param(), value, toggle(facet.param(), value)))));
		return chips;
	}

	private String build(FacetField changed, List<String> changedValues, String sort, int page, String query) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(action());
		if (query != null && !query.isEmpty()) {
			uri.queryParam("q", query);
		}
		for (Map.Entry<FacetField, List<String>> entry : this.criteria.filters().entrySet()) {
			if (entry.getKey() != changed) {
				entry.getValue().forEach(v -> uri.queryParam(entry.getKey().param(), v));
			}
		}
		if (changed != null) {
			changedValues.forEach(v -> uri.queryParam(changed.param(), v));
		}
		if (!SearchSort.RELEVANCE.param().equals(sort)) {
			uri.queryParam("sort", sort);
		}
		if (page > 1) {
			uri.queryParam("page", page);
		}
		return uri.encode().build().toUriString();
	}

	private static FacetField facet(String param) {
		for (FacetField facet : FacetField.values()) {
			if (facet.param().equals(param)) {
				return facet;
			}
		}
		throw new IllegalArgumentException("No facet " + param);
	}

	/**
	 * A chosen facet value shown above the results.
	 *
	 * @param remove the search without it
	 */
	record Chip(String key, String value, String remove) {
	}

}

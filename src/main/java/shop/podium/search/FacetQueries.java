package shop.podium.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import shop.podium.regions.Region;

import static shop.podium.search.SearchQueries.obj;

/**
 * The facet parts of {@link SearchQueries}' search body: the chosen values as filters, and the counts.
 */
final class FacetQueries {

	/** The aggregation that counts the facets with nothing chosen, under every selection. */
	static final String UNDER_EVERY_SELECTION = "selected";

	private FacetQueries() {
	}

	/** Each facet's selection as filters (values of one facet OR'ed), by facet. */
	static Map<String, List<Object>> filters(Region region, SearchCriteria criteria) {
		Map<String, List<Object>> filters = new LinkedHashMap<>();
		for (FacetField facet : FacetField.values()) {
			List<String> values = criteria.values(facet);
			if (values.isEmpty()) {
				continue;
			}
			if (facet == FacetField.PRICE) {
				List<Object> ranges = new ArrayList<>();
				for (String key : values) {
					PriceRanges.find(region.currency(), key).ifPresent(r -> {
						Map<String, Object> bounds = new LinkedHashMap<>();
						if (r.fromMinor() != null) {
							bounds.put("gte", r.fromMinor());
						}
						if (r.toMinor() != null) {
							bounds.put("lt", r.toMinor());
						}
						ranges.add(obj("range", obj("price." + region.code(), bounds)));
					});
				}
				filters.put(facet.param(), List.of(obj("bool", obj("should", ranges, "minimum_should_match", 1))));
			}
			else {
				filters.put(facet.param(), List.of(obj("terms", obj(facet.field(), values))));
			}
		}
		return filters;
	}

	/**
	 * The facet counts. Each facet counts under every other facet's selection, not its own, so a fan can widen a
	 * facet as well as narrow it. Facets with nothing chosen share one filter (every selection); a facet with a
	 * choice gets its own (the others'); with nothing chosen at all, the counts are plain terms over the matches.
	 * Each filter is evaluated for every matching product, so sharing one cut most of the cost of the counts.
	 */
	static Map<String, Object> aggregations(Region region, Map<String, List<Object>> filters) {
		Map<String, Object> aggs = new LinkedHashMap<>();
		Map<String, Object> underEverySelection = new LinkedHashMap<>();
		for (FacetField facet : FacetField.values()) {
			Map<String, Object> values = facetValues(region, facet);
			if (!filters.containsKey(facet.param())) {
				underEverySelection.put(facet.param(), values);
				continue;
			}
			List<Object> others = new ArrayList<>();
			filters.forEach((param, clauses) -> {
				if (!param.equals(facet.param())) {
					others.addAll(clauses);
				}
			});
			aggs.put(facet.param(), others.isEmpty() ? values
					: obj("filter", obj("bool", obj("filter", others)), "aggs", obj(facet.param(), values)));
		}
		if (!underEverySelection.isEmpty()) {
			if (filters.isEmpty()) {
				aggs.putAll(underEverySelection);
			}
			else {
				List<Object> all = filters.values().stream().flatMap(List::stream).toList();
				aggs.put(UNDER_EVERY_SELECTION, obj("filter", obj("bool", obj("filter", all)), "aggs",
						underEverySelection));
			}
		}
		return aggs;
	}

	private static Map<String, Object> facetValues(Region region, FacetField facet) {
		if (facet == FacetField.PRICE) {
			List<Object> ranges = new ArrayList<>();
			for (PriceRanges.Range range : PriceRanges.of(region.currency())) {
				Map<String, Object> r = new LinkedHashMap<>();
				r.put("key", range.key());
				if (range.fromMinor() != null) {
					r.put("from", range.fromMinor());
				}
				if (range.toMinor() != null) {
					r.put("to", range.toMinor());
				}
				ranges.add(r);
			}
			return obj("range", obj("field", "price." + region.code(), "ranges", ranges));
		}
		return obj("terms", obj("field", facet.countField(), "size", facet.size()));
	}

}

package shop.podium.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.util.MultiValueMap;

/**
 * What a fan asked for, read leniently from the URL: whatever cannot be understood is left out rather than
 * refused, so any URL gives a sensible page.
 *
 * @param query the words typed, trimmed, without control characters, at most {@link #MAX_QUERY} characters
 * @param truncated whether the words typed were longer and got cut
 * @param filters the chosen facet values, by facet; empty facets are absent
 * @param page the requested page, from 1
 */
record SearchCriteria(String query, boolean truncated, Map<FacetField, List<String>> filters, SearchSort sort,
		int page) {

	static final int MAX_QUERY = 200;

	static final int MAX_VALUES = 20;

	SearchCriteria {
		Map<FacetField, List<String>> copy = new EnumMap<>(FacetField.class);
		filters.forEach((facet, values) -> {
			if (!values.isEmpty()) {
				copy.put(facet, List.copyOf(values));
			}
		});
		filters = Collections.unmodifiableMap(copy);
	}

	/**
	 * @param known says whether a value of a taxonomy facet (category, sport, edition) exists; unknown ones
	 * are dropped
	 */
	static SearchCriteria from(MultiValueMap<String, String> params, Currency currency,
			java.util.function.BiPredicate<FacetField, String> known) {
		String raw = params.getFirst("q");
		String query = clean(raw);
		boolean truncated = query.length() > MAX_QUERY;
		if (truncated) {
			query = query.substring(0, MAX_QUERY).strip();
		}
		Map<FacetField, List<String>> filters = new EnumMap<>(FacetField.class);
		for (FacetField facet : FacetField.values()) {
			List<String> values = params.getOrDefault(facet.param(), List.of());
			Predicate<String> valid = switch (facet) {
				case PRICE -> v -> PriceRanges.find(currency, v).isPresent();
				case CATEGORY, SPORT, EDITION -> v -> known.test(facet, v);
				case LICENSEE, SIZE -> v -> v.length() <= 60;
			};
			Set<String> kept = new LinkedHashSet<>();
			for (String value : values) {
				String v = (value != null) ? value.strip() : "";
				if (!v.isEmpty() && kept.size() < MAX_VALUES && valid.test(v)) {
					kept.add(v);
				}
			}
			filters.put(facet, new ArrayList<>(kept));
		}
		return new SearchCriteria(query, truncated, filters, SearchSort.fromParam(params.getFirst("sort")),
				pageNumber(params.getFirst("page")));
	}

	/** Control characters and runs of blanks go; everything else is text to look for, quotes and stars included. */
	static String clean(String raw) {
		if (raw == null) {
			return "";
		}
		String limited = (raw.length() > 4 * MAX_QUERY) ? raw.substring(0, 4 * MAX_QUERY) : raw;
		return limited.replaceAll("[\\p{Cntrl}\\p{Cs}]", " ").replaceAll("\\s+", " ").strip();
	}

	/** A page number from a URL; anything that is not a positive number is the first page. */
	static int pageNumber(String param) {
		if (param == null || param.isBlank() || param.length() > 9 || !param.chars().allMatch(Character::isDigit)) {
			return 1;
		}
		return Math.max(1, Integer.parseInt(param));
	}

	public boolean hasQuery() {
		return !this.query.isEmpty();
	}

	List<String> values(FacetField facet) {
		return this.filters.getOrDefault(facet, List.of());
	}

	public boolean hasFilters() {
		return !this.filters.isEmpty();
	}

	SearchCriteria withPage(int page) {
		return new SearchCriteria(this.query, this.truncated, this.filters, this.sort, page);
	}

}

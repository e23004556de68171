package shop.podium.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import shop.podium.regions.Region;

/**
 * The request bodies the shop sends to the cluster, built as plain maps so the benchmark can send the very
 * same bodies straight to Elasticsearch.
 * <p>
 * Typo tolerance is a second pass: the first asks for the words as typed (cheap: exact terms), and only when
 * that finds nothing does a fuzzy query (bounded: one-letter prefix, 20 expansions, names and facet names
 * only) run, together with a term suggester for "did you mean". Facet counts are computed over the matching
 * products of the region, each facet with every other facet's selection applied (AND across facets, OR within
 * one), and the selection itself is a post filter.
 */
final class SearchQueries {

	static final int MAX_TERMS = 10;

	private static final java.util.regex.Pattern LATIN_WORD = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z-]*[A-Za-z]");

	private SearchQueries() {
	}

	/** Each word must match (up to three words; 80% of more), in any field; phrases in names score higher. */
	static Map<String, Object> search(Region region, SearchCriteria criteria, Locale locale, int from, int size,
			boolean fuzzy) {
		String lang = localeField(locale);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("from", from);
		body.put("size", size);
		body.put("track_total_hits", true);
		body.put("_source", List.of("slug", "name", "image", "price." + region.code(), "in_stock_in"));
		body.put("query", query(region, criteria, lang, fuzzy));
		Map<String, List<Object>> filters = facetFilters(region, criteria);
		List<Object> all = filters.values().stream().flatMap(List::stream).toList();
		if (!all.isEmpty()) {
			body.put("post_filter", obj("bool", obj("filter", all)));
		}
		body.put("aggs", aggregations(region, filters));
		body.put("sort", sort(region, criteria));
		if (criteria.hasQuery()) {
			List<String> marked = List.of("name." + lang, "name.en", "description." + lang).stream().distinct().toList();
			body.put("highlight", obj("encoder", "html", "pre_tags", List.of("<mark>"), "post_tags", List.of("</mark>"),
					"require_field_match", false, "highlight_query", highlightQuery(criteria, marked, fuzzy), "fields",
					// a list of one-field objects: the form that keeps the order and that the client reads
					marked.stream()
						.map(field -> obj(field, field.startsWith("name.") ? obj("number_of_fragments", 0)
								: obj("fragment_size", 160, "number_of_fragments", 1)))
						.toList()));
			if (fuzzy) {
				body.put("suggest", obj("text", criteria.query(), "spell",
						obj("term", obj("field", "spell", "suggest_mode", "popular", "min_word_length", 3, "size", 1))));
			}
		}
		return body;
	}

	/**
	 * The words to mark, looked for only in the fields that are marked: the search query itself spans eleven
	 * fields and, on a typo's page, their fuzzy expansions, which the highlighter matched against every shown
	 * product's texts at a cost of several times the search itself. Same words, plural or singular included.
	 */
	private static Map<String, Object> highlightQuery(SearchCriteria criteria, List<String> marked, boolean fuzzy) {
		List<String> words = new ArrayList<>();
		for (String term : terms(criteria.query())) {
			words.add(term);
			String other = pluralOrSingular(term);
			if (other != null) {
				words.add(other);
			}
		}
		Map<String, Object> match = obj("query", String.join(" ", words), "fields", marked);
		if (fuzzy) {
			match.putAll(obj("fuzziness", "AUTO", "prefix_length", 1, "max_expansions", 20));
		}
		return obj("multi_match", match);
	}

	/**
	 * Type-ahead: products of the region whose names (in any language) hold every word typed, the last one as the
	 * start of a word, most popular first; then, from four characters on, names with a typo or two in a word typed
	 * whole (before the last word, or the last one once complete). The names are indexed once more with the starts
	 * of their words ({@code index_prefixes}), so the last word is one term lookup, and the region is a filter on
	 * the document: that replaced a completion field with a context per region, which cost most of a full
	 * reindex's time and most of the index. Exact matches score 2 and typo matches 1, with no other scoring, so
	 * popularity orders each group.
	 */
	static Map<String, Object> suggest(Region region, String prefix, int size) {
		List<Object> should = new ArrayList<>();
		should.add(obj("constant_score", obj("filter", obj("match_bool_prefix", obj("typeahead", obj("query", prefix,
				"operator", "and"))), "boost", 2)));
		if (prefix.length() >= 4) {
			Map<String, Object> fuzzy = obj("fuzziness", "AUTO", "prefix_length", 1, "max_expansions", 10);
			List<Object> typos = new ArrayList<>();
			// a typo in a word before the last one, the last one still being typed
			typos.add(obj("match_bool_prefix", obj("typeahead", with(obj("query", prefix, "operator", "and"), fuzzy))));
			// a typo in a whole word, the last one included
			typos.add(obj("match", obj("typeahead", with(obj("query", prefix, "operator", "and"), fuzzy))));
			should.add(obj("constant_score", obj("filter", obj("bool", obj("should", typos)), "boost", 1)));
		}
		Map<String, Object> query = obj("bool", obj("filter", List.of(obj("term", obj("visible_in", region.code()))),
				"should", should, "minimum_should_match", 1));
		// a few more than shown, for names two products share
		return obj("size", 2 * size, "track_total_hits", false, "_source", List.of("slug", "name"), "query", query,
				"sort", List.of(order("_score", "desc"), order("popularity", "desc"), order("id", "asc")));
	}

	private static Map<String, Object> with(Map<String, Object> base, Map<String, Object> more) {
		Map<String, Object> merged = new LinkedHashMap<>(base);
		merged.putAll(more);
		return merged;
	}

	static String localeField(Locale locale) {
		String field = ProductDocuments.LOCALE_FIELDS.get(locale.toLanguageTag());
		if (field == null) {
			field = ProductDocuments.LOCALE_FIELDS.getOrDefault(locale.getLanguage(), "en");
		}
		return field;
	}

	private static Object query(Region region, SearchCriteria criteria, String lang, boolean fuzzy) {
		List<Object> filter = List.of(obj("term", obj("visible_in", region.code())));
		if (!criteria.hasQuery()) {
			return obj("bool", obj("filter", filter));
		}
		List<Object> words = new ArrayList<>();
		for (String term : terms(criteria.query())) {
			Map<String, Object> exact = asTypedOrPlural(term, lang);
			if (fuzzy) {
				Map<String, Object> typo = obj("multi_match", obj("query", term, "type", "best_fields", "operator", "and",
						"fields", fields(lang, false), "fuzziness", "AUTO", "prefix_length", 1, "max_expansions", 20));
				words.add(obj("bool", obj("should", List.of(withBoost(exact, 2.0), typo))));
			}
			else {
				words.add(exact);
			}
		}
		Map<String, Object> text = obj("bool", obj("should", words, "minimum_should_match", "3<80%"));
		Map<String, Object> phrase = obj("multi_match", obj("query", criteria.query(), "type", "phrase", "slop", 1,
				"fields", ProductDocuments.LOCALE_FIELDS.values()
					.stream()
					.sorted()
					.map(field -> "name." + field + (field.equals(lang) ? "^3" : "^2"))
					.toList()));
		Map<String, Object> scored = obj("function_score", obj("query", text, "functions",
				List.of(obj("field_value_factor", obj("field", "popularity", "modifier", "log1p", "missing", 0))),
				"boost_mode", "sum"));
		return obj("bool", obj("must", List.of(scored), "should", List.of(phrase), "filter", filter));
	}

	/**
	 * The word as typed, or its plural or singular: "hoodie" finds "Hoodies" and "t-shirt" finds "T-shirts" in the
	 * exact pass, as a stemming analyzer would; without this, a cluster with core analysis only (the embedded
	 * node) sent every singular of a catalog noun to the far costlier fuzzy pass. The best of the two scores
	 * counts, so a stemming cluster, where both forms are the same term, scores as before.
	 */
	private static Map<String, Object> asTypedOrPlural(String term, String lang) {
		Map<String, Object> typed = exactWord(term, lang);
		String other = pluralOrSingular(term);
		if (other == null) {
			return typed;
		}
		return obj("dis_max", obj("queries", List.of(typed, exactWord(other, lang))));
	}

	private static Map<String, Object> exactWord(String term, String lang) {
		return obj("multi_match", obj("query", term, "type", "best_fields", "operator", "and", "fields",
				fields(lang, true)));
	}

	/** English-style number flip of a Latin word of three letters or more, or {@code null}. */
	static String pluralOrSingular(String term) {
		if (term.length() < 3 || !LATIN_WORD.matcher(term).matches()) {
			return null;
		}
		String lower = term.toLowerCase(Locale.ROOT);
		if (lower.endsWith("ss") || lower.endsWith("us") || lower.endsWith("is")) {
			return null;
		}
		if (lower.endsWith("s")) {
			return term.substring(0, term.length() - 1);
		}
		return term + "s";
	}

	/** The words of a query as fans separate them; the analyzers split further (CJK, hyphens). */
	static List<String> terms(String query) {
		List<String> terms = new ArrayList<>();
		for (String word : query.split("[\\s,;]+")) {
			if (!word.isBlank() && terms.size() < MAX_TERMS) {
				terms.add(word);
			}
		}
		return terms;
	}

	private static List<String> fields(String lang, boolean withDescriptions) {
		List<String> fields = new ArrayList<>();
		for (String field : ProductDocuments.LOCALE_FIELDS.values().stream().sorted().toList()) {
			fields.add("name." + field + (field.equals(lang) ? "^4" : "^3"));
		}
		fields.add("facet_text^2");
		if (withDescriptions) {
			for (String field : ProductDocuments.LOCALE_FIELDS.values().stream().sorted().toList()) {
				fields.add("description." + field + (field.equals(lang) ? "" : "^0.3"));
			}
			fields.add("sku^3");
		}
		return fields;
	}

	/** The same one-key query ({@code multi_match}, {@code dis_max}) with a boost. */
	private static Map<String, Object> withBoost(Map<String, Object> query, double boost) {
		Map.Entry<String, Object> only = query.entrySet().iterator().next();
		@SuppressWarnings("unchecked")
		Map<String, Object> inner = new LinkedHashMap<>((Map<String, Object>) only.getValue());
		inner.put("boost", boost);
		return obj(only.getKey(), inner);
	}

	/** Each facet's selection as filters (values of one facet OR'ed), by facet. */
	static Map<String, List<Object>> facetFilters(Region region, SearchCriteria criteria) {
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
	private static Map<String, Object> aggregations(Region region, Map<String, List<Object>> filters) {
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

	/** The aggregation that counts the facets with nothing chosen, under every selection. */
	static final String UNDER_EVERY_SELECTION = "selected";

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

	private static List<Object> sort(Region region, SearchCriteria criteria) {
		String price = "price." + region.code();
		return switch (criteria.sort()) {
			case PRICE_ASC -> List.of(obj(price, obj("order", "asc", "unmapped_type", "long")), order("id", "asc"));
			case PRICE_DESC -> List.of(obj(price, obj("order", "desc", "unmapped_type", "long")), order("id", "asc"));
			case NEWEST -> List.of(order("created_at", "desc"), order("id", "desc"));
			case RELEVANCE -> criteria.hasQuery()
					? List.of(order("_score", "desc"), order("popularity", "desc"), order("id", "asc"))
					: List.of(order("popularity", "desc"), order("id", "asc"));
		};
	}

	private static Map<String, Object> order(String field, String direction) {
		return obj(field, obj("order", direction));
	}

	/** A JSON object from alternating keys and values, in order. */
	static Map<String, Object> obj(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

}

package shop.podium.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import shop.podium.regions.Region;

/**
 * The search page's request bodies, built as plain maps so the benchmark can send the very same bodies straight
 * to Elasticsearch (the type-ahead's: {@link TypeAheadQuery}).
 * <p>
 * Typo tolerance is a second pass: the first asks for the words as typed (cheap: exact terms), and only when
 * that finds nothing does a fuzzy query (bounded: one-letter prefix, 20 expansions, names and facet names
 * only) run, together with a term suggester for "did you mean". Facet counts ({@link FacetQueries}) are
 * computed over the matching products of the region, each facet with every other facet's selection applied (AND
 * across facets, OR within one), and the selection itself is a post filter.
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
		Map<String, List<Object>> filters = FacetQueries.filters(region, criteria);
		List<Object> all = filters.values().stream().flatMap(List::stream).toList();
		if (!all.isEmpty()) {
			body.put("post_filter", obj("bool", obj("filter", all)));
		}
		body.put("aggs", FacetQueries.aggregations(region, filters));
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
			words.addAll(KanaForms.otherForms(term));
		}
		Map<String, Object> match = obj("query", String.join(" ", words), "fields", marked);
		if (fuzzy) {
			match.putAll(obj("fuzziness", "AUTO", "prefix_length", 1, "max_expansions", 20));
		}
		return obj("multi_match", match);
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
		List<Object> forms = new ArrayList<>();
		String other = pluralOrSingular(term);
		if (other != null) {
			forms.add(exactWord(other, lang));
		}
		// ぱーかー finds パーカー, and the other way round
		KanaForms.otherForms(term).forEach(kana -> forms.add(exactWord(kana, lang)));
		if (forms.isEmpty()) {
			return typed;
		}
		forms.addFirst(typed);
		return obj("dis_max", obj("queries", forms));
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

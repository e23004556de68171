package shop.podium.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import shop.podium.regions.Region;

import static shop.podium.search.SearchQueries.obj;

/**
 * The type-ahead's request body, a plain map like {@link SearchQueries}' so the benchmark sends the same one.
 */
final class TypeAheadQuery {

	private TypeAheadQuery() {
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
	static Map<String, Object> body(Region region, String prefix, int size) {
		List<Object> should = new ArrayList<>();
		should.add(obj("constant_score", obj("filter", obj("match_bool_prefix", obj("typeahead", obj("query", prefix,
				"operator", "and"))), "boost", 2)));
		// the prefix in its other kana: ぱー suggests パーカー
		for (String kana : KanaForms.otherForms(prefix)) {
			should.add(obj("constant_score", obj("filter", obj("match_bool_prefix", obj("typeahead", obj("query", kana,
					"operator", "and"))), "boost", 2)));
		}
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
				"sort", List.of(obj("_score", obj("order", "desc")), obj("popularity", obj("order", "desc")),
						obj("id", obj("order", "asc"))));
	}

	private static Map<String, Object> with(Map<String, Object> base, Map<String, Object> more) {
		Map<String, Object> merged = new LinkedHashMap<>(base);
		merged.putAll(more);
		return merged;
	}

}

package shop.podium.catalog;

import java.util.Map;

/**
 * The names of every edition, category and sport in every language: by slug, then by locale tag.
 */
public record TaxonomyNames(Map<String, Map<String, String>> editions, Map<String, Map<String, String>> categories,
		Map<String, Map<String, String>> sports) {

	public TaxonomyNames {
		editions = Map.copyOf(editions);
		categories = Map.copyOf(categories);
		sports = Map.copyOf(sports);
	}

	/** The name in that language, else in English, else the slug. */
	public static String name(Map<String, Map<String, String>> names, String slug, String localeTag) {
		Map<String, String> byLocale = names.getOrDefault(slug, Map.of());
		String name = byLocale.get(localeTag);
		if (name == null || name.isBlank()) {
			name = byLocale.get("en");
		}
		return (name == null || name.isBlank()) ? slug : name;
	}

}

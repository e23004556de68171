package shop.podium.sitemap;

import java.util.Locale;

import shop.podium.regions.Region;

/**
 * The address of a region's page in one of its languages, as search engines should keep it: the region's own
 * language has the plain path (a visitor without a language cookie reads it in that language), every other one
 * the path with {@code ?lang=}.
 */
final class PageAddresses {

	private PageAddresses() {
	}

	static String of(String base, String path, Region region, Locale language) {
		String tag = language.toLanguageTag();
		if (tag.equals(region.defaultLocale().toLanguageTag())) {
			return base + path;
		}
		return base + path + (path.contains("?") ? "&" : "?") + "lang=" + tag;
	}

	/**
	 * The {@code hreflang} of a region's page in a language: the language with the region's code as its country
	 * ({@code ja-JP}, {@code en-JP}), except Europe, which is no country ({@code fr}: French readers in general).
	 */
	static String hreflang(Region region, Locale language) {
		if ("eu".equals(region.code())) {
			return language.getLanguage();
		}
		return language.getLanguage() + "-" + region.code().toUpperCase(Locale.ROOT);
	}

}

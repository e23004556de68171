package shop.podium.e2e.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import shop.podium.e2e.Browser;

/**
 * Searches a region the way a link to {@code /{region}/search?q=…} does, again and again until the results say
 * what is expected: the index follows the catalog through the event outbox, a moment after the change.
 */
public final class SearchFor {

	private SearchFor() {
	}

	/** Searches until a result has that name (or the browser's patience runs out) and returns the page. */
	public static SearchPage until(Browser browser, String region, String query, String name, boolean present) {
		String path = "/" + region + "/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
		browser.waitUntil("search " + path + (present ? " to find " : " no longer to find ") + name, d -> {
			browser.get(path);
			List<String> names = SearchPage.current(browser).hits().stream().map(SearchPage.Hit::name).toList();
			return names.contains(name) == present;
		});
		return SearchPage.current(browser);
	}

}

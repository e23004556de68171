package shop.podium.e2e.pages;

import shop.podium.e2e.Browser;

/** A category's listing sorted newest first, where a product approved a moment ago shows on the first page. */
public final class NewestListings {

	private NewestListings() {
	}

	public static CategoryPage of(Browser browser, String region, String category) {
		String path = "/" + region + "/categories/" + category;
		browser.get(path + "?sort=newest");
		return CategoryPage.expect(browser, path);
	}

}

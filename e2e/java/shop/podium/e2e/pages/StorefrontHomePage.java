package shop.podium.e2e.pages;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import shop.podium.e2e.Browser;

/**
 * {@code GET /{region}}: the storefront home of a region, with links to its categories.
 */
public final class StorefrontHomePage extends ShopPage {

	private final String region;

	private StorefrontHomePage(Browser browser, String region) {
		super(browser);
		this.region = region;
	}

	/** The home page of the region the browser was just sent to. */
	static StorefrontHomePage expect(Browser browser, String region) {
		browser.waitUntil("the storefront home /" + region + " (the browser is on " + browser.path() + ")",
				d -> ("/" + region).equals(browser.path()));
		return new StorefrontHomePage(browser, region);
	}

	public static StorefrontHomePage open(Browser browser, String region) {
		browser.get("/" + region);
		return expect(browser, region);
	}

	public String region() {
		return this.region;
	}

	/** The slugs of the categories the page links to, in the order shown. */
	public List<String> categories() {
		return categoryLinks().stream().map(StorefrontHomePage::slugOf).distinct().toList();
	}

	/** Follows the first visible link to the category, e.g. {@code t-shirts}. */
	public CategoryPage openCategory(String slug) {
		WebElement link = categoryLinks().stream()
			.filter(candidate -> slug.equals(slugOf(candidate)) && candidate.isDisplayed())
			.findFirst()
			.orElseThrow(() -> new AssertionError(
					"No visible link to category " + slug + " on /" + this.region + "; it links " + categories()));
		link.click();
		return CategoryPage.expect(this.browser, "/" + this.region + "/categories/" + slug);
	}

	private List<WebElement> categoryLinks() {
		return this.browser.driver().findElements(By.cssSelector("a[href*='/" + this.region + "/categories/']"));
	}

	private static String slugOf(WebElement link) {
		String path = link.getDomAttribute("href").replaceFirst("[?#].*$", "");
		return path.substring(path.indexOf("/categories/") + "/categories/".length());
	}

}

package shop.podium.e2e.pages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

	/** The category links on the page (name → path), first occurrence of each. */
	public Map<String, String> categories() {
		Map<String, String> categories = new LinkedHashMap<>();
		for (WebElement link : categoryLinks()) {
			String path = link.getDomAttribute("href").replaceFirst("^[a-z]+://[^/]+", "").replaceFirst("[?#].*$", "");
			String name = link.getText().strip();
			if (!name.isEmpty() && !categories.containsValue(path)) {
				categories.put(name, path);
			}
		}
		return categories;
	}

	public CategoryPage openCategory(String name) {
		String path = categories().get(name);
		if (path == null) {
			throw new AssertionError("No category " + name + " on /" + this.region + "; it links " + categories().keySet());
		}
		WebElement link = categoryLinks().stream()
			.filter(candidate -> candidate.isDisplayed() && name.equals(candidate.getText().strip()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("The link to category " + name + " is not visible"));
		link.click();
		return CategoryPage.expect(this.browser, path);
	}

	private List<WebElement> categoryLinks() {
		return this.browser.driver().findElements(By.cssSelector("a[href*='/" + this.region + "/categories/']"));
	}

}

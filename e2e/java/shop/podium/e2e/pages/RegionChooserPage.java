package shop.podium.e2e.pages;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import shop.podium.e2e.Browser;

/**
 * {@code GET /}: the region chooser. Each region is a link to {@code /<code>} (or a button with the code as
 * its value) inside the {@code .region-list}.
 */
public final class RegionChooserPage extends ShopPage {

	private static final By REGIONS = By.cssSelector(".region-list a[href], .region-list button[value]");

	private RegionChooserPage(Browser browser) {
		super(browser);
		browser.waitUntil("the region list on " + browser.path(), d -> !d.findElements(REGIONS).isEmpty());
	}

	public static RegionChooserPage open(Browser browser) {
		browser.get("/");
		return new RegionChooserPage(browser);
	}

	/** The region codes offered, in the order shown. */
	public List<String> regionCodes() {
		return regions().stream().map(RegionChooserPage::codeOf).toList();
	}

	public StorefrontHomePage choose(String code) {
		WebElement region = regions().stream()
			.filter(element -> code.equals(codeOf(element)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No region " + code + " on the chooser; it offers " + regionCodes()));
		region.click();
		return StorefrontHomePage.expect(this.browser, code);
	}

	private List<WebElement> regions() {
		return this.browser.driver().findElements(REGIONS);
	}

	private static String codeOf(WebElement region) {
		String value = region.getDomAttribute("value");
		if (value != null && !value.isBlank()) {
			return value;
		}
		String href = region.getDomAttribute("href");
		String path = href.replaceFirst("^[a-z]+://[^/]+", "").replaceFirst("[?#].*$", "");
		return path.substring(path.lastIndexOf('/') + 1);
	}

}

package shop.podium.e2e.pages;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import shop.podium.e2e.Browser;

/**
 * {@code GET /{region}/products/{slug}}: a product with its {@code .price} and, for sized products, a
 * {@code .variant-picker}.
 */
public final class ProductPage extends ShopPage {

	private static final By PRICE = By.cssSelector("main .price");

	private static final By VARIANT_PICKER = By.cssSelector(".variant-picker");

	private ProductPage(Browser browser) {
		super(browser);
	}

	static ProductPage expect(Browser browser, String path) {
		browser.waitUntil("the product page " + path + " (the browser is on " + browser.path() + ")",
				d -> path.equals(browser.path()));
		return new ProductPage(browser);
	}

	/** The product page the browser shows now (e.g. after switching language). */
	public static ProductPage current(Browser browser) {
		return new ProductPage(browser);
	}

	public static ProductPage open(Browser browser, String path) {
		browser.get(path);
		return expect(browser, path);
	}

	public String name() {
		return heading();
	}

	public String price() {
		return this.browser.find(PRICE).getText().strip();
	}

	public boolean hasVariantPicker() {
		return !this.browser.driver().findElements(VARIANT_PICKER).isEmpty();
	}

	/** The variant choices offered (e.g. sizes), as labelled on the page. */
	public List<String> variants() {
		return this.browser.driver()
			.findElements(By.cssSelector(".variant-picker label, .variant-picker option"))
			.stream()
			.map(WebElement::getText)
			.map(String::strip)
			.filter(text -> !text.isEmpty())
			.toList();
	}

}

package shop.podium.e2e.pages;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import shop.podium.e2e.Browser;

/**
 * {@code GET /{region}/categories/{slug}}: a listing of the products of one category, as a
 * {@code .product-grid} of {@code .product-card}s, each with a link to the product and its {@code .price}.
 */
public final class CategoryPage extends ShopPage {

	private static final By CARDS = By.cssSelector(".product-grid .product-card");

	private static final By PRODUCT_LINK = By.cssSelector("a[href*='/products/']");

	private static final By PRICE = By.cssSelector(".price");

	private CategoryPage(Browser browser) {
		super(browser);
	}

	static CategoryPage expect(Browser browser, String path) {
		browser.waitUntil("the category page " + path + " (the browser is on " + browser.path() + ")",
				d -> path.equals(browser.path()));
		return new CategoryPage(browser);
	}

	public static CategoryPage open(Browser browser, String path) {
		browser.get(path);
		return expect(browser, path);
	}

	public List<ProductCard> products() {
		return this.browser.driver().findElements(CARDS).stream().map(ProductCard::new).toList();
	}

	public ProductPage openProduct(ProductCard card) {
		String path = card.path();
		card.link().click();
		return ProductPage.expect(this.browser, path);
	}

	/** One product in the grid. */
	public static final class ProductCard {

		private final WebElement card;

		ProductCard(WebElement card) {
			this.card = card;
		}

		WebElement link() {
			return this.card.findElement(PRODUCT_LINK);
		}

		public String name() {
			return link().getText().strip();
		}

		public String path() {
			return link().getDomAttribute("href").replaceFirst("^[a-z]+://[^/]+", "").replaceFirst("[?#].*$", "");
		}

		public String price() {
			return this.card.findElement(PRICE).getText().strip();
		}

		@Override
		public String toString() {
			return name() + " " + path();
		}

	}

}

package shop.podium.e2e;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import shop.podium.catalog.Sellability;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fan shops as they would in an official store, on a phone and on a laptop: Add to cart counts in the header
 * and says so where the fan looks, express shipping costs what it should, the region and its tax are named in
 * the fan's language, and search engines may read robots.txt and the sitemap.
 */
class FanStoreJourney extends BrowserJourney {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Sellability sellability;

	@Test
	void onAPhoneAddToCartCountsInTheHeaderAndShowsItsMessageOnScreen() {
		this.browser.resizeTo(Viewport.PHONE);
		String slug = productInStock("us");
		this.browser.get("/us/products/" + slug + "?lang=en");
		assertThat(cartLink()).isEqualTo("Cart (0)");
		addToCart();
		this.browser.waitUntil("the count in the header", d -> cartLink().equals("Cart (1)"));
		WebElement message = this.browser.find(By.cssSelector("#cart-feedback .alert"));
		assertThat(message.getText()).contains("View cart (1 item)");
		assertThat(onScreen(message)).as("the message is on the phone's screen").isTrue();
		this.browser.step("phone-added-one");
		addToCart();
		this.browser.waitUntil("the count in the header", d -> cartLink().equals("Cart (2)"));
		assertThat(this.browser.find(By.cssSelector("#cart-feedback .alert")).getText()).contains("View cart (2 items)");
		this.browser.step("phone-added-two");

		this.browser.resizeTo(Viewport.DESKTOP);
		this.browser.get("/us/checkout?lang=en");
		String express = this.browser.find(By.cssSelector("label[for='shipping-express']")).getText();
		assertThat(express).startsWith("Express — $19.95");
		this.browser.step("desktop-checkout-shipping");
	}

	@Test
	void theRegionAndItsTaxAreInTheFansLanguage() {
		String slug = productInStock("jp");
		this.browser.get("/jp/products/" + slug + "?lang=fr");
		assertThat(this.browser.find(By.cssSelector(".region-switch")).getText()).contains("Japon").doesNotContain("Japan");
		assertThat(this.browser.find(By.cssSelector("main")).getText()).contains("taxe sur la consommation 10 % incluse");
		this.browser.step("jp-product-fr");
		this.browser.get("/jp/products/" + slug + "?lang=ja");
		assertThat(this.browser.find(By.cssSelector(".site-footer")).getText()).contains("無断転載を禁じます")
			.doesNotContain("All rights reserved");
		this.browser.resizeTo(Viewport.PHONE);
		this.browser.step("jp-product-ja-phone");
	}

	@Test
	void searchEnginesReadRobotsAndTheSitemapsWithoutSigningIn() {
		this.browser.get("/robots.txt");
		assertThat(this.browser.path()).isEqualTo("/robots.txt");
		assertThat(this.browser.find(By.tagName("body")).getText()).contains("Sitemap: ").contains("/sitemap.xml");
		this.browser.get("/sitemap.xml");
		assertThat(this.browser.path()).isEqualTo("/sitemap.xml");
		assertThat(this.browser.driver().getPageSource()).contains("/sitemaps/jp/ja.xml");
		this.browser.get("/sitemaps/jp/en.xml");
		assertThat(this.browser.driver().getPageSource()).contains("/jp/products/" + productInStock("jp") + "?lang=en");
	}

	private void addToCart() {
		List<WebElement> sizes = this.browser.driver().findElements(By.cssSelector(".variant-picker__input:not([disabled])"));
		if (!sizes.isEmpty() && !sizes.getFirst().isSelected()) {
			this.browser.find(By.cssSelector("label[for='" + sizes.getFirst().getDomAttribute("id") + "']")).click();
		}
		this.browser.find(By.id("add-to-cart")).click();
	}

	private String cartLink() {
		return this.browser.find(By.id("cart-link")).getText().strip();
	}

	private boolean onScreen(WebElement element) {
		Object inside = ((JavascriptExecutor) this.browser.driver()).executeScript("""
				const r = arguments[0].getBoundingClientRect();
				return r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth;""",
				element);
		return Boolean.TRUE.equals(inside);
	}

	/** A product sold in the region with plenty of stock in its first variant. */
	private String productInStock(String region) {
		return this.jdbc.sql("""
				SELECT p.slug FROM product p JOIN variant v ON v.product_id = p.id
				JOIN stock s ON s.variant_id = v.id AND s.region_code = :r
				WHERE s.quantity >= 20 ORDER BY p.popularity DESC, p.id""")
			.param("r", region)
			.query(String.class)
			.list()
			.stream()
			.filter(slug -> this.sellability.of(region, slug).purchasable())
			.findFirst()
			.orElseThrow();
	}

}

package shop.podium.e2e;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
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
		String slug = productInStock("us");
		this.browser.get("/us/products/" + slug + "?lang=en");
		this.browser.resizeTo(Viewport.PHONE);
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
		assertThat(this.browser.find(By.cssSelector(".region-switch")).getDomProperty("textContent")).contains("Japon").doesNotContain("Japan");
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

	@Test
	void hiraganaFindsKatakanaNamesAndTheTypeAheadWorksFromTheKeyboard() {
		awaitSearchReady();
		this.browser.get("/jp/search?lang=ja&q=" + URLEncoder.encode("ぱーかー", StandardCharsets.UTF_8));
		int hiragana = this.browser.driver().findElements(By.cssSelector(".search-hit")).size();
		this.browser.get("/jp/search?lang=ja&q=" + URLEncoder.encode("パーカー", StandardCharsets.UTF_8));
		int katakana = this.browser.driver().findElements(By.cssSelector(".search-hit")).size();
		assertThat(hiragana).as("results for ぱーかー").isPositive().isEqualTo(katakana);
		this.browser.step("jp-search-hiragana");

		this.browser.get("/jp?lang=ja");
		WebElement box = this.browser.find(By.id("search-q-header"));
		box.sendKeys("ぱーか");
		this.browser.waitUntil("suggestions", d -> !d.findElements(By.cssSelector("#search-suggestions-header [role=option]")).isEmpty());
		assertThat(box.getDomAttribute("role")).isEqualTo("combobox");
		this.browser.waitUntil("the list said open", d -> "true".equals(box.getDomAttribute("aria-expanded")));
		box.sendKeys(Keys.ARROW_DOWN);
		WebElement first = this.browser.find(By.cssSelector("#search-suggestions-header [role=option]"));
		assertThat(box.getDomAttribute("aria-activedescendant")).isEqualTo(first.getDomAttribute("id"));
		assertThat(first.getDomAttribute("aria-selected")).isEqualTo("true");
		assertThat(this.browser.driver().switchTo().activeElement()).as("the focus stays in the box").isEqualTo(box);
		this.browser.step("jp-typeahead-keyboard");
		String target = java.net.URI.create(first.getDomProperty("href")).getPath();
		box.sendKeys(Keys.ENTER);
		this.browser.waitUntil("the suggested product", d -> this.browser.path().equals(target));
	}

	@Test
	void aProductPageTellsSearchEnginesItsAddressLanguagesAndPlace() {
		String slug = productInStock("jp");
		this.browser.get("/jp/products/" + slug + "?lang=en");
		String canonical = this.browser.find(By.cssSelector("link[rel=canonical]")).getDomAttribute("href");
		assertThat(canonical).endsWith("/jp/products/" + slug + "?lang=en");
		List<String> languages = this.browser.driver().findElements(By.cssSelector("link[rel=alternate][hreflang]"))
			.stream().map(l -> l.getDomAttribute("hreflang")).toList();
		assertThat(languages).contains("ja-JP", "en-JP");
		assertThat(this.browser.find(By.cssSelector("meta[name=description]")).getDomAttribute("content")).isNotBlank();
		assertThat(this.browser.find(By.cssSelector("meta[property='og:image']")).getDomAttribute("content")).startsWith("http");
		assertThat(this.browser.driver().getPageSource()).contains("\"@type\":\"BreadcrumbList\"");
	}

	/** The search node starts in the background with the shop; until it answers, search runs on the database. */
	private void awaitSearchReady() {
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(3)).pollInterval(java.time.Duration.ofSeconds(2))
			.until(() -> {
				this.browser.get("/actuator/health/search-node");
				return this.browser.driver().getPageSource().replace(" ", "").contains("\"status\":\"UP\"");
			});
	}

	private void addToCart() {
		List<WebElement> sizes = this.browser.driver().findElements(By.cssSelector(".variant-picker__input:not([disabled])"));
		if (!sizes.isEmpty() && !sizes.getFirst().isSelected()) {
			this.browser.find(By.cssSelector("label[for='" + sizes.getFirst().getDomAttribute("id") + "']")).click();
		}
		this.browser.find(By.id("add-to-cart")).click();
	}

	/** The header's cart link as shown; read in one go, since Add to cart's answer swaps the link for a new one. */
	private String cartLink() {
		Object text = ((JavascriptExecutor) this.browser.driver())
			.executeScript("const a = document.getElementById('cart-link'); return a ? a.textContent.trim() : '';");
		return String.valueOf(text);
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
		return StockedProducts.inRegion(this.jdbc, this.sellability, region);
	}

}

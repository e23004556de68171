package shop.podium.e2e;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import shop.podium.catalog.Sellability;
import shop.podium.e2e.pages.SignInPage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page a fan or a member of staff opens fits a phone held upright (390 CSS pixels) and a laptop (1366): the
 * page scrolls only down. On the phone the header is compact (logo, cart, a menu button that opens without
 * script), Add to cart is on the first screen of a product page and the search filters are in a drawer.
 */
class EveryPageFitsJourney extends BrowserJourney {

	private static final String PASSWORD = "podium-demo-2026";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Sellability sellability;

	private final List<String> tooWide = new ArrayList<>();

	@Test
	void aFansPagesFit() {
		String slug = productInStock("eu");
		this.browser.get("/eu/products/" + slug + "?lang=en");
		this.browser.resizeTo(Viewport.PHONE);
		this.browser.get("/eu/products/" + slug + "?lang=en");
		WebElement header = this.browser.find(By.cssSelector(".site-header"));
		assertThat(header.getRect().getHeight()).as("height of the header on a phone").isLessThan(130);
		WebElement menu = this.browser.find(By.cssSelector(".site-menu"));
		assertThat(this.browser.find(By.cssSelector(".site-menu__toggle")).isDisplayed()).isTrue();
		assertThat(shown(".languages")).as("languages behind the menu").isFalse();
		this.browser.find(By.cssSelector(".site-menu__toggle")).click();
		assertThat(menu.getDomAttribute("open")).isNotNull();
		assertThat(shown(".languages")).as("languages in the opened menu").isTrue();
		this.browser.step("phone-menu-open");
		this.browser.find(By.cssSelector(".site-menu__toggle")).click();
		chooseFirstSize();
		WebElement add = this.browser.find(By.id("add-to-cart"));
		assertThat(bottomOf(add)).as("Add to cart is on the first screen of a phone").isLessThanOrEqualTo(Viewport.PHONE.height());
		this.browser.step("phone-product-first-screen");
		add.click();
		this.browser.waitUntil("the count in the header", d -> this.browser.find(By.id("cart-link")).getText().contains("1"));

		this.browser.get("/eu/search?q=shirt&lang=en");
		WebElement filters = this.browser.find(By.cssSelector(".filter-drawer"));
		assertThat(shown(".search-facets")).as("filters closed on a phone").isFalse();
		assertThat(this.browser.find(By.cssSelector(".search-results")).getRect().getY())
			.as("results start on the first screen").isLessThan(Viewport.PHONE.height());
		this.browser.find(By.cssSelector(".filter-drawer__toggle")).click();
		assertThat(filters.getDomAttribute("open")).isNotNull();
		this.browser.step("phone-search-filters-open");
		this.browser.resizeTo(Viewport.LAPTOP);
		this.browser.get("/eu/search?q=shirt&lang=en");
		assertThat(shown(".search-facets")).as("filters open beside results").isTrue();
		assertThat(shown(".languages")).as("languages in the laptop's header").isTrue();
		this.browser.step("laptop-search");

		for (String page : List.of("/", "/eu", "/eu/categories/t-shirts", "/eu/products/" + slug, "/eu/search?q=shirt",
				"/eu/cart", "/eu/checkout", "/jp/products/" + productInStock("jp"), "/sign-in", "/sign-up",
				"/password-reset", "/privacy")) {
			fits(page);
		}
		SignInPage.as(this.browser, "fan@podium.test", PASSWORD);
		String number = orderOf("fan@podium.test");
		for (String page : List.of("/account", "/account/orders", "/account/orders/" + number, "/account/privacy")) {
			fits(page);
		}
		assertThat(this.tooWide).as("pages wider than the screen").isEmpty();
	}

	@Test
	void staffPagesFit() {
		this.browser.get("/sign-in");
		SignInPage.as(this.browser, "staff@northpeak-apparel.test", PASSWORD);
		for (String page : List.of("/licensee", "/licensee/listings", "/licensee/listings/new", "/licensee/listings/import",
				"/licensee/orders", "/licensee/statements", "/licensee/team")) {
			fits(page);
		}
		firstLink("/licensee/statements", "a[href^='/licensee/statements/']");
		signOut();
		SignInPage.as(this.browser, "admin@podium.test", PASSWORD);
		for (String page : List.of("/admin", "/admin/regions", "/admin/regions/eu", "/admin/approvals", "/admin/audit",
				"/admin/licensees", "/admin/orders", "/admin/outbox", "/admin/refund-thresholds", "/admin/retention",
				"/admin/csp-reports")) {
			fits(page);
		}
		firstLink("/admin/licensees", "a[href^='/admin/licensees/']:not([href$='/new'])");
		firstLink("/admin/orders", "a[href^='/admin/orders/']");
		signOut();
		SignInPage.as(this.browser, "finance@podium.test", PASSWORD);
		for (String page : List.of("/finance", "/finance/reports", "/finance/royalties", "/finance/payouts",
				"/finance/discrepancies", "/finance/refunds", "/finance/imports", "/finance/uploads")) {
			fits(page);
		}
		firstLink("/finance/royalties", "a[href^='/finance/royalties/']");
		firstLink("/finance/payouts", "a[href^='/finance/payouts/']");
		assertThat(this.tooWide).as("pages wider than the screen").isEmpty();
	}

	/** Opens the page at phone and laptop width and notes each width it overflows. */
	private void fits(String path) {
		for (Viewport viewport : List.of(Viewport.PHONE, Viewport.LAPTOP)) {
			this.browser.resizeTo(viewport);
			this.browser.get(path);
			long overflow = this.browser.horizontalOverflow();
			if (overflow > 0) {
				this.tooWide.add(path + " at " + viewport.width() + " px: " + overflow + " px too wide");
			}
			if (viewport == Viewport.PHONE) {
				this.browser.screenshot("phone" + path.replaceAll("[^a-z0-9]+", "-"));
			}
		}
	}

	/**
	 * Whether the browser draws the element. WebDriver's own answer counts anything inside a closed details
	 * element as hidden, even where the stylesheet shows it (the menu and the filters on wide screens).
	 */
	private boolean shown(String selector) {
		Object visible = ((org.openqa.selenium.JavascriptExecutor) this.browser.driver()).executeScript(
				"const e = document.querySelector(arguments[0]); return e !== null && e.checkVisibility() && e.getClientRects().length > 0"
						+ " && e.getBoundingClientRect().height > 0;", selector);
		return Boolean.TRUE.equals(visible);
	}

	private void firstLink(String list, String selector) {
		this.browser.get(list);
		List<WebElement> links = this.browser.driver().findElements(By.cssSelector("main " + selector));
		if (!links.isEmpty()) {
			fits(java.net.URI.create(links.getFirst().getDomProperty("href")).getPath());
		}
	}

	private void signOut() {
		this.browser.driver().manage().deleteAllCookies();
	}

	private void chooseFirstSize() {
		List<WebElement> sizes = this.browser.driver().findElements(By.cssSelector(".variant-picker__input:not([disabled])"));
		if (!sizes.isEmpty()) {
			this.browser.find(By.cssSelector("label[for='" + sizes.getFirst().getDomAttribute("id") + "']")).click();
		}
	}

	private long bottomOf(WebElement element) {
		Object bottom = ((org.openqa.selenium.JavascriptExecutor) this.browser.driver())
			.executeScript("return arguments[0].getBoundingClientRect().bottom", element);
		return Math.round(((Number) bottom).doubleValue());
	}

	/** A paid order of the fan's, with a long product name and address, as the order pages show them. */
	private String orderOf(String email) {
		Long user = this.jdbc.sql("SELECT id FROM user_account WHERE email = ?").param(email).query(Long.class).single();
		String number = "PD-FIT" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
		Instant now = Instant.now();
		this.jdbc.sql("""
				INSERT INTO customer_order (number, region_code, currency, locale, user_id, email, ship_name, ship_line1,
				  ship_city, ship_postcode, ship_country, shipping_code, subtotal_minor, shipping_minor, tax_minor,
				  tax_inclusive, tax_label, total_minor, status, session_expires_at, created_at, updated_at, paid_at)
				VALUES (:n, 'eu', 'EUR', 'en', :u, :e, 'Anne-Marie de la Tour-Vieille', '12 avenue des Champs-Élysées',
				  'Paris', '75008', 'FR', 'standard', 4500, 0, 750, TRUE, 'VAT', 4500, 'PAID', :t, :t, :t, :t)""")
			.param("n", number)
			.param("u", user)
			.param("e", email)
			.param("t", Timestamp.from(now))
			.update();
		return number;
	}

	/** A product sold in the region with plenty of stock in its first variant. */
	private String productInStock(String region) {
		return StockedProducts.inRegion(this.jdbc, this.sellability, region);
	}

}

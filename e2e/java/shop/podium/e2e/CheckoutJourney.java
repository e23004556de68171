package shop.podium.e2e;

import java.util.List;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import shop.podium.catalog.Sellability;
import shop.podium.e2e.checkout.CheckoutJourneySteps;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fans buy: a guest in /eu pays with a card that works; a signed-in fan in /jp pays in yen; a declined card
 * sends the fan back to a cart that is still full; an admin refunds part of an order, putting a unit back in
 * stock, and the order page says so. Payments go through the local Stripe emulator's hosted page, with its webhooks.
 */
class CheckoutJourney extends BrowserJourney {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Sellability sellability;

	@Test
	void aGuestBuysInEurope() {
		CheckoutJourneySteps steps = steps();
		String slug = productInStock("eu");
		steps.pages().addToCart("eu", slug, 2);
		this.browser.step("eu-added");
		steps.pages().openCart("eu");
		assertThat(steps.pages().cartSkus()).hasSize(1);
		assertThat(steps.pages().cartSubtotal()).contains("€");
		steps.pages().checkOut("guest@example.com", "Guest Fan");
		assertThat(steps.pages().testPaymentsBannerShown()).as("the no-real-money banner").isTrue();
		this.browser.step("eu-payment-page");
		steps.pages().payWith("4242 4242 4242 4242");
		String number = steps.pages().confirmationNumber();
		assertThat(number).startsWith("PD-");
		this.browser.step("eu-confirmation");
		assertThat(steps.orderStatus(number)).isEqualTo("PAID");
		this.browser.accessibility().assertNoSeriousViolations();
	}

	@Test
	void aSignedInFanBuysInJapanInYen() {
		CheckoutJourneySteps steps = steps();
		steps.pages().signIn("fan@podium.test", "podium-demo-2026");
		String slug = productInStock("jp");
		steps.pages().addToCart("jp", slug, 1);
		steps.pages().openCart("jp");
		assertThat(Prices.isYenWithoutDecimals(steps.pages().cartSubtotal())).as(steps.pages().cartSubtotal()).isTrue();
		steps.pages().checkOut("fan@podium.test", "Demo Fan");
		assertThat(Prices.isYenWithoutDecimals(steps.pages().checkoutTotalOnPaymentPage())).isTrue();
		steps.pages().payWith("4242424242424242");
		String number = steps.pages().confirmationNumber();
		assertThat(Prices.isYenWithoutDecimals(steps.pages().orderTotal())).isTrue();
		this.browser.step("jp-confirmation");
		this.browser.get("/account/orders");
		assertThat(this.browser.find(By.cssSelector("main")).getText()).contains(number);
		this.browser.step("jp-history");
	}

	@Test
	void aDeclinedCardReturnsToTheCartWithTheCartIntact() {
		CheckoutJourneySteps steps = steps();
		String slug = productInStock("eu");
		steps.pages().addToCart("eu", slug, 1);
		steps.pages().openCart("eu");
		List<String> before = steps.pages().cartSkus();
		steps.pages().checkOut("declined@example.com", "Declined Fan");
		steps.pages().payWith("4000 0000 0000 0002");
		assertThat(this.browser.find(By.cssSelector(".alert--error")).getText()).isNotBlank();
		this.browser.step("eu-declined");
		steps.pages().backToShop();
		this.browser.waitUntil("the cart", d -> d.getCurrentUrl().endsWith("/eu/cart"));
		assertThat(steps.pages().cartSkus()).isEqualTo(before);
		assertThat(steps.pages().alert()).isNotBlank();
		this.browser.step("eu-cart-after-decline");
	}

	@Test
	void aPartialRefundPutsAUnitBackAndShowsOnTheOrderPage() {
		CheckoutJourneySteps steps = steps();
		String slug = productInStock("eu");
		steps.pages().addToCart("eu", slug, 2);
		steps.pages().openCart("eu");
		steps.pages().checkOut("refund@example.com", "Refund Fan");
		steps.pages().payWith("4242 4242 4242 4242");
		String number = steps.pages().confirmationNumber();
		await(() -> "PAID".equals(steps.orderStatus(number)));
		int stockBefore = stockOfFirstLine(number);
		this.browser.driver().manage().deleteAllCookies();
		steps.pages().signIn("admin@podium.test", "podium-demo-2026");
		this.browser.get("/admin/orders/" + number);
		steps.pages().refundUnitsOfFirstLine(1, "One not shipped");
		assertThat(steps.pages().refundNotice()).contains("Units put back in stock: 1");
		assertThat(this.browser.find(By.id("partially-refunded")).isDisplayed()).isTrue();
		assertThat(this.browser.find(By.cssSelector(".order-refunded")).getText()).contains("€");
		assertThat(steps.pages().restockedOfFirstLine()).isEqualTo("1");
		assertThat(stockOfFirstLine(number)).isEqualTo(stockBefore + 1);
		this.browser.step("eu-partial-refund");
	}

	private CheckoutJourneySteps steps() {
		return new CheckoutJourneySteps(this.browser, this.jdbc);
	}

	private int stockOfFirstLine(String number) {
		return this.jdbc.sql("""
				SELECT s.quantity FROM order_line l JOIN customer_order o ON o.id = l.order_id
				JOIN stock s ON s.variant_id = l.variant_id AND s.region_code = o.region_code
				WHERE o.number = :n ORDER BY l.position LIMIT 1""")
			.param("n", number)
			.query(Integer.class)
			.single();
	}

	/** A product sold in the region with plenty of stock in its first variant. */
	private String productInStock(String region) {
		return StockedProducts.inRegion(this.jdbc, this.sellability, region);
	}

	static void await(BooleanSupplier condition) {
		long deadline = System.currentTimeMillis() + 20_000;
		while (!condition.getAsBoolean() && System.currentTimeMillis() < deadline) {
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

}

package shop.podium.e2e;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import shop.podium.drops.DropForm;
import shop.podium.drops.DropStatus;
import shop.podium.drops.Drops;
import shop.podium.e2e.checkout.CheckoutJourneySteps;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A launch: a fan waits in the drop's waiting room, is admitted by the drop clock, adds the numbered unit to the
 * cart, pays on the Stripe emulator's page and sees the serial and its code; another fan who comes after is told
 * at once that it sold out.
 */
class DropJourney extends BrowserJourney {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Drops drops;

	@LocalServerPort
	int port;

	@Test
	void aFanWaitsIsAdmittedPaysAndSeesTheSerialAnotherIsToldItSoldOut() {
		long drop = aNumberedDropOfOneUnitThatHasStarted();
		this.browser.get("/eu/drops/" + drop + "?lang=en");
		this.browser.find(By.id("join-queue")).click();
		this.browser.step("waiting");
		// the page polls by itself: the drop clock admits the fan within a few seconds
		patiently("admission", d -> !d.findElements(By.id("admitted")).isEmpty());
		this.browser.step("admitted");
		this.browser.find(By.id("drop-add-to-cart")).click();
		this.browser.waitUntil("the cart", d -> d.getCurrentUrl().contains("/eu/cart"));
		CheckoutJourneySteps steps = new CheckoutJourneySteps(this.browser, this.jdbc);
		steps.pages().checkOut("drop.fan@example.com", "Drop Fan");
		steps.pages().payWith("4242 4242 4242 4242");
		String number = steps.pages().confirmationNumber();
		patiently("the serial", d -> {
			if (d.findElements(By.cssSelector("#serials .serial")).isEmpty()) {
				d.navigate().refresh();
				return false;
			}
			return true;
		});
		assertThat(this.browser.find(By.cssSelector("#serials .serial")).getText()).contains("No. 0001 of 1");
		String code = this.browser.find(By.cssSelector("#serials .serial-code")).getText().strip();
		this.browser.step("serial");
		assertThat(number).startsWith("PD-");

		try (Browser late = Browser.open("http://localhost:" + this.port, SCREENSHOTS.resolve("DropJourney-late"),
				Viewport.DESKTOP)) {
			late.get("/eu/drops/" + drop + "?lang=en");
			assertThat(late.find(By.id("sold-out")).getText()).contains("Sold out");
			assertThat(late.driver().findElements(By.id("join-queue"))).isEmpty();
			late.step("sold-out");
			late.get("/verify?lang=en&code=" + code);
			assertThat(late.find(By.id("v-serial")).getText()).contains("No. 0001 of 1");
			assertThat(late.find(By.cssSelector("main")).getText()).doesNotContain("drop.fan@example.com");
		}
	}

	/** Waits longer than a page load: the drop clock and the payment's webhook run every few seconds. */
	private void patiently(String what, java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
		new org.openqa.selenium.support.ui.WebDriverWait(this.browser.driver(), Duration.ofSeconds(90)).withMessage(what)
			.pollingEvery(Duration.ofSeconds(2))
			.until(condition);
	}

	/** One unit of a seeded product sold in Europe, numbered, approved and started a minute ago. */
	private long aNumberedDropOfOneUnitThatHasStarted() {
		record Candidate(long product, long licensee, String sku) {
		}
		List<Candidate> candidates = new ArrayList<>(this.jdbc.sql("""
				SELECT p.id, p.licensee_id, v.sku FROM product p JOIN variant v ON v.product_id = p.id
				JOIN stock s ON s.variant_id = v.id AND s.region_code = 'eu'
				WHERE p.status = 'APPROVED' AND s.quantity >= 5 ORDER BY p.id""")
			.query((rs, n) -> new Candidate(rs.getLong(1), rs.getLong(2), rs.getString(3)))
			.list());
		for (Candidate c : candidates) {
			String start = LocalDateTime.now(ZoneId.of("Europe/Paris")).plusHours(1).withSecond(0).withNano(0).toString();
			try {
				long id = this.drops.propose(c.licensee(), new DropForm(Long.toString(c.product()), "eu", start, "1", "10",
						true, List.of(c.sku() + "@eu"), List.of("1")));
				this.drops.review(id, DropStatus.Action.APPROVE, null);
				this.jdbc.sql("UPDATE drop_release SET starts_at = :t WHERE id = :id")
					.param("t", Timestamp.from(Instant.now().minus(Duration.ofMinutes(1))))
					.param("id", id)
					.update();
				return id;
			}
			catch (RuntimeException notSoldThere) {
				// a seeded product not on sale in Europe: try the next
			}
		}
		throw new IllegalStateException("No seeded product is on sale in Europe");
	}

}

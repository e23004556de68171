package shop.podium.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import shop.podium.catalog.Sellability;
import shop.podium.e2e.checkout.CheckoutJourneySteps;
import shop.podium.e2e.privacy.PrivacyPages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fan's rights over their data: they sign up and buy, download everything the shop holds about them (their
 * order in it), erase their account — and can no longer sign in, while the order stays for the accounts without
 * their name. Anyone reads on the privacy page, from the footer, which cookies the shop sets.
 */
class PrivacyJourney extends BrowserJourney {

	private static final String PASSWORD = "Medal podium journey 2026!";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Sellability sellability;

	@Test
	void aFanDownloadsTheirDataThenErasesTheirAccountAndCanNoLongerSignIn() throws Exception {
		String email = "privacy-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		PrivacyPages privacy = new PrivacyPages(this.browser);
		CheckoutJourneySteps checkout = new CheckoutJourneySteps(this.browser, this.jdbc);
		privacy.signUp(email, "Alex Rivers", PASSWORD);
		checkout.pages().signIn(email, PASSWORD);
		checkout.pages().addToCart("eu", productInStock("eu"), 1);
		checkout.pages().openCart("eu");
		checkout.pages().checkOut(email, "Alex Rivers");
		checkout.pages().payWith("4242 4242 4242 4242");
		String number = checkout.pages().confirmationNumber();
		CheckoutJourney.await(() -> "PAID".equals(checkout.orderStatus(number)));

		privacy.openYourData();
		this.browser.step("your-data");
		Path downloads = Files.createTempDirectory("podium-e2e-download-");
		Map<String, String> files = privacy.download(downloads);
		assertThat(files).containsOnlyKeys("personal-data.json", "personal-data.html");
		assertThat(files.get("personal-data.json")).contains(email, number, "Alex Rivers", "1 Stadium Way");
		assertThat(files.get("personal-data.html")).contains(number, "1 Stadium Way");
		// the readable part opens in the same browser
		Files.writeString(downloads.resolve("personal-data.html"), files.get("personal-data.html"));
		this.browser.driver().get(downloads.resolve("personal-data.html").toUri().toString());
		assertThat(this.browser.find(By.tagName("h1")).getText()).isEqualTo("Your personal data at Podium");
		this.browser.screenshot("downloaded-page");

		privacy.openYourData();
		privacy.erase(PASSWORD);
		assertThat(privacy.notice()).contains("Your account is erased");
		this.browser.step("erased");

		assertThat(privacy.signInRefused(email, PASSWORD)).as("signing in after the erasure is refused").isTrue();
		this.browser.step("sign-in-refused");
		CheckoutJourney.await(() -> this.jdbc.sql("SELECT email FROM customer_order WHERE number = ?")
			.param(number)
			.query(String.class)
			.single()
			.endsWith("@erased.invalid"));

		privacy.openPrivacyPageFromTheFooter();
		assertThat(privacy.listedCookies()).contains("SESSION", "XSRF-TOKEN", "podium_region", "podium_lang");
		// every cookie this browser was given on its way is one the page lists
		assertThat(privacy.listedCookies()).containsAll(this.browser.driver()
			.manage()
			.getCookies()
			.stream()
			.map(org.openqa.selenium.Cookie::getName)
			.toList());
		this.browser.step("privacy-page");
		this.browser.accessibility().assertNoSeriousViolations();
	}

	/** A product sold in the region with plenty of stock in its first variant. */
	private String productInStock(String region) {
		return StockedProducts.inRegion(this.jdbc, this.sellability, region);
	}

}

package shop.podium.orders;

import java.time.Instant;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import shop.podium.licensing.LicenceGrants;
import shop.podium.regions.RegionTimes;
import shop.podium.regions.Regions;
import shop.podium.regions.ShippingRate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What a fan reads around the cart: the header's count after Add to cart, "1 item" and "2 items", express
 * shipping at the price the region's rate says, the region's name and tax in the reader's language, and times in
 * the region's clock.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FanFacingWordsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Regions regions;

	@Autowired
	LicenceGrants grants;

	@Autowired
	RegionTimes times;

	CheckoutFixtures fixtures;

	String sku;

	@BeforeEach
	void aProduct() {
		this.fixtures = new CheckoutFixtures(this.jdbc, this.regions, this.grants);
		this.fixtures.regions();
		this.sku = this.fixtures.product("Podium scarf", 2000, 2200, 2600, 5);
	}

	String addWithHtmx(String region, MockHttpSession session, String lang) throws Exception {
		return this.mvc
			.perform(post("/" + region + "/cart/lines").session(session).with(csrf()).header("HX-Request", "true")
				.param("sku", this.sku).param("quantity", "1").param("lang", lang))
			.andReturn().getResponse().getContentAsString();
	}

	@Test
	void addToCartCountsInTheHeaderAndSaysItemOrItems() throws Exception {
		MockHttpSession session = new MockHttpSession();
		String first = addWithHtmx("us", session, "en");
		assertThat(first).contains("View cart (1 item)").doesNotContain("1 items");
		// the header's link comes along, swapped in place of the one that still says 0
		assertThat(first).containsPattern("<a id=\"cart-link\"[^>]*hx-swap-oob=\"true\"[^>]*>Cart \\(1\\)</a>");
		String second = addWithHtmx("us", session, "en");
		assertThat(second).contains("View cart (2 items)").contains(">Cart (2)</a>");

		MockHttpSession french = new MockHttpSession();
		assertThat(addWithHtmx("eu", french, "fr")).contains("Voir le panier (1 article)");
		assertThat(addWithHtmx("eu", french, "fr")).contains("Voir le panier (2 articles)");
	}

	@Test
	void expressCostsItsPriceWhenItsFreeFromIsEmpty() throws Exception {
		this.jdbc.sql("""
				INSERT IGNORE INTO shipping_rate (region_code, code, amount_minor, free_over_minor, min_days, max_days)
				VALUES ('us', 'express', 1995, NULL, 1, 2)""").update();
		this.regions.reload();
		ShippingRate express = this.regions.find("us").orElseThrow().shippingRates().stream()
			.filter(r -> r.code().equals("express")).findFirst().orElseThrow();
		assertThat(express.freeOver()).as("an empty free-from: never free").isNull();

		MockHttpSession session = new MockHttpSession();
		this.mvc.perform(post("/us/cart/lines").session(session).with(csrf()).param("sku", this.sku).param("quantity", "5"));
		String checkout = this.mvc.perform(get("/us/checkout").session(session).param("lang", "en"))
			.andReturn().getResponse().getContentAsString();
		// $110 of goods: standard is free from $75, express is never free
		assertThat(checkout).contains("Express — $19.95").contains("Standard — $0.00");
	}

	@Test
	void theRegionAndItsTaxAreNamedInTheReadersLanguage() throws Exception {
		String slug = this.jdbc.sql("SELECT p.slug FROM product p JOIN variant v ON v.product_id = p.id WHERE v.sku = ?")
			.param(this.sku).query(String.class).single();
		String french = page("/jp/products/" + slug, "fr");
		assertThat(french).contains("taxe sur la consommation 10 % incluse").contains(">Japon<")
			.doesNotContain("Consumption tax").doesNotContain("Region jp");
		String japanese = page("/jp/products/" + slug, "ja");
		assertThat(japanese).contains("税込（消費税 10%）").contains(">日本<").contains("無断転載を禁じます")
			.doesNotContain("Consumption tax").doesNotContain("All rights reserved");
		assertThat(page("/us/products/" + slug, "ko")).contains(">미국<").contains("© Podium. 모든 권리 보유.");
	}

	@Test
	void timesAreInTheRegionsClock() {
		this.jdbc.sql("UPDATE region SET time_zone = 'Asia/Tokyo' WHERE code = 'jp'").update();
		this.jdbc.sql("UPDATE region SET time_zone = 'America/New_York' WHERE code = 'us'").update();
		this.regions.reload();
		Instant evening = Instant.parse("2026-12-07T18:30:00Z");
		assertThat(this.times.at(evening, "jp", Locale.JAPANESE)).contains("2026/12/08").contains("3:30").contains("JST");
		assertThat(this.times.at(evening, "us", Locale.ENGLISH)).contains("Dec 7, 2026").contains("1:30").contains("EST");
	}

	private String page(String path, String lang) throws Exception {
		return this.mvc.perform(get(path).param("lang", lang)).andReturn().getResponse().getContentAsString();
	}

	@Test
	void theCheckoutOffersTheRegionsCountriesAndKnowsTheirPostcodes() throws Exception {
		MockHttpSession session = new MockHttpSession();
		this.mvc.perform(post("/eu/cart/lines").session(session).with(csrf()).param("sku", this.sku).param("quantity", "1"));
		String form = this.mvc.perform(get("/eu/checkout").session(session).param("lang", "fr"))
			.andReturn().getResponse().getContentAsString();
		assertThat(form).containsPattern("<select[^>]*name=\"country\"")
			.contains("<option value=\"DE\">Allemagne</option>").contains("Par exemple 75008");
		String elsewhere = place("eu", session, "CH", "8001");
		assertThat(elsewhere).contains("Choisissez un pays desservi par cette région.");
		String badPostcode = place("eu", session, "FR", "7500");
		assertThat(badPostcode).contains("Saisissez le code postal tel qu’il s’écrit dans ce pays, par exemple 75008.");

		MockHttpSession american = new MockHttpSession();
		this.mvc.perform(post("/us/cart/lines").session(american).with(csrf()).param("sku", this.sku).param("quantity", "1"));
		assertThat(place("us", american, "US", "SW1A 1AA"))
			.contains("Enter the postcode as it is written in this country, for example 94105.");
	}

	private String place(String region, MockHttpSession session, String country, String postcode) throws Exception {
		return this.mvc.perform(post("/" + region + "/checkout").session(session).with(csrf())
				.param("email", "fan@example.com").param("name", "A Fan").param("line1", "1 Rue du Stade")
				.param("city", "Paris").param("postcode", postcode).param("country", country)
				.param("shipping", "standard"))
			.andReturn().getResponse().getContentAsString();
	}

}

package shop.podium.regions;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import shop.podium.accounts.AuditEntry;
import shop.podium.accounts.AuditLog;
import shop.podium.accounts.CurrentUser;
import shop.podium.accounts.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An administrator edits a region — name, tax, languages, theme, shipping rates — and the storefront shows it
 * on the next page; mistakes come back with a message on the field; every change is in the audit log with the
 * state before and after.
 */
@SpringBootTest(properties = "podium.media.dir=target/test-media")
@AutoConfigureMockMvc
class RegionAdminTests {

	/** A region of this test's own, so the demo regions other tests rely on stay as they are. */
	static final String CODE = "qr";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Regions regions;

	@Autowired
	AuditLog audit;

	static Authentication admin() {
		return new CurrentUser(1, "region-admin@example.com", "Admin", null, Set.of(Role.ADMIN)).toAuthentication();
	}

	@BeforeEach
	void aRegionOfItsOwn() {
		this.jdbc.sql("DELETE FROM shipping_rate WHERE region_code = ?").param(CODE).update();
		this.jdbc.sql("DELETE FROM region WHERE code = ?").param(CODE).update();
		this.jdbc.sql("""
				INSERT INTO region (code, name, currency, default_locale, supported_locales, tax_mode, tax_rate, tax_label,
				  theme, position) VALUES (?, 'Quarry', 'JPY', 'en', 'en', 'INCLUSIVE', 0.1000, 'Consumption tax', 'default', 98)""")
			.param(CODE)
			.update();
		this.jdbc.sql("""
				INSERT INTO shipping_rate (region_code, code, amount_minor, free_over_minor, min_days, max_days)
				VALUES (?, 'standard', 800, 10000, 2, 4)""")
			.param(CODE)
			.update();
		this.regions.reload();
	}

	MockHttpServletRequestBuilder save(String... overrides) {
		java.util.Map<String, String[]> fields = new java.util.LinkedHashMap<>();
		fields.put("name", new String[] { "Quarry Islands" });
		fields.put("taxMode", new String[] { "INCLUSIVE" });
		fields.put("taxPercent", new String[] { "8.5" });
		fields.put("taxLabel", new String[] { "GST" });
		fields.put("supportedLocales", new String[] { "en", "ja" });
		fields.put("defaultLocale", new String[] { "ja" });
		fields.put("theme", new String[] { "paris-2024" });
		fields.put("version", new String[] { version() });
		for (int i = 0; i < overrides.length; i += 2) {
			fields.put(overrides[i], new String[] { overrides[i + 1] });
		}
		MockHttpServletRequestBuilder request = post("/admin/regions/{code}", CODE).with(csrf())
			.with(authentication(admin()));
		fields.forEach(request::param);
		return request;
	}

	String version() {
		return this.jdbc.sql("SELECT version FROM region WHERE code = ?").param(CODE).query(String.class).single();
	}

	String page(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getContentAsString();
	}

	@Test
	void theRegionScreensListTheRegionsAndTheThemeFolders() throws Exception {
		assertThat(page(get("/admin/regions").with(authentication(admin())))).contains("Quarry").contains("JPY")
			.contains("/admin/regions/" + CODE);
		assertThat(page(get("/admin/regions/{code}", CODE).with(authentication(admin()))))
			.contains("value=\"paris-2024\"").contains("value=\"milano-cortina-2026\"").contains("value=\"default\"")
			.contains("standard");
	}

	@Test
	void aSavedChangeShowsInTheStorefrontAtOnceAndIsAuditedWithBeforeAndAfter() throws Exception {
		assertThat(page(get("/{code}", CODE))).contains("/themes/default/theme.css");
		this.mvc.perform(save()).andExpect(redirectedUrl("/admin/regions/" + CODE));

		Region region = this.regions.find(CODE).orElseThrow();
		assertThat(region.name()).isEqualTo("Quarry Islands");
		assertThat(region.taxRule().rate()).isEqualByComparingTo(new BigDecimal("0.085"));
		assertThat(region.taxRule().label()).isEqualTo("GST");
		assertThat(region.defaultLocale()).isEqualTo(Locale.JAPANESE);
		assertThat(region.supportedLocales()).containsExactly(Locale.ENGLISH, Locale.JAPANESE);
		String storefront = page(get("/{code}", CODE));
		assertThat(storefront).contains("/themes/paris-2024/theme.css").contains("lang=\"ja\"");

		AuditEntry entry = this.audit.historyOf("Region", CODE).getLast();
		assertThat(entry.action()).isEqualTo("REGION_UPDATED");
		assertThat(entry.actor()).isEqualTo("region-admin@example.com");
		assertThat(entry.detail()).contains("\"before\"").contains("\"theme\":\"default\"")
			.contains("\"theme\":\"paris-2024\"").contains("\"taxRate\":0.1").contains("\"taxRate\":0.085");
	}

	@Test
	void theTaxGetsItsNameInTheDefaultLanguageForItsReaders() throws Exception {
		this.mvc.perform(save("taxLabel", "Consumption tax", "localTaxLabel", " 消費税 "))
			.andExpect(redirectedUrl("/admin/regions/" + CODE));
		Region region = this.regions.find(CODE).orElseThrow();
		assertThat(region.taxLabel(Locale.JAPANESE)).isEqualTo("消費税");
		assertThat(region.taxLabel(Locale.ENGLISH)).isEqualTo("Consumption tax");
		assertThat(page(get("/admin/regions/{code}", CODE).with(authentication(admin())))).contains("value=\"消費税\"");

		assertThat(page(save("localTaxLabel", "x".repeat(41), "version", version())))
			.contains("id=\"localTaxLabel-error\"");
		assertThat(this.regions.find(CODE).orElseThrow().taxLabel(Locale.JAPANESE)).isEqualTo("消費税");

		this.mvc.perform(save("taxLabel", "Consumption tax", "localTaxLabel", "", "version", version()))
			.andExpect(redirectedUrl("/admin/regions/" + CODE));
		assertThat(this.regions.find(CODE).orElseThrow().taxLabel(Locale.JAPANESE)).as("empty: the one name for all")
			.isEqualTo("Consumption tax");
	}

	@Test
	void mistakesComeBackOnTheirFieldsAndChangeNothing() throws Exception {
		int audited = this.audit.historyOf("Region", CODE).size();
		String body = page(save("taxPercent", "150", "defaultLocale", "ko", "theme", "../etc", "name", " "));
		assertThat(body).contains("A rate from 0 to 99.99 with at most 2 decimals.")
			.contains("The default language must be one of the languages offered.")
			.contains("There is no such theme in the themes folder.")
			.contains("Enter the name.")
			.contains("aria-invalid=\"true\"");
		assertThat(page(save("taxPercent", "a lot"))).contains("A rate from 0 to 99.99 with at most 2 decimals.");
		assertThat(page(save("supportedLocales", "xx"))).contains("The shop does not speak one of these languages.");
		assertThat(this.regions.find(CODE).orElseThrow().name()).isEqualTo("Quarry");
		assertThat(this.audit.historyOf("Region", CODE)).hasSize(audited);
	}

	@Test
	void anEditStartedBeforeAnotherOneSavedIsRefused() throws Exception {
		String stale = version();
		this.mvc.perform(save()).andExpect(status().is3xxRedirection());
		assertThat(page(save("version", stale, "name", "Late edit")))
			.contains("Someone changed this region meanwhile.");
		assertThat(this.regions.find(CODE).orElseThrow().name()).isEqualTo("Quarry Islands");
	}

	@Test
	void shippingRatesAreAddedEditedAndRemovedButTheLastOneStays() throws Exception {
		this.mvc.perform(post("/admin/regions/{code}/shipping-rates/new", CODE).with(csrf()).with(authentication(admin()))
				.param("code", "express").param("amount", "1500").param("freeOver", "").param("minDays", "1")
				.param("maxDays", "2"))
			.andExpect(redirectedUrl("/admin/regions/" + CODE));
		assertThat(this.regions.find(CODE).orElseThrow().shippingRates()).extracting(ShippingRate::code)
			.containsExactlyInAnyOrder("standard", "express");

		// yen have no decimals; the most days before the fewest; a code the region has already
		String refused = page(post("/admin/regions/{code}/shipping-rates/new", CODE).with(csrf())
			.with(authentication(admin()))
			.param("code", "standard").param("amount", "9.99").param("minDays", "5").param("maxDays", "2"));
		assertThat(refused).contains("Too many decimals for JPY.").contains("The most days cannot be fewer than the fewest.")
			.contains("This region has a rate with this code already.");

		this.mvc.perform(post("/admin/regions/{code}/shipping-rates/express", CODE).with(csrf())
				.with(authentication(admin()))
				.param("code", "express").param("amount", "1200").param("freeOver", "20000").param("minDays", "1")
				.param("maxDays", "3"))
			.andExpect(redirectedUrl("/admin/regions/" + CODE));
		ShippingRate express = this.regions.find(CODE).orElseThrow().shippingRates().stream()
			.filter(r -> r.code().equals("express")).findFirst().orElseThrow();
		assertThat(express.price().minorUnits()).isEqualTo(1200);
		assertThat(express.freeOver().minorUnits()).isEqualTo(20000);
		assertThat(express.maxDays()).isEqualTo(3);

		this.mvc.perform(post("/admin/regions/{code}/shipping-rates/express/remove", CODE).with(csrf())
				.with(authentication(admin())))
			.andExpect(redirectedUrl("/admin/regions/" + CODE));
		var last = this.mvc.perform(post("/admin/regions/{code}/shipping-rates/standard/remove", CODE).with(csrf())
				.with(authentication(admin())))
			.andExpect(redirectedUrl("/admin/regions/" + CODE)).andReturn();
		assertThat(last.getFlashMap().get("alert")).isEqualTo("admin.rate.last");
		assertThat(this.regions.find(CODE).orElseThrow().shippingRates()).extracting(ShippingRate::code)
			.containsExactly("standard");
		assertThat(this.audit.historyOf("Region", CODE)).extracting(AuditEntry::action)
			.contains("SHIPPING_RATE_ADDED", "SHIPPING_RATE_UPDATED", "SHIPPING_RATE_REMOVED");
	}

	@Test
	void unknownRegionsAndRatesAreNotFound() throws Exception {
		this.mvc.perform(get("/admin/regions/zz").with(authentication(admin()))).andExpect(status().isNotFound());
		this.mvc.perform(get("/admin/regions/{code}/shipping-rates/nope", CODE).with(authentication(admin())))
			.andExpect(status().isNotFound());
	}

}

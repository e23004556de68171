package shop.podium.catalog;


import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import shop.podium.accounts.AuditEntry;
import shop.podium.accounts.AuditLog;
import shop.podium.licensing.LicenceGrants;
import shop.podium.regions.Regions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The licence screens as an administrator uses them, rendered: licensees and licences created and edited,
 * mistakes shown on their fields, and a suspension that takes the licensee's products out of the storefront
 * on the very next page, until the licence is reinstated.
 */
@SpringBootTest(properties = "podium.media.dir=target/test-media")
@AutoConfigureMockMvc
class LicenceAdminScreensTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Regions regions;

	@Autowired
	LicenceGrants grants;

	@Autowired
	AuditLog audit;

	PortalFixtures world;

	static final Authentication ADMIN = PortalFixtures.admin();

	@BeforeEach
	void world() {
		this.world = new PortalFixtures(this.jdbc, this.regions, this.grants);
	}

	String page(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.with(authentication(ADMIN))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
	}

	MockHttpServletRequestBuilder licenceForm(String path, String reference, String from, String to, String... territories) {
		return licenceFormWithGuarantee(path, "25000.00", reference, from, to, territories);
	}

	MockHttpServletRequestBuilder licenceFormWithGuarantee(String path, String guarantee, String reference, String from, String to,
			String... territories) {
		return licenceFormWithPeriod(path, guarantee, "QUARTER", reference, from, to, territories);
	}

	MockHttpServletRequestBuilder licenceFormWithPeriod(String path, String guarantee, String period, String reference,
			String from, String to, String... territories) {
		return post(path).with(csrf())
			.param("reference", reference)
			.param("validFrom", from)
			.param("validTo", to)
			.param("royaltyRatePercent", "12.5")
			.param("minimumGuarantee", guarantee)
			.param("minimumGuaranteeCurrency", "GBP")
			.param("minimumGuaranteePeriod", period)
			.param("territories", territories)
			.param("categories", this.world.category)
			.param("editions", this.world.edition);
	}

	@Test
	void aLicenseeIsCreatedAndEditedThroughTheScreensAndMistakesShowOnTheirFields() throws Exception {
		assertThat(page(get("/admin/licensees"))).contains("New licensee");
		assertThat(page(get("/admin/licensees/new"))).contains("name=\"code\"").contains("name=\"kind\"");

		String refused = page(post("/admin/licensees/new").with(csrf()).param("code", "Not Valid!").param("name", "")
			.param("kind", "MANUFACTURER").param("status", "ACTIVE"));
		assertThat(refused).contains("Use 2 to 60 lower-case letters, digits and dashes.").contains("Enter the name.");

		String code = CatalogFixtures.unique("summit");
		MvcResult created = this.mvc.perform(post("/admin/licensees/new").with(csrf()).with(authentication(ADMIN))
				.param("code", code).param("name", "Summit Outfitters").param("kind", "RETAILER").param("status", "ACTIVE"))
			.andExpect(status().is3xxRedirection()).andReturn();
		String show = created.getResponse().getRedirectedUrl();
		long id = Long.parseLong(show.replaceAll(".*/", ""));
		assertThat(page(get(show))).contains("Summit Outfitters").contains("Retailer").contains("No licence yet.");
		assertThat(page(post("/admin/licensees/new").with(csrf()).param("code", code).param("name", "Copy")
			.param("kind", "RETAILER").param("status", "ACTIVE"))).contains("This code is already used.");

		assertThat(page(get("/admin/licensees/{id}/edit", id))).contains("value=\"" + code + "\"");
		this.mvc.perform(post("/admin/licensees/{id}/edit", id).with(csrf()).with(authentication(ADMIN)).param("code", code)
				.param("name", "Summit Outfitters Ltd").param("kind", "MANUFACTURER").param("status", "ACTIVE"))
			.andExpect(status().is3xxRedirection());
		assertThat(page(get(show))).contains("Summit Outfitters Ltd").contains("Manufacturer");
		assertThat(this.audit.historyOf("Licensee", id)).extracting(AuditEntry::action)
			.containsExactly("LICENSEE_CREATED", "LICENSEE_UPDATED");
	}

	@Test
	void aLicenceIsCreatedAndEditedAndItsMistakesComeBackWithMessages() throws Exception {
		long licensee = this.world.rows.licensee("Licence Maker " + CatalogFixtures.unique("m"), "ACTIVE");
		String newPath = "/admin/licensees/" + licensee + "/licences/new";
		assertThat(page(get(newPath))).contains("name=\"reference\"").contains("territories-gb")
			.contains("categories-" + this.world.category);

		String refused = page(licenceForm(newPath, "", "2026-05-01", "2026-04-01"));
		assertThat(refused).contains("Enter a reference.").contains("The last day is before the first.")
			.contains("Choose at least one territory.").contains("aria-invalid=\"true\"");
		String unknownTerritory = page(licenceForm(newPath, CatalogFixtures.unique("REF"), "2026-01-01", "2026-12-31", "zz"));
		assertThat(unknownTerritory).contains("One of the territories does not exist.");
		assertThat(page(licenceFormWithGuarantee(newPath, "1.234", CatalogFixtures.unique("REF"), "2026-01-01", "2026-12-31", "gb")))
			.contains("Enter an amount such as 25000.00.");
		// what cannot be read as a number at all is refused with the shop's own page, and nothing is saved
		String unreadable = CatalogFixtures.unique("REF");
		this.mvc.perform(licenceFormWithGuarantee(newPath, "lots", unreadable, "2026-01-01", "2026-12-31", "gb")
				.with(authentication(ADMIN)))
			.andExpect(status().isBadRequest());
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM licence WHERE reference = ?").param(unreadable).query(Long.class).single())
			.isZero();

		String reference = CatalogFixtures.unique("REF");
		this.mvc.perform(licenceForm(newPath, reference, "2026-01-01", "2027-12-31", "gb", "au").with(authentication(ADMIN)))
			.andExpect(status().is3xxRedirection());
		long licence = this.jdbc.sql("SELECT id FROM licence WHERE reference = ?").param(reference).query(Long.class).single();
		String show = page(get("/admin/licensees/{id}", licensee));
		assertThat(show).contains(reference).contains("au, gb").contains("12.5 %");

		String editPath = "/admin/licensees/" + licensee + "/licences/" + licence + "/edit";
		assertThat(page(get(editPath))).contains("value=\"" + reference + "\"").contains("id=\"territories-au\" checked");
		this.mvc.perform(licenceForm(editPath, reference, "2026-01-01", "2027-12-31", "gb").with(authentication(ADMIN)))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("SELECT region_code FROM licence_territory WHERE licence_id = ?").param(licence)
			.query(String.class).list()).containsExactly("gb");
		AuditEntry updated = this.audit.historyOf("Licence", licence).getLast();
		assertThat(updated.action()).isEqualTo("LICENCE_UPDATED");
		assertThat(updated.detail()).contains("\"before\"").contains("\"au\"");
	}

	@Test
	void theGuaranteePeriodIsChosenOnTheFormCheckedAndAudited() throws Exception {
		long licensee = this.world.rows.licensee("Guarantee Maker " + CatalogFixtures.unique("g"), "ACTIVE");
		String newPath = "/admin/licensees/" + licensee + "/licences/new";
		assertThat(page(get(newPath))).contains("name=\"minimumGuaranteePeriod\"").contains("Each calendar quarter");
		String reference = CatalogFixtures.unique("REF");
		assertThat(page(licenceFormWithPeriod(newPath, "25000.00", "WEEK", reference, "2026-01-01", "2026-12-31", "gb")))
			.contains("Choose month, quarter or year.");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM licence WHERE reference = ?").param(reference).query(Integer.class)
			.single()).as("nothing saved").isZero();

		this.mvc.perform(licenceForm(newPath, reference, "2026-01-01", "2026-12-31", "gb").with(authentication(ADMIN)))
			.andExpect(status().is3xxRedirection());
		long licence = this.jdbc.sql("SELECT id FROM licence WHERE reference = ?").param(reference).query(Long.class).single();
		String editPath = "/admin/licensees/" + licensee + "/licences/" + licence + "/edit";
		assertThat(page(get(editPath))).contains("<option value=\"QUARTER\" selected=\"selected\">");
		this.mvc.perform(licenceFormWithPeriod(editPath, "25000.00", "YEAR", reference, "2026-01-01", "2026-12-31", "gb")
				.with(authentication(ADMIN)))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("SELECT minimum_guarantee_period FROM licence WHERE id = ?").param(licence)
			.query(String.class).single()).isEqualTo("YEAR");
		AuditEntry updated = this.audit.historyOf("Licence", licence).getLast();
		assertThat(updated.detail()).contains("\"minimumGuaranteePeriod\":\"QUARTER\"")
			.contains("\"minimumGuaranteePeriod\":\"YEAR\"");
	}

	@Test
	void aSuspendedLicenceTakesItsProductsOutOfTheStorefrontAtOnceUntilReinstated() throws Exception {
		long licensee = this.world.licensee("Suspended Maker " + CatalogFixtures.unique("s"));
		long licence = this.jdbc.sql("SELECT id FROM licence WHERE licensee_id = ?").param(licensee).query(Long.class).single();
		String slug = CatalogFixtures.unique("parka");
		String name = "Parka " + slug;
		long product = this.world.rows.product(slug, licensee, this.world.categoryId, this.world.editionId, "APPROVED", 5,
				java.time.LocalDateTime.now(), name);
		long variant = this.world.rows.variant(product, null, 1);
		this.world.rows.offer(product, "gb", 9900, "GBP", true);
		this.world.rows.stock(variant, "gb", 3);
		String category = "/gb/categories/" + this.world.category;
		assertThat(this.mvc.perform(get(category)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString()).contains(name);
		this.mvc.perform(get("/gb/products/{slug}", slug)).andExpect(status().isOk());

		this.mvc.perform(post("/admin/licensees/{id}/licences/{l}/suspend", licensee, licence).with(csrf())
				.with(authentication(ADMIN)))
			.andExpect(status().is3xxRedirection());
		assertThat(page(get("/admin/licensees/{id}", licensee))).contains("Suspended").contains("Reinstate");
		assertThat(this.mvc.perform(get(category)).andReturn().getResponse().getContentAsString()).doesNotContain(name);
		this.mvc.perform(get("/gb/products/{slug}", slug)).andExpect(status().isNotFound());

		this.mvc.perform(post("/admin/licensees/{id}/licences/{l}/reinstate", licensee, licence).with(csrf())
				.with(authentication(ADMIN)))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/gb/products/{slug}", slug)).andExpect(status().isOk());
		assertThat(this.audit.historyOf("Licence", licence)).extracting(AuditEntry::action)
			.containsExactly("LICENCE_SUSPENDED", "LICENCE_REINSTATED");
	}

	@Test
	void anotherLicenseesLicenceIsNotFoundUnderThisLicensee() throws Exception {
		long one = this.world.licensee("One " + CatalogFixtures.unique("o"));
		long two = this.world.licensee("Two " + CatalogFixtures.unique("t"));
		long licenceOfTwo = this.jdbc.sql("SELECT id FROM licence WHERE licensee_id = ?").param(two).query(Long.class).single();
		this.mvc.perform(post("/admin/licensees/{id}/licences/{l}/suspend", one, licenceOfTwo).with(csrf())
				.with(authentication(ADMIN)))
			.andExpect(status().isNotFound());
		assertThat(this.jdbc.sql("SELECT suspended FROM licence WHERE id = ?").param(licenceOfTwo).query(Boolean.class)
			.single()).isFalse();
	}

	@Test
	void fansAndAnonymousVisitorsAreKeptOutOfTheBackOffices() throws Exception {
		for (String path : new String[] { "/licensee", "/licensee/listings", "/licensee/team", "/admin", "/admin/licensees",
				"/admin/approvals", "/admin/regions", "/admin/audit", "/finance" }) {
			this.mvc.perform(get(path).with(authentication(PortalFixtures.fan()))).andExpect(status().isForbidden());
			this.mvc.perform(get(path)).andExpect(status().is3xxRedirection());
		}
		this.mvc.perform(post("/admin/licensees/new").with(csrf()).with(authentication(PortalFixtures.fan()))
				.param("code", "fan-made").param("name", "Fan made").param("kind", "RETAILER").param("status", "ACTIVE"))
			.andExpect(status().isForbidden());
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM licensee WHERE code = 'fan-made'").query(Long.class).single()).isZero();
	}

}

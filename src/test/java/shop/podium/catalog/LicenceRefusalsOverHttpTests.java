package shop.podium.catalog;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

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
 * The licence rules as a licensee meets them on the listing form, over HTTP: each refusal says which rule and,
 * for validity and suspension, what to do about it, and nothing is written. And a licensee suspended and
 * reinstated as a whole by the rights holder, with what that does to the shop.
 */
@SpringBootTest(properties = "podium.media.dir=target/test-media")
@AutoConfigureMockMvc
class LicenceRefusalsOverHttpTests {

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

	long maker;

	long licence;

	String reference;

	@BeforeEach
	void aLicensedMaker() {
		this.world = new PortalFixtures(this.jdbc, this.regions, this.grants);
		this.maker = this.world.licensee("Refusals " + CatalogFixtures.unique("m"));
		this.licence = this.jdbc.sql("SELECT id FROM licence WHERE licensee_id = ?").param(this.maker).query(Long.class).single();
		this.reference = this.jdbc.sql("SELECT reference FROM licence WHERE id = ?").param(this.licence).query(String.class).single();
	}

	@Test
	void anEditionOutsideTheLicenceIsRefusedNamingIt() throws Exception {
		String other = CatalogFixtures.unique("ed");
		this.world.rows.edition(other, "Other Games");
		assertThat(newListing(this.world.category, other)).contains("Edition " + other + " is not in your licence.");
		assertThat(listings()).isZero();
	}

	@Test
	void anExpiredLicenceIsRefusedSayingWhenItEnded() throws Exception {
		LocalDate yesterday = this.world.rows.today().minusDays(1);
		this.world.rows.execute("UPDATE licence SET valid_from = ?, valid_to = ? WHERE id = ?", yesterday.minusYears(1),
				yesterday, this.licence);
		assertThat(newListing(this.world.category, this.world.edition))
			.contains("Your licence " + this.reference + " expired: it ended on " + longDate(yesterday, Locale.ENGLISH)
					+ ".");
		assertThat(newListing(this.world.category, this.world.edition, Locale.FRENCH))
			.contains("Votre licence " + this.reference + " a expiré : elle a pris fin le "
					+ longDate(yesterday, Locale.FRENCH) + ".");
		assertThat(listings()).isZero();
	}

	@Test
	void aLicenceNotValidYetIsRefusedSayingWhenItStarts() throws Exception {
		LocalDate tomorrow = this.world.rows.today().plusDays(1);
		this.world.rows.execute("UPDATE licence SET valid_from = ?, valid_to = ? WHERE id = ?", tomorrow,
				tomorrow.plusYears(1), this.licence);
		assertThat(newListing(this.world.category, this.world.edition))
			.contains("Your licence " + this.reference + " is not valid yet: it starts on "
					+ longDate(tomorrow, Locale.ENGLISH) + ".");
		assertThat(newListing(this.world.category, this.world.edition, Locale.JAPANESE))
			.contains("開始日は " + tomorrow.getYear() + "年" + tomorrow.getMonthValue() + "月" + tomorrow.getDayOfMonth()
					+ "日 です。");
		assertThat(listings()).isZero();
	}

	@Test
	void aSuspendedLicenceIsRefusedOnTheFormAndOnAnOffer() throws Exception {
		long product = Long.parseLong(created().replaceAll(".*/", ""));
		long variant = this.world.rows.variant(product, "M", 1);
		asAdmin("/admin/licensees/{id}/licences/{licence}/suspend", this.maker, this.licence);

		assertThat(newListing(this.world.category, this.world.edition))
			.contains("Your licence " + this.reference + " is suspended by the rights holder.");
		MvcResult offer = this.mvc.perform(post("/licensee/listings/{id}/offers/{region}", product, "gb").with(csrf())
				.with(authentication(PortalFixtures.staffOf(this.maker)))
				.param("price", "20.00").param("active", "true")
				.param("variant", Long.toString(variant)).param("quantity", "3"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat(offer.getFlashMap().get("problem"))
			.isEqualTo("Your licence " + this.reference + " is suspended by the rights holder.");
		assertThat(listings()).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM offer WHERE product_id = ?").param(product).query(Long.class).single())
			.isZero();
	}

	@Test
	void aLicenseeIsSuspendedAndReinstatedAsAWholeWithItsShopAndAudit() throws Exception {
		String slug = CatalogFixtures.unique("on-sale");
		long product = this.world.rows.product(slug, this.maker, this.world.categoryId, this.world.editionId, "APPROVED", 1,
				java.time.LocalDateTime.now(), "Suspension Cap");
		long variant = this.world.rows.variant(product, "M", 1);
		this.world.rows.offer(product, "gb", 2500, "GBP", true);
		this.world.rows.stock(variant, "gb", 4);
		this.grants.evictAll();
		this.mvc.perform(get("/gb/products/{slug}", slug)).andExpect(status().isOk());

		asAdmin("/admin/licensees/{id}/suspend", this.maker);

		String page = adminPage("/admin/licensees/" + this.maker);
		assertThat(page).contains("Suspended").contains("This licensee is suspended").contains("Reinstate the licensee")
			.doesNotContain("Suspend the licensee");
		assertThat(this.jdbc.sql("SELECT status FROM licensee WHERE id = ?").param(this.maker).query(String.class).single())
			.isEqualTo("SUSPENDED");
		assertThat(this.audit.historyOf("Licensee", this.maker)).last().satisfies(entry -> {
			assertThat(entry.action()).isEqualTo("LICENSEE_SUSPENDED");
			assertThat(entry.actor()).isEqualTo("admin-test@example.com");
			assertThat(entry.detail()).isEqualTo("{\"before\":{\"status\":\"ACTIVE\"},\"after\":{\"status\":\"SUSPENDED\"}}");
		});
		this.mvc.perform(get("/gb/products/{slug}", slug)).andExpect(status().isNotFound());
		assertThat(newListing(this.world.category, this.world.edition)).contains(
				"Your licensee account is suspended by the rights holder: no licence of yours is in force until it is reinstated.");

		// suspending again is refused with a message, and audits nothing more
		MvcResult again = asAdmin("/admin/licensees/{id}/suspend", this.maker);
		assertThat(again.getFlashMap().get("alert")).isEqualTo("admin.licensee.notActive");
		assertThat(this.audit.historyOf("Licensee", this.maker)).extracting(AuditEntry::action)
			.containsExactly("LICENSEE_SUSPENDED");

		asAdmin("/admin/licensees/{id}/reinstate", this.maker);
		assertThat(adminPage("/admin/licensees/" + this.maker)).contains("Suspend the licensee")
			.doesNotContain("Reinstate the licensee");
		assertThat(this.audit.historyOf("Licensee", this.maker)).extracting(AuditEntry::action)
			.containsExactly("LICENSEE_SUSPENDED", "LICENSEE_REINSTATED");
		this.mvc.perform(get("/gb/products/{slug}", slug)).andExpect(status().isOk());
		assertThat(created()).startsWith("/licensee/listings/");
	}

	@Test
	void aTerminatedLicenseeIsNotReinstatedByTheButton() throws Exception {
		this.world.rows.execute("UPDATE licensee SET status = 'TERMINATED' WHERE id = ?", this.maker);
		MvcResult refused = asAdmin("/admin/licensees/{id}/reinstate", this.maker);
		assertThat(refused.getFlashMap().get("alert")).isEqualTo("admin.licensee.notSuspended");
		assertThat(this.jdbc.sql("SELECT status FROM licensee WHERE id = ?").param(this.maker).query(String.class).single())
			.isEqualTo("TERMINATED");
		assertThat(adminPage("/admin/licensees/" + this.maker)).contains("Terminated")
			.doesNotContain("Reinstate the licensee")
			.doesNotContain("Suspend the licensee");
	}

	/** The day as a reader of that language writes it (December 4, 2026; 4 décembre 2026). */
	static String longDate(LocalDate day, Locale locale) {
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(day);
	}

	String newListing(String category, String edition) throws Exception {
		return newListing(category, edition, Locale.ENGLISH);
	}

	String newListing(String category, String edition, Locale locale) throws Exception {
		return this.mvc.perform(post("/licensee/listings/new").with(csrf())
				.with(authentication(PortalFixtures.staffOf(this.maker)))
				.locale(locale)
				.param("skuStem", CatalogFixtures.unique("RF").toUpperCase())
				.param("category", category)
				.param("edition", edition)
				.param("nameEn", "Refused Cap")
				.param("descriptionEn", "A cap"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** @return where a listing that was created redirects to */
	String created() throws Exception {
		return this.mvc.perform(post("/licensee/listings/new").with(csrf())
				.with(authentication(PortalFixtures.staffOf(this.maker)))
				.param("skuStem", CatalogFixtures.unique("RF").toUpperCase())
				.param("category", this.world.category)
				.param("edition", this.world.edition)
				.param("nameEn", "Allowed Cap")
				.param("descriptionEn", "A cap"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
	}

	MvcResult asAdmin(String path, Object... variables) throws Exception {
		return this.mvc.perform(post(path, variables).with(csrf()).with(authentication(PortalFixtures.admin())))
			.andExpect(status().is3xxRedirection())
			.andReturn();
	}

	String adminPage(String path) throws Exception {
		return this.mvc.perform(get(path).with(authentication(PortalFixtures.admin())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	long listings() {
		return this.jdbc.sql("SELECT COUNT(*) FROM product WHERE licensee_id = ?").param(this.maker).query(Long.class).single();
	}

}

package shop.podium.catalog;

import java.util.List;

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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The listing workflow as a licensee and an administrator go through it, against the real database: licence
 * rules named on refusal, approval, rejection with a reason, a pending revision while the approved version
 * stays on sale, and posted fields that must change nothing.
 */
@SpringBootTest(properties = "podium.media.dir=target/test-media")
@AutoConfigureMockMvc
class ListingWorkflowTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Regions regions;

	@Autowired
	LicenceGrants grants;

	@Autowired
	shop.podium.accounts.Accounts accounts;

	@Autowired
	AuditLog audit;

	final JsonMapper json = JsonMapper.builder().build();

	PortalFixtures world;

	long maker;

	@BeforeEach
	void aLicensedMaker() {
		this.world = new PortalFixtures(this.jdbc, this.regions, this.grants);
		this.maker = this.world.licensee("Maker " + CatalogFixtures.unique("m"));
	}

	long createListing(String name) throws Exception {
		String stem = CatalogFixtures.unique("ST").toUpperCase();
		MvcResult result = this.mvc.perform(post("/licensee/listings/new").with(csrf())
				.with(authentication(PortalFixtures.staffOf(this.maker)))
				.param("skuStem", stem)
				.param("category", this.world.category)
				.param("edition", this.world.edition)
				.param("nameEn", name)
				.param("descriptionEn", "About " + name)
				// mass assignment: none of these are form fields, none may stick
				.param("status", "APPROVED")
				.param("licenseeId", "1")
				.param("licensee_id", "1"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		return Long.parseLong(result.getResponse().getRedirectedUrl().replaceAll(".*/", ""));
	}

	String statusOf(long product) {
		return this.jdbc.sql("SELECT status FROM product WHERE id = ?").param(product).query(String.class).single();
	}

	@Test
	void aNewListingIsADraftOfTheSignedInLicenseeWhateverIsPosted() throws Exception {
		long product = createListing("Cap");
		assertThat(statusOf(product)).isEqualTo("DRAFT");
		assertThat(this.jdbc.sql("SELECT licensee_id FROM product WHERE id = ?").param(product).query(Long.class).single())
			.isEqualTo(this.maker);
	}

	@Test
	void aCategoryOutsideTheLicenceIsRefusedNamingTheRule() throws Exception {
		String body = this.mvc.perform(post("/licensee/listings/new").with(csrf())
				.with(authentication(PortalFixtures.staffOf(this.maker)))
				.param("skuStem", CatalogFixtures.unique("ST").toUpperCase())
				.param("category", this.world.otherCategory)
				.param("edition", this.world.edition)
				.param("nameEn", "Mug")
				.param("descriptionEn", "A mug"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(body).contains("Category " + this.world.otherCategory + " is not in your licence");
	}

	@Test
	void anOfferOutsideTheTerritoryOrInTheWrongCurrencyIsRefusedAndNothingIsWritten() throws Exception {
		long product = createListing("Cap");
		this.mvc.perform(post("/licensee/listings/{id}/variants", product).with(csrf())
				.with(authentication(PortalFixtures.staffOf(this.maker))).param("sku", CatalogFixtures.unique("V").toUpperCase()))
			.andExpect(status().is3xxRedirection());
		long variant = this.jdbc.sql("SELECT id FROM variant WHERE product_id = ?").param(product).query(Long.class).single();
		MvcResult us = offer(product, "us", "20.00", variant, "5");
		assertThat(us.getFlashMap().get("problem")).isEqualTo("Region us is not in your licence (territory).");
		MvcResult euros = offer(product, "gb", "20.00 EUR", variant, "5");
		assertThat(euros.getFlashMap().get("problem"))
			.isEqualTo("“20.00 EUR” is not in British Pound. Type the amount in British Pound (GBP), or without a currency.");
		MvcResult negative = offer(product, "gb", "20.00", variant, "-3");
		assertThat(negative.getFlashMap().get("problem")).isEqualTo("Stock cannot be negative (-3).");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM offer WHERE product_id = ?").param(product).query(Long.class).single())
			.isZero();
		MvcResult fine = offer(product, "gb", "20.00", variant, "7");
		assertThat(fine.getFlashMap().get("problem")).isNull();
		assertThat(this.jdbc.sql("SELECT price_minor FROM offer WHERE product_id = ? AND region_code = 'gb'").param(product)
			.query(Long.class).single()).isEqualTo(2000);
	}

	@Test
	void savingAnOfferAuditsItsPriceBeforeAndAfterAndTheAdministratorReadsIt() throws Exception {
		long product = createListing("Cap");
		this.mvc.perform(post("/licensee/listings/{id}/variants", product).with(csrf())
				.with(authentication(PortalFixtures.staffOf(this.maker))).param("sku", CatalogFixtures.unique("V").toUpperCase()))
			.andExpect(status().is3xxRedirection());
		long variant = this.jdbc.sql("SELECT id FROM variant WHERE product_id = ?").param(product).query(Long.class).single();
		offer(product, "gb", "20.00", variant, "7");
		offer(product, "gb", "18.50", variant, "7");
		offer(product, "gb", "18.50 EUR", variant, "7");

		String offerId = product + "/gb";
		List<AuditEntry> history = this.audit.historyOf("Offer", offerId);
		assertThat(history).extracting(AuditEntry::action).containsExactly("OFFER_SAVED", "OFFER_SAVED");
		assertThat(history).extracting(AuditEntry::actor).containsOnly("staff-" + this.maker + "@example.com");
		JsonNode first = this.json.readTree(history.get(0).detail());
		assertThat(first.get("before").isNull()).isTrue();
		assertThat(first.get("after").get("price").asString()).isEqualTo("20.00 GBP");
		JsonNode second = this.json.readTree(history.get(1).detail());
		assertThat(second.get("before").get("price").asString()).isEqualTo("20.00 GBP");
		assertThat(second.get("after").get("price").asString()).isEqualTo("18.50 GBP");
		assertThat(second.get("after").get("stock").get(0).asString()).isEqualTo(variant + "=7");
		assertThat(this.jdbc.sql("SELECT price_minor FROM offer WHERE product_id = ? AND region_code = 'gb'").param(product)
			.query(Long.class).single()).isEqualTo(1850);

		String page = this.mvc.perform(get("/admin/audit").param("objectType", "Offer").param("objectId", offerId)
				.with(authentication(PortalFixtures.admin())))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("2 entries").containsPattern(
				"(?s)<th scope=\"row\">price</th>\\s*<td><del>20.00 GBP</del></td>\\s*<td><ins>18.50 GBP</ins></td>");
	}

	MvcResult offer(long product, String region, String price, long variant, String quantity) throws Exception {
		return this.mvc.perform(post("/licensee/listings/{id}/offers/{region}", product, region).with(csrf())
				.with(authentication(PortalFixtures.staffOf(this.maker)))
				.param("price", price).param("active", "true").param("confirmed", PortalFixtures.confirmedPrice(this.mvc, this.maker, product, region, price))
				.param("variant", Long.toString(variant)).param("quantity", quantity))
			.andExpect(status().is3xxRedirection())
			.andReturn();
	}

	@Test
	void rejectedThenFixedThenApprovedAndAnEditWaitsWhileTheApprovedVersionStaysOnSale() throws Exception {
		long product = createListing("Summit Cap");
		submit(product);
		assertThat(statusOf(product)).isEqualTo("SUBMITTED");
		this.mvc.perform(post("/admin/approvals/{id}/reject", product).with(csrf())
				.with(authentication(PortalFixtures.admin()))
				.param("version", PortalFixtures.reviewedVersion(this.mvc, product)).param("reason", "The photo is missing"))
			.andExpect(status().is3xxRedirection());
		assertThat(statusOf(product)).isEqualTo("REJECTED");
		String page = this.mvc.perform(get("/licensee/listings/{id}", product)
				.with(authentication(PortalFixtures.staffOf(this.maker))))
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("The photo is missing");
		submit(product);
		this.mvc.perform(post("/admin/approvals/{id}/approve", product).with(csrf())
				.with(authentication(PortalFixtures.admin())).param("version", PortalFixtures.reviewedVersion(this.mvc, product)))
			.andExpect(status().is3xxRedirection());
		assertThat(statusOf(product)).isEqualTo("APPROVED");

		this.mvc.perform(post("/licensee/listings/{id}", product).with(csrf())
				.with(authentication(PortalFixtures.staffOf(this.maker)))
				.param("category", this.world.category).param("edition", this.world.edition)
				.param("nameEn", "Summit Cap II").param("descriptionEn", "About it"))
			.andExpect(status().is3xxRedirection());
		assertThat(statusOf(product)).isEqualTo("APPROVED");
		assertThat(this.jdbc.sql("SELECT name FROM product_text WHERE product_id = ? AND locale = 'en'").param(product)
			.query(String.class).single()).isEqualTo("Summit Cap");
		submit(product);
		String review = this.mvc.perform(get("/admin/approvals/{id}", product).with(authentication(PortalFixtures.admin())))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(review).contains("Summit Cap II").contains("Name (English)");
		this.mvc.perform(post("/admin/approvals/approve").with(csrf()).with(authentication(PortalFixtures.admin()))
				.param("product", PortalFixtures.queuedSelection(this.mvc, product)))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("SELECT name FROM product_text WHERE product_id = ? AND locale = 'en'").param(product)
			.query(String.class).single()).isEqualTo("Summit Cap II");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM listing_notice WHERE product_id = ?").param(product)
			.query(Long.class).single()).isEqualTo(3);
	}

	void submit(long product) throws Exception {
		this.mvc.perform(post("/licensee/listings/{id}/submit", product).with(csrf())
				.with(authentication(PortalFixtures.staffOf(this.maker))))
			.andExpect(status().is3xxRedirection());
	}

	@Test
	void markupInAListingIsTextOnTheQueueAndTheListingPages() throws Exception {
		String evil = "<script>alert(1)</script><img src=x onerror=alert(2)><a href=\"javascript:alert(3)\">x</a>";
		long product = createListing(evil);
		submit(product);
		for (String page : new String[] {
				this.mvc.perform(get("/admin/approvals").with(authentication(PortalFixtures.admin()))).andReturn().getResponse().getContentAsString(),
				this.mvc.perform(get("/admin/approvals/{id}", product).with(authentication(PortalFixtures.admin()))).andReturn().getResponse().getContentAsString(),
				this.mvc.perform(get("/licensee/listings/{id}", product).with(authentication(PortalFixtures.staffOf(this.maker)))).andReturn().getResponse().getContentAsString(),
				this.mvc.perform(get("/licensee/listings").with(authentication(PortalFixtures.staffOf(this.maker)))).andReturn().getResponse().getContentAsString() }) {
			assertThat(page).doesNotContain("<script>alert").doesNotContain("<img src=x").contains("&lt;script&gt;");
		}
	}

	@Test
	void markupInAnApprovedListingIsTextOnTheStorefront() throws Exception {
		String evil = "<script>alert(1)</script><img src=x onerror=alert(2)><a href=\"javascript:alert(3)\">x</a>";
		long product = createListing("Cap " + evil);
		this.mvc.perform(post("/licensee/listings/{id}", product).with(csrf())
				.with(authentication(PortalFixtures.staffOf(this.maker)))
				.param("category", this.world.category).param("edition", this.world.edition)
				.param("nameEn", "Cap " + evil).param("descriptionEn", "About " + evil))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(post("/licensee/listings/{id}/variants", product).with(csrf())
				.with(authentication(PortalFixtures.staffOf(this.maker))).param("sku", CatalogFixtures.unique("X").toUpperCase()))
			.andExpect(status().is3xxRedirection());
		long variant = this.jdbc.sql("SELECT id FROM variant WHERE product_id = ?").param(product).query(Long.class).single();
		offer(product, "gb", "20.00", variant, "5");
		submit(product);
		this.mvc.perform(post("/admin/approvals/{id}/approve", product).with(csrf())
				.with(authentication(PortalFixtures.admin())).param("version", PortalFixtures.reviewedVersion(this.mvc, product)))
			.andExpect(status().is3xxRedirection());
		String slug = this.jdbc.sql("SELECT slug FROM product WHERE id = ?").param(product).query(String.class).single();
		for (String path : new String[] { "/gb/products/" + slug, "/gb/categories/" + this.world.category,
				"/gb/editions/" + this.world.edition, "/gb" }) {
			String page = this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
			if (!path.equals("/gb")) {
				assertThat(page).as(path).contains("Cap &lt;script&gt;");
			}
			assertThat(page).as(path).doesNotContain("<script>alert").doesNotContain("<img src=x")
				.doesNotContain("href=\"javascript:");
			// the JSON-LD block carries the name as data: no closing script tag can break out of it
			assertThat(page).as(path).doesNotContain("</script><img");
		}
	}

	@Test
	void withoutAnSmtpServerTheReviewMailWaitsInTheDevOutboxForAdmins() throws Exception {
		String email = CatalogFixtures.unique("reviewed") + "@example.com";
		this.accounts.open(new shop.podium.accounts.NewAccount(email, "Rae Reviewed", "a long enough password",
				java.util.Set.of(shop.podium.accounts.Role.LICENSEE), this.maker)).orElseThrow();
		long product = createListing("Outbox Cap");
		submit(product);
		this.mvc.perform(post("/admin/approvals/{id}/reject", product).with(csrf())
				.with(authentication(PortalFixtures.admin()))
				.param("version", PortalFixtures.reviewedVersion(this.mvc, product)).param("reason", "The sizes are missing"))
			.andExpect(status().is3xxRedirection());

		String kept = await("the review mail in the outbox").atMost(java.time.Duration.ofSeconds(20))
			.until(() -> this.jdbc.sql("SELECT CONCAT(subject, ' | ', delivered_by, ' | ', body) FROM mail_outbox WHERE recipient = ?")
				.param(email).query(String.class).optional().orElse(null), java.util.Objects::nonNull);
		assertThat(kept)
			.startsWith("Rejected: Outbox Cap | OUTBOX | ").contains("Reason: The sizes are missing");
		String outbox = this.mvc.perform(get("/admin/outbox").with(authentication(PortalFixtures.admin())))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(outbox).contains("Rejected: Outbox Cap").contains(email).contains("The sizes are missing");
	}

}

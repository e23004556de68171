package shop.podium.catalog;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import shop.podium.licensing.LicenceGrants;
import shop.podium.regions.Regions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A variant's size and colour are what fans see of it: on a listing on sale, a new variant and a colour change
 * wait for the rights holder like any content edit, while the approved variants stay on sale as they were.
 * Prices and stock still apply at once.
 */
@SpringBootTest(properties = "podium.media.dir=target/test-media")
@AutoConfigureMockMvc
class VariantApprovalTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Regions regions;

	@Autowired
	LicenceGrants grants;

	@Autowired
	VariantOffers variantOffers;

	long maker;

	long product;

	String slug;

	String name;

	long navy;

	String navySku;

	String goldSku;

	@BeforeEach
	void anApprovedListingOnSaleInNavy() {
		PortalFixtures world = new PortalFixtures(this.jdbc, this.regions, this.grants);
		this.maker = world.licensee("Reviewed " + CatalogFixtures.unique("r"));
		this.slug = CatalogFixtures.unique("p");
		this.name = "Harbour Cap " + CatalogFixtures.unique("n");
		this.product = world.rows.product(this.slug, this.maker, world.categoryId, world.editionId, "APPROVED", 1,
				LocalDateTime.now(), this.name);
		world.rows.offer(this.product, "gb", 2500, "GBP", true);
		this.navy = world.rows.variant(this.product, null, 1);
		this.jdbc.sql("UPDATE variant SET colour = 'Navy' WHERE id = ?").param(this.navy).update();
		world.rows.stock(this.navy, "gb", 4);
		long white = world.rows.variant(this.product, null, 2); // two variants: the page offers a choice by colour
		this.jdbc.sql("UPDATE variant SET colour = 'White' WHERE id = ?").param(white).update();
		world.rows.stock(white, "gb", 2);
		this.navySku = this.jdbc.sql("SELECT sku FROM variant WHERE id = ?").param(this.navy).query(String.class).single();
		this.goldSku = CatalogFixtures.unique("G").toUpperCase();
	}

	@Test
	void aNewVariantAndAColourChangeWaitForApprovalWhilePriceAndStockApplyAtOnce() throws Exception {
		MockHttpSession licensee = new MockHttpSession();
		addGoldAndRecolourNavy(licensee);
		long gold = variantId(this.goldSku);
		// stock can be given to the new variant, and the price changes at once
		asLicensee(post("/licensee/listings/{id}/offers/gb", this.product).param("price", "27.00").param("confirmed", "2700").param("active", "true")
			.param("variant", Long.toString(this.navy), Long.toString(gold)).param("quantity", "9", "3"), licensee);

		String page = productPage();
		assertThat(page).contains("Navy").doesNotContain("Crimson").doesNotContain("Gold").doesNotContain(this.goldSku)
			.contains("27.00");
		assertThat(this.jdbc.sql("SELECT quantity FROM stock WHERE variant_id = ? AND region_code = 'gb'").param(this.navy)
			.query(Integer.class).single()).isEqualTo(9);
		assertThat(cartRefusal(this.goldSku)).isEqualTo("This item is not sold in this region.");
		assertThat(this.variantOffers.find(this.regions.find("gb").orElseThrow(), List.of(this.goldSku), Locale.ENGLISH))
			.isEmpty();
		assertThat(export()).contains(this.navySku).contains("Navy").doesNotContain(this.goldSku).doesNotContain("Crimson");

		String listing = listingPage(licensee);
		assertThat(variantRow(listing, gold)).contains("Awaiting approval: not sold yet");
		assertThat(variantRow(listing, this.navy)).contains("value=\"Crimson\"").contains("On sale as: — / Navy");
		assertThat(listing).contains("(changes not yet submitted)");

		submit(licensee);
		assertThat(queue()).contains(this.name);
		String review = this.mvc.perform(get("/admin/approvals/{id}", this.product).with(authentication(PortalFixtures.admin())))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(review).contains("New variant " + this.goldSku + ": — / Gold")
			.contains("Variant " + this.navySku + ": — / Navy → — / Crimson");

		this.mvc.perform(post("/admin/approvals/{id}/approve", this.product).with(csrf())
				.with(authentication(PortalFixtures.admin()))
				.param("version", PortalFixtures.reviewedVersion(this.mvc, this.product)))
			.andExpect(status().is3xxRedirection());

		assertThat(productPage()).contains("Crimson").contains("Gold").doesNotContain("Navy").contains(this.goldSku);
		assertThat(cartRefusal(this.goldSku)).isNull();
		assertThat(queue()).doesNotContain(this.name);
		assertThat(listingPage(licensee)).doesNotContain("Awaiting approval").doesNotContain("On sale as:")
			.doesNotContain("id=\"revision-status\"");
		assertThat(export()).contains(this.goldSku).contains("Crimson").doesNotContain("Navy");
	}

	@Test
	void aRejectedVariantChangeLeavesTheApprovedOnesOnSaleAndIsFixedAndResubmitted() throws Exception {
		MockHttpSession licensee = new MockHttpSession();
		addGoldAndRecolourNavy(licensee);
		submit(licensee);
		this.mvc.perform(post("/admin/approvals/{id}/reject", this.product).with(csrf())
				.with(authentication(PortalFixtures.admin()))
				.param("version", PortalFixtures.reviewedVersion(this.mvc, this.product)).param("reason", "Gold is not a team colour"))
			.andExpect(status().is3xxRedirection());

		assertThat(productPage()).contains("Navy").doesNotContain("Crimson").doesNotContain(this.goldSku);
		assertThat(cartRefusal(this.goldSku)).isEqualTo("This item is not sold in this region.");
		assertThat(queue()).doesNotContain(this.name);
		String listing = listingPage(licensee);
		assertThat(listing).contains("Rejected: Gold is not a team colour")
			.contains("(changes rejected; the approved version stays on sale)");
		long gold = variantId(this.goldSku);
		assertThat(variantRow(listing, gold)).contains("Awaiting approval: not sold yet");
		assertThat(variantRow(listing, this.navy)).contains("On sale as: — / Navy");

		// fixed: the new variant in silver, resubmitted
		asLicensee(post("/licensee/listings/{id}/variants/{v}", this.product, gold).param("sku", this.goldSku)
			.param("colour", "Silver"), licensee);
		assertThat(productPage()).doesNotContain("Silver");
		submit(licensee);
		assertThat(queue()).contains(this.name);
		this.mvc.perform(post("/admin/approvals/{id}/approve", this.product).with(csrf())
				.with(authentication(PortalFixtures.admin()))
				.param("version", PortalFixtures.reviewedVersion(this.mvc, this.product)))
			.andExpect(status().is3xxRedirection());
		assertThat(productPage()).contains("Silver").contains("Crimson").doesNotContain("Gold");
	}

	@Test
	void aNewSkuForAVariantOnSaleIsTheShopsOwnReferenceAndChangesAtOnce() throws Exception {
		MockHttpSession licensee = new MockHttpSession();
		String renamed = CatalogFixtures.unique("R").toUpperCase();
		MvcResult edited = asLicensee(post("/licensee/listings/{id}/variants/{v}", this.product, this.navy)
			.param("sku", renamed).param("colour", "Navy"), licensee);

		assertThat(edited.getFlashMap().get("notice")).isEqualTo("portal.variant.saved");
		assertThat(productPage()).contains(renamed).doesNotContain(this.navySku).contains("Navy");
		assertThat(cartRefusal(renamed)).isNull();
		assertThat(listingPage(licensee)).doesNotContain("id=\"revision-status\"").doesNotContain("On sale as:");
		assertThat(queue()).doesNotContain(this.name);
	}

	@Test
	void discardingTheChangesDropsTheNewVariantAndKeepsTheApprovedColour() throws Exception {
		MockHttpSession licensee = new MockHttpSession();
		addGoldAndRecolourNavy(licensee);
		asLicensee(post("/licensee/listings/{id}/revision/discard", this.product), licensee);

		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM variant WHERE sku = ?").param(this.goldSku).query(Long.class).single())
			.isZero();
		String listing = listingPage(licensee);
		assertThat(variantRow(listing, this.navy)).contains("value=\"Navy\"").doesNotContain("On sale as:");
		assertThat(listing).doesNotContain("id=\"revision-status\"");
		assertThat(productPage()).contains("Navy");
	}

	@Test
	void aCsvRowAddingAVariantOrChangingAColourWaitsForApprovalAndItsOwnExportChangesNothing() throws Exception {
		String export = export();
		String navyRow = export.lines().filter(l -> l.contains(this.navySku)).findFirst().orElseThrow();
		String file = export.strip() + "\n" + navyRow.replace(this.navySku, this.goldSku).replace(",Navy,", ",Gold,")
				+ "\n";
		file = file.replace(navyRow, navyRow.replace(",Navy,", ",Crimson,"));
		importFile(file);

		assertThat(productPage()).contains("Navy").doesNotContain("Crimson").doesNotContain(this.goldSku);
		assertThat(cartRefusal(this.goldSku)).isEqualTo("This item is not sold in this region.");
		MockHttpSession licensee = new MockHttpSession();
		String listing = listingPage(licensee);
		assertThat(variantRow(listing, variantId(this.goldSku))).contains("Awaiting approval: not sold yet");
		assertThat(variantRow(listing, this.navy)).contains("value=\"Crimson\"").contains("On sale as: — / Navy");
		assertThat(listing).contains("(changes not yet submitted)");

		// the export shows what is on sale; importing it again leaves the pending change as it is
		importFile(export());
		assertThat(variantRow(listingPage(licensee), this.navy)).contains("value=\"Crimson\"");

		submit(licensee);
		this.mvc.perform(post("/admin/approvals/{id}/approve", this.product).with(csrf())
				.with(authentication(PortalFixtures.admin()))
				.param("version", PortalFixtures.reviewedVersion(this.mvc, this.product)))
			.andExpect(status().is3xxRedirection());
		assertThat(productPage()).contains("Crimson").contains(this.goldSku).doesNotContain("Navy");
	}

	private void addGoldAndRecolourNavy(MockHttpSession licensee) throws Exception {
		MvcResult added = asLicensee(post("/licensee/listings/{id}/variants", this.product).param("sku", this.goldSku)
			.param("colour", "Gold"), licensee);
		assertThat(added.getFlashMap().get("notice")).isEqualTo("portal.variant.addedPending");
		MvcResult edited = asLicensee(post("/licensee/listings/{id}/variants/{v}", this.product, this.navy)
			.param("sku", this.navySku).param("colour", "Crimson"), licensee);
		assertThat(edited.getFlashMap().get("notice")).isEqualTo("portal.variant.savedPending");
	}

	private MvcResult asLicensee(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			MockHttpSession session) throws Exception {
		return this.mvc.perform(request.with(csrf()).with(authentication(PortalFixtures.staffOf(this.maker))).session(session))
			.andExpect(redirectedUrl("/licensee/listings/" + this.product))
			.andReturn();
	}

	private void submit(MockHttpSession licensee) throws Exception {
		MvcResult result = asLicensee(post("/licensee/listings/{id}/submit", this.product), licensee);
		assertThat(result.getFlashMap().get("problem")).isNull();
	}

	private void importFile(String csv) throws Exception {
		MockHttpSession session = new MockHttpSession();
		String page = this.mvc.perform(multipart("/licensee/listings/import")
				.file(new MockMultipartFile("file", "listings.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
				.with(csrf()).with(authentication(PortalFixtures.staffOf(this.maker))).session(session))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("The file is ready");
		String token = page.replaceAll("(?s).*name=\"token\" value=\"([^\"]+)\".*", "$1");
		this.mvc.perform(post("/licensee/listings/import/apply").with(csrf())
				.with(authentication(PortalFixtures.staffOf(this.maker))).session(session).param("token", token))
			.andExpect(redirectedUrl("/licensee/listings"));
	}

	/** The refusal a guest's cart gives for the SKU, or null when it takes it. */
	private String cartRefusal(String sku) throws Exception {
		MockHttpSession guest = new MockHttpSession();
		this.mvc.perform(post("/gb/cart/lines").with(csrf()).session(guest).param("sku", sku))
			.andExpect(redirectedUrl("/gb/cart"));
		String cart = this.mvc.perform(get("/gb/cart").session(guest)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
		return cart.contains("This item is not sold in this region.") ? "This item is not sold in this region." : null;
	}

	private String productPage() throws Exception {
		return this.mvc.perform(get("/gb/products/{slug}", this.slug))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
	}

	private String listingPage(MockHttpSession session) throws Exception {
		return this.mvc.perform(get("/licensee/listings/{id}", this.product)
				.with(authentication(PortalFixtures.staffOf(this.maker))).session(session))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
	}

	private String queue() throws Exception {
		return this.mvc.perform(get("/admin/approvals").with(authentication(PortalFixtures.admin())))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private String export() throws Exception {
		return this.mvc.perform(get("/licensee/listings/export").with(authentication(PortalFixtures.staffOf(this.maker))))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private static String variantRow(String page, long variant) {
		int from = page.indexOf("id=\"variant-" + variant + "\"");
		assertThat(from).as("the row of variant " + variant).isPositive();
		return page.substring(from, page.indexOf("</tr>", from));
	}

	private long variantId(String sku) {
		return this.jdbc.sql("SELECT id FROM variant WHERE sku = ?").param(sku).query(Long.class).single();
	}

}

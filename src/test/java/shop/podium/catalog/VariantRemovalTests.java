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

import shop.podium.licensing.LicenceGrants;
import shop.podium.regions.Regions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Removing a variant as a shop must: one never ordered is deleted; one that was ordered (its stock reserved for
 * an order) is retired — off the product page, out of carts, the export and the stock, its SKU never sold again —
 * and kept for its orders, with a message that says so rather than an error page.
 */
@SpringBootTest(properties = "podium.media.dir=target/test-media")
@AutoConfigureMockMvc
class VariantRemovalTests {

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

	long ordered;

	long neverOrdered;

	String orderedSku;

	String neverOrderedSku;

	@BeforeEach
	void anApprovedListingWithAnOrderedVariant() {
		PortalFixtures world = new PortalFixtures(this.jdbc, this.regions, this.grants);
		this.maker = world.licensee("Remover " + CatalogFixtures.unique("r"));
		this.slug = CatalogFixtures.unique("p");
		this.product = world.rows.product(this.slug, this.maker, world.categoryId, world.editionId, "APPROVED", 1,
				LocalDateTime.now(), "Relay Cap");
		world.rows.offer(this.product, "gb", 2500, "GBP", true);
		this.ordered = world.rows.variant(this.product, "M", 1);
		this.neverOrdered = world.rows.variant(this.product, "L", 2);
		world.rows.stock(this.ordered, "gb", 4);
		world.rows.stock(this.neverOrdered, "gb", 6);
		this.orderedSku = sku(this.ordered);
		this.neverOrderedSku = sku(this.neverOrdered);
		this.jdbc.sql("""
				INSERT INTO stock_reservation (reference, variant_id, region_code, quantity, status, created_at, updated_at)
				VALUES (?, ?, 'gb', 1, 'COMMITTED', CURRENT_TIMESTAMP(6), CURRENT_TIMESTAMP(6))""")
			.params(CatalogFixtures.unique("PD"), this.ordered)
			.update();
	}

	@Test
	void anOrderedVariantIsRetiredNotDeletedAndLeavesTheShop() throws Exception {
		assertThat(productPage()).contains(this.orderedSku);
		MockHttpSession session = new MockHttpSession();

		this.mvc.perform(post("/licensee/listings/{id}/variants/{v}/delete", this.product, this.ordered).with(csrf())
				.with(authentication(PortalFixtures.staffOf(this.maker))).session(session))
			.andExpect(status().is3xxRedirection());

		String page = listingPage(session);
		assertThat(page).contains("This variant has been ordered, so it is retired rather than deleted")
			.contains("Retired variants");
		assertThat(retiredSection(page)).contains(this.orderedSku);
		assertThat(page).doesNotContain("value=\"" + this.orderedSku + "\"") // no longer editable
			.contains("value=\"" + this.neverOrderedSku + "\"");
		// kept for its orders, with no stock anywhere
		assertThat(this.jdbc.sql("SELECT retired_at IS NOT NULL FROM variant WHERE id = ?").param(this.ordered)
			.query(Boolean.class).single()).isTrue();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM stock WHERE variant_id = ?").param(this.ordered)
			.query(Long.class).single()).isZero();
		// not sold any more: the product page, a cart and the export leave it out
		assertThat(productPage()).doesNotContain(this.orderedSku).contains(this.neverOrderedSku);
		assertThat(this.variantOffers.find(this.regions.find("gb").orElseThrow(), List.of(this.orderedSku),
				Locale.ENGLISH)).isEmpty();
		String export = this.mvc.perform(get("/licensee/listings/export")
				.with(authentication(PortalFixtures.staffOf(this.maker))))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(export).contains(this.neverOrderedSku).doesNotContain(this.orderedSku);
		// nor can it be edited, removed again or given stock
		this.mvc.perform(post("/licensee/listings/{id}/variants/{v}", this.product, this.ordered).with(csrf())
				.with(authentication(PortalFixtures.staffOf(this.maker))).param("sku", this.orderedSku).param("size", "XL"))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/licensee/listings/{id}/offers/gb", this.product).with(csrf())
				.with(authentication(PortalFixtures.staffOf(this.maker)))
				.param("price", "25.00").param("confirmed", "2500").param("active", "true")
				.param("variant", Long.toString(this.ordered)).param("quantity", "9"))
			.andExpect(status().isNotFound());
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM stock WHERE variant_id = ?").param(this.ordered)
			.query(Long.class).single()).isZero();
		// and a CSV naming its SKU is refused with the reason
		String csv = ListingCsv.HEADER.stream().reduce((a, b) -> a + "," + b).orElseThrow() + "\n"
				+ export.lines().skip(1).findFirst().orElseThrow().replace(this.neverOrderedSku, this.orderedSku) + "\n";
		String dryRun = this.mvc.perform(multipart("/licensee/listings/import")
				.file(new MockMultipartFile("file", "l.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
				.with(csrf()).with(authentication(PortalFixtures.staffOf(this.maker))))
			.andReturn().getResponse().getContentAsString();
		assertThat(dryRun).contains("SKU " + this.orderedSku + " belongs to a retired variant")
			.doesNotContain("id=\"import-ready\"");
	}

	@Test
	void aVariantNeverOrderedIsDeleted() throws Exception {
		MockHttpSession session = new MockHttpSession();
		this.mvc.perform(post("/licensee/listings/{id}/variants/{v}/delete", this.product, this.neverOrdered).with(csrf())
				.with(authentication(PortalFixtures.staffOf(this.maker))).session(session))
			.andExpect(status().is3xxRedirection());

		String page = listingPage(session);
		assertThat(page).contains("The variant is removed.").doesNotContain("Retired variants")
			.doesNotContain(this.neverOrderedSku);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM variant WHERE id = ?").param(this.neverOrdered)
			.query(Long.class).single()).isZero();
		assertThat(productPage()).doesNotContain(this.neverOrderedSku).contains(this.orderedSku);
	}

	private String listingPage(MockHttpSession session) throws Exception {
		return this.mvc.perform(get("/licensee/listings/{id}", this.product)
				.with(authentication(PortalFixtures.staffOf(this.maker))).session(session))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
	}

	private static String retiredSection(String page) {
		int from = page.indexOf("id=\"retired-variants\"");
		assertThat(from).isPositive();
		return page.substring(from, page.indexOf("</ul>", from));
	}

	private String productPage() throws Exception {
		return this.mvc.perform(get("/gb/products/{slug}", this.slug))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
	}

	private String sku(long variant) {
		return this.jdbc.sql("SELECT sku FROM variant WHERE id = ?").param(variant).query(String.class).single();
	}

}

package shop.podium.catalog;

import java.time.LocalDateTime;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import shop.podium.licensing.LicenceGrants;
import shop.podium.regions.Regions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the listing forms refuse whatever is posted: a SKU already used (the licensee's own or another's) on the
 * variant form, a price for a region the licence does not cover, and fields that are not on the form at all
 * (status, licensee, another region's price) — each with a message on the page, or silently ignored, and nothing
 * stored.
 */
@SpringBootTest(properties = "podium.media.dir=target/test-media")
@AutoConfigureMockMvc
class ListingFormGuardsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Regions regions;

	@Autowired
	LicenceGrants grants;

	PortalFixtures world;

	long maker;

	long rival;

	Authentication staff;

	long product;

	long variant;

	String ownSku;

	String rivalSku;

	@BeforeEach
	void aDraftWithAVariantAndARivalsProduct() {
		this.world = new PortalFixtures(this.jdbc, this.regions, this.grants);
		this.maker = this.world.licensee("Guarded " + CatalogFixtures.unique("g"));
		this.rival = this.world.licensee("Rival " + CatalogFixtures.unique("r"));
		this.staff = PortalFixtures.staffOf(this.maker);
		this.product = this.world.rows.product(CatalogFixtures.unique("p"), this.maker, this.world.categoryId,
				this.world.editionId, "DRAFT", 1, LocalDateTime.now(), "Guarded Cap");
		this.variant = this.world.rows.variant(this.product, "M", 1);
		this.ownSku = sku(this.variant);
		long theirs = this.world.rows.product(CatalogFixtures.unique("p"), this.rival, this.world.categoryId,
				this.world.editionId, "APPROVED", 1, LocalDateTime.now(), "Rival Cap");
		this.rivalSku = sku(this.world.rows.variant(theirs, "L", 1));
	}

	@Test
	void aSkuAlreadyUsedIsRefusedOnTheVariantFormWithAMessage() throws Exception {
		for (String taken : new String[] { this.ownSku, this.rivalSku }) {
			String page = follow(post("/licensee/listings/{id}/variants", this.product).param("sku", taken).param("size", "XL"));
			assertThat(page).contains("SKU " + taken + " is already used.");
		}
		String renamed = follow(post("/licensee/listings/{id}/variants/{v}", this.product, this.variant)
			.param("sku", this.rivalSku).param("size", "S"));
		assertThat(renamed).contains("SKU " + this.rivalSku + " is already used.");

		assertThat(this.jdbc.sql("SELECT CONCAT(sku, ' ', size) FROM variant WHERE product_id = ?").param(this.product)
			.query(String.class).list()).containsExactly(this.ownSku + " M");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM variant WHERE sku = ?").param(this.rivalSku).query(Long.class)
			.single()).isOne();
	}

	@Test
	void fieldsThatAreNotOnTheEditFormChangeNothing() throws Exception {
		this.mvc.perform(post("/licensee/listings/{id}", this.product).with(csrf()).with(authentication(this.staff))
				.param("skuStem", "STOLEN-STEM")
				.param("category", this.world.category)
				.param("edition", this.world.edition)
				.param("nameEn", "Guarded Cap II")
				.param("descriptionEn", "Still a cap")
				// none of these are form fields
				.param("status", "APPROVED")
				.param("licenseeId", Long.toString(this.rival))
				.param("licensee_id", Long.toString(this.rival))
				.param("id", "1")
				.param("slug", "hijacked"))
			.andExpect(status().is3xxRedirection());

		assertThat(this.jdbc.sql("SELECT CONCAT(status, ' ', licensee_id, ' ', sku_stem <> 'STOLEN-STEM', ' ', slug <> 'hijacked') FROM product WHERE id = ?")
			.param(this.product).query(String.class).single()).isEqualTo("DRAFT " + this.maker + " 1 1");
		assertThat(this.jdbc.sql("SELECT name FROM product_text WHERE product_id = ? AND locale = 'en'").param(this.product)
			.query(String.class).single()).isEqualTo("Guarded Cap II");
	}

	@Test
	void aPriceForARegionOutsideTheLicenceOrAnotherRegionsPriceIsNotStored() throws Exception {
		String outside = follow(post("/licensee/listings/{id}/offers/{region}", this.product, "us")
			.param("price", "20.00").param("active", "true")
			.param("variant", Long.toString(this.variant)).param("quantity", "5"));
		assertThat(outside).contains("Region us is not in your licence (territory).");
		assertThat(offers()).isZero();

		// a gb offer carrying another region's price and currency in extra fields is a gb offer in GBP, nothing more
		this.mvc.perform(post("/licensee/listings/{id}/offers/{region}", this.product, "gb").with(csrf())
				.with(authentication(this.staff))
				.param("price", "20.00").param("confirmed", "2000").param("active", "true")
				.param("variant", Long.toString(this.variant)).param("quantity", "5")
				.param("currency", "USD").param("region", "us").param("regionCode", "us")
				.param("prices[us]", "1.00").param("price_us", "1.00"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("SELECT CONCAT(region_code, ' ', price_minor, ' ', currency) FROM offer WHERE product_id = ?")
			.param(this.product).query(String.class).list()).containsExactly("gb 2000 GBP");
		assertThat(this.jdbc.sql("SELECT CONCAT(region_code, ' ', quantity) FROM stock WHERE variant_id = ?")
			.param(this.variant).query(String.class).list()).containsExactly("gb 5");
	}

	/** Posts the form and returns the listing page it leads back to. */
	private String follow(MockHttpServletRequestBuilder form) throws Exception {
		MockHttpSession session = new MockHttpSession();
		this.mvc.perform(form.with(csrf()).with(authentication(this.staff)).session(session))
			.andExpect(status().is3xxRedirection());
		return this.mvc.perform(get("/licensee/listings/{id}", this.product).with(authentication(this.staff)).session(session))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
	}

	private long offers() {
		return this.jdbc.sql("SELECT COUNT(*) FROM offer WHERE product_id = ?").param(this.product).query(Long.class).single();
	}

	private String sku(long variantId) {
		return this.jdbc.sql("SELECT sku FROM variant WHERE id = ?").param(variantId).query(String.class).single();
	}

}

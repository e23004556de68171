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
import org.springframework.test.web.servlet.MvcResult;
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
 * A licensee types a price the way their language writes it; the shop shows the amount it read and changes nothing
 * until they confirm it; an amount it cannot read for sure is refused with what to type instead.
 */
@SpringBootTest(properties = "podium.media.dir=target/test-media")
@AutoConfigureMockMvc
class OfferPriceEntryTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Regions regions;

	@Autowired
	LicenceGrants grants;

	Authentication staff;

	long product;

	long variant;

	@BeforeEach
	void aDraftWithAVariant() {
		PortalFixtures world = new PortalFixtures(this.jdbc, this.regions, this.grants);
		long maker = world.licensee("Prices " + CatalogFixtures.unique("m"));
		this.staff = PortalFixtures.staffOf(maker);
		this.product = world.rows.product(CatalogFixtures.unique("p"), maker, world.categoryId, world.editionId,
				"DRAFT", 1, LocalDateTime.now(), "Priced Cap");
		this.variant = world.rows.variant(this.product, "M", 1);
	}

	@Test
	void aFrenchPriceIsShownAsReadAndSavedOnlyOnceConfirmed() throws Exception {
		// "12,50" in French is twelve pounds fifty: 1250 pence, not 1250 pounds
		MvcResult confirm = this.mvc.perform(offer("12,50").header("Accept-Language", "fr"))
			.andExpect(status().isOk())
			.andReturn();
		String page = confirm.getResponse().getContentAsString();
		assertThat(page).containsPattern("Vous fixez le prix pour .+ à 12,50[\\s\\u00a0\\u202f]£GB \\(vous avez saisi « 12,50 »\\)")
			.contains("name=\"confirmed\" value=\"1250\"");
		assertThat(prices()).as("nothing saved before the confirmation").isEmpty();

		this.mvc.perform(offer("12,50").param("confirmed", "1250").header("Accept-Language", "fr"))
			.andExpect(status().is3xxRedirection());

		assertThat(prices()).containsExactly("gb 1250 GBP");
	}

	@Test
	void thousandsWrittenTheFrenchWayAreReadAsThousands() throws Exception {
		// "1 250,00" with a narrow no-break space: 1250 pounds, 125000 pence
		String page = this.mvc.perform(offer("1\u202f250,00").header("Accept-Language", "fr"))
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("name=\"confirmed\" value=\"125000\"");
		String german = this.mvc.perform(offer("1.250,00").header("Accept-Language", "fr"))
			.andReturn().getResponse().getContentAsString();
		assertThat(german).contains("name=\"confirmed\" value=\"125000\"");
	}

	@Test
	void anAmbiguousPriceIsRefusedSayingWhatToType() throws Exception {
		MockHttpSession session = new MockHttpSession();
		this.mvc.perform(offer("1,250").header("Accept-Language", "fr").session(session))
			.andExpect(status().is3xxRedirection());
		String page = this.mvc.perform(get("/licensee/listings/{id}", this.product).with(authentication(this.staff))
				.header("Accept-Language", "fr").session(session))
			.andReturn().getResponse().getContentAsString();

		assertThat(page).contains("« 1,250 » peut se lire de deux façons")
			.contains("saisissez 1250")
			.contains("saisissez 1,25");
		assertThat(prices()).isEmpty();
	}

	@Test
	void aConfirmationForAnotherAmountThanTheOneTypedIsAskedAgain() throws Exception {
		// the confirmation names the amount the licensee saw: a form that says 12.50 but carries 1250 is not it
		this.mvc.perform(offer("12.50").param("confirmed", "125000").header("Accept-Language", "en"))
			.andExpect(status().isOk());

		assertThat(prices()).isEmpty();
	}

	@Test
	void thePriceFieldShowsTheSavedPriceAsTheReaderTypesIt() throws Exception {
		this.mvc.perform(offer("24,50").param("confirmed", "2450").header("Accept-Language", "fr"));

		String page = this.mvc.perform(get("/licensee/listings/{id}", this.product).with(authentication(this.staff))
				.header("Accept-Language", "fr"))
			.andReturn().getResponse().getContentAsString();
		assertThat(page).containsPattern("id=\"price-gb\" name=\"price\" inputmode=\"decimal\"\\s+value=\"24,50\"");
		// saving the form unchanged changes nothing and needs no confirmation
		this.mvc.perform(offer("24,50").header("Accept-Language", "fr")).andExpect(status().is3xxRedirection());
	}

	private MockHttpServletRequestBuilder offer(String price) {
		return post("/licensee/listings/{id}/offers/{region}", this.product, "gb").with(csrf())
			.with(authentication(this.staff))
			.param("price", price)
			.param("active", "true")
			.param("variant", Long.toString(this.variant))
			.param("quantity", "5");
	}

	private java.util.List<String> prices() {
		return this.jdbc.sql("SELECT CONCAT(region_code, ' ', price_minor, ' ', currency) FROM offer WHERE product_id = ?")
			.param(this.product).query(String.class).list();
	}

}

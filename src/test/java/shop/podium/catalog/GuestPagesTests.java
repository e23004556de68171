package shop.podium.catalog;

import java.time.LocalDateTime;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

import shop.podium.licensing.LicenceGrants;
import shop.podium.regions.Regions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static shop.podium.catalog.CatalogFixtures.unique;

/**
 * The storefront pages guests share: a page served again is the same page, with no guest's CSRF token in its
 * forms; whoever has a page of their own (a cart, an account) never gets a shared one; and a change
 * shows on the very next page, not seconds later.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(StatementCounting.class)
class GuestPagesTests {

	private static final String EMPTY_CSRF_FIELD = "name=\"_csrf\" value=\"\"";

	private static final Pattern SKU_FIELD = Pattern.compile("name=\"sku\" value=\"([^\"]+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Regions regions;

	@Autowired
	LicenceGrants grants;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	CatalogFixtures fixtures;

	long productId;

	String slug;

	long variantId;

	@BeforeEach
	void aCapOnSale() {
		this.fixtures = new CatalogFixtures(this.jdbc, this.regions, this.grants);
		this.fixtures.region("xg", "EUR", "en", "INCLUSIVE", "0.2000", "VAT");
		String category = unique("caps");
		long categoryId = this.fixtures.category(category, false, "Caps");
		String edition = unique("games");
		long editionId = this.fixtures.edition(edition, "Test Games");
		long maker = this.fixtures.licensee("Guest Pages Co", "ACTIVE");
		this.fixtures.licence(maker, this.fixtures.today().minusDays(1), this.fixtures.today().plusDays(1), false,
				Set.of("xg"), Set.of(category), Set.of(edition));
		this.slug = unique("cap");
		this.productId = this.fixtures.product(this.slug, maker, categoryId, editionId, "APPROVED", 1,
				LocalDateTime.now(), "Finish line cap");
		this.fixtures.offer(this.productId, "xg", 2500, "EUR", true);
		this.variantId = this.fixtures.variant(this.productId, null, 0);
		this.fixtures.stock(this.variantId, "xg", 4);
	}

	@Test
	void guestsShareThePageWithNoGuestsTokenInItAndItsFormStillWorks() throws Exception {
		MvcResult first = guestView();
		StatementCounting.start();
		MvcResult second = guestView();
		assertThat(StatementCounting.stop()).as("SQL statements to serve the page again").isZero();

		String firstPage = first.getResponse().getContentAsString();
		String secondPage = second.getResponse().getContentAsString();
		// the same page for every guest (a shared cache in front serves it too): its form's token is empty
		assertThat(secondPage).isEqualTo(firstPage).contains("Finish line cap").contains(EMPTY_CSRF_FIELD);
		assertThat(second.getResponse().getHeader(HttpHeaders.CONTENT_LANGUAGE)).isEqualTo("en");

		// the second guest, without JavaScript, adds the cap to a cart with the form of the page served again;
		// SharedCacheTests holds the cross-site refusals and the token copied from its cookie
		this.mvc
			.perform(post("/xg/cart/lines").header("Sec-Fetch-Site", "same-origin")
				.param("_csrf", "")
				.param("sku", skuField(secondPage))
				.param("quantity", "1"))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(post("/xg/cart/lines").header("Sec-Fetch-Site", "cross-site")
				.param("_csrf", "")
				.param("sku", skuField(secondPage))
				.param("quantity", "1"))
			.andExpect(status().isForbidden());
	}

	@Test
	void aGuestWithACartSeesTheirCartNotTheSharedPage() throws Exception {
		String shared = guestView().getResponse().getContentAsString();
		assertThat(shared).contains("Cart (0)");

		MockHttpSession session = new MockHttpSession();
		MvcResult page = this.mvc.perform(get(productPath()).session(session)).andReturn();
		String sku = skuField(page.getResponse().getContentAsString());
		this.mvc
			.perform(post("/xg/cart/lines").session(session)
				.with(csrf())
				.param("sku", sku)
				.param("quantity", "2"))
			.andExpect(status().is3xxRedirection());

		assertThat(this.mvc.perform(get(productPath()).session(session)).andReturn().getResponse().getContentAsString())
			.contains("Cart (2)");
		assertThat(guestView().getResponse().getContentAsString()).contains("Cart (0)");
	}

	@Test
	@WithMockUser("fan@guest-pages.test")
	void aSignedInFanGetsTheirOwnPage() throws Exception {
		String page = this.mvc.perform(get(productPath())).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Sign out").doesNotContain("Sign up");
	}

	@Test
	void aChangeShowsOnTheNextPageAGuestOpens() throws Exception {
		assertThat(guestView().getResponse().getContentAsString()).contains("In stock");

		this.transactions.executeWithoutResult(status -> {
			this.fixtures.execute("UPDATE stock SET quantity = 0 WHERE variant_id = ?", this.variantId);
			this.events.publishEvent(new ProductChanged(this.productId));
		});

		assertThat(guestView().getResponse().getContentAsString()).contains("Sold out").doesNotContain("In stock");
	}

	@Test
	void eachLanguageHasItsOwnPage() throws Exception {
		String english = guestView().getResponse().getContentAsString();
		String french = this.mvc.perform(get(productPath()).header(HttpHeaders.ACCEPT_LANGUAGE, "fr"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(english).contains("lang=\"en\"");
		assertThat(french).contains("lang=\"fr\"");
	}

	private MvcResult guestView() throws Exception {
		return this.mvc.perform(get(productPath()).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
			.andExpect(status().isOk())
			.andReturn();
	}

	private String productPath() {
		return "/xg/products/" + this.slug;
	}

	private static String skuField(String page) {
		return field(SKU_FIELD, page);
	}

	private static String field(Pattern pattern, String page) {
		Matcher matcher = pattern.matcher(page);
		assertThat(matcher.find()).as("%s on the page", pattern).isTrue();
		return matcher.group(1);
	}

}

package shop.podium.catalog;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import shop.podium.accounts.CurrentUser;
import shop.podium.accounts.Role;
import shop.podium.licensing.LicenceGrants;
import shop.podium.regions.Regions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static shop.podium.catalog.CatalogFixtures.unique;

/**
 * The storefront pages readers share: a page served again is the same page — for guests without a session with
 * no guest's CSRF token in its forms (a shared cache in front serves it too), for fans with their own token and
 * header (cart count, account links); nobody sees another's cart, account or token; and a change shows on the
 * very next page, not seconds later.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(StatementCounting.class)
class GuestPagesTests {

	private static final String EMPTY_CSRF_FIELD = "name=\"_csrf\" value=\"\"";

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final AtomicLong FANS = new AtomicLong(System.currentTimeMillis() % 100_000);

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
	void aKeptPageReadsTheReadersSessionOnceAndDoesNotWriteIt() throws Exception {
		MockHttpSession session = new MockHttpSession();
		String sku = skuField(this.mvc.perform(get(productPath()).session(session))
			.andReturn()
			.getResponse()
			.getContentAsString());
		this.mvc.perform(post("/xg/cart/lines").session(session).with(csrf()).param("sku", sku).param("quantity", "1"))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/xg/cart").session(session)).andExpect(status().isOk());
		this.mvc.perform(get(productPath()).session(session)).andExpect(status().isOk());

		StatementCounting.start();
		String page = this.mvc.perform(get(productPath()).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> statements = StatementCounting.stopWithStatements();

		assertThat(page).contains("Cart (1)");
		assertThat(statements).as("SQL statements for the kept page of a guest with a cart")
			.noneMatch(sql -> sql.contains("FROM product p"))
			.noneMatch(sql -> sql.contains("UPDATE SPRING_SESSION"))
			.filteredOn(sql -> sql.contains("FROM SPRING_SESSION"))
			.hasSize(1);
	}

	@Test
	@WithMockUser("fan@guest-pages.test")
	void aSignedInFanGetsTheirOwnPage() throws Exception {
		String page = this.mvc.perform(get(productPath())).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Sign out").doesNotContain("Sign up");
	}

	@Test
	void fansShareThePageButEachSeesTheirOwnCartAccountAndToken() throws Exception {
		RequestPostProcessor ada = fan("ada");
		RequestPostProcessor bo = fan("bo");
		addToCart(ada, 2);
		addToCart(bo, 1);
		String guest = guestView().getResponse().getContentAsString();

		MvcResult adasView = fanView(ada);
		StatementCounting.start();
		MvcResult bosView = fanView(bo);
		// Bo's own statements (the cart count, and the session when it lives in the database) run; the page's do not
		assertThat(StatementCounting.stopWithStatements()).as("SQL statements for Bo's page")
			.noneMatch(sql -> sql.contains("FROM product p"))
			.anyMatch(sql -> sql.contains("cart_line"));

		String adasPage = adasView.getResponse().getContentAsString();
		String bosPage = bosView.getResponse().getContentAsString();
		assertThat(adasPage).contains("Cart (2)", "Sign out", "Finish line cap").doesNotContain("Sign up", "Cart (1)");
		assertThat(bosPage).contains("Cart (1)", "Sign out", "Finish line cap").doesNotContain("Sign up", "Cart (2)");
		assertThat(guest).contains("Cart (0)", "Sign up").doesNotContain("Sign out");
		assertThat(bosPage).doesNotContain("<!--personal:");

		// each fan's forms (the shared add-to-cart form and their own sign-out form) carry that fan's token only
		assertThat(csrfFields(adasPage)).hasSize(2).containsOnly(csrfField(adasPage));
		assertThat(csrfFields(bosPage)).hasSize(2).containsOnly(csrfField(bosPage));
		assertThat(csrfField(bosPage)).isNotEqualTo(csrfField(adasPage));

		addToCart(bo, 1);
		assertThat(fanView(bo).getResponse().getContentAsString()).contains("Cart (2)");
		assertThat(fanView(ada).getResponse().getContentAsString()).contains("Cart (2)");
	}

	@Test
	void aSellOutShowsOnTheNextPageASignedInFanOpens() throws Exception {
		RequestPostProcessor ada = fan("ada");
		assertThat(fanView(ada).getResponse().getContentAsString()).contains("In stock");
		assertThat(fanView(ada).getResponse().getContentAsString()).contains("In stock");

		this.transactions.executeWithoutResult(status -> {
			this.fixtures.execute("UPDATE stock SET quantity = 0 WHERE variant_id = ?", this.variantId);
			this.events.publishEvent(new ProductChanged(this.productId));
		});

		assertThat(fanView(ada).getResponse().getContentAsString()).contains("Sold out").doesNotContain("In stock");
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

	private MvcResult fanView(RequestPostProcessor fan) throws Exception {
		return this.mvc.perform(get(productPath()).with(fan).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
			.andExpect(status().isOk())
			.andReturn();
	}

	private void addToCart(RequestPostProcessor fan, int quantity) throws Exception {
		String sku = skuField(fanView(fan).getResponse().getContentAsString());
		String cart = this.mvc
			.perform(post("/xg/cart/lines").with(fan).with(csrf()).param("sku", sku).param("quantity",
					String.valueOf(quantity)))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(cart).isEqualTo("/xg/cart");
	}

	/** A signed-in fan of an id of their own, so that each test's carts start empty. */
	private static RequestPostProcessor fan(String name) {
		long id = 800_000_000L + FANS.incrementAndGet() * 1000 + (System.nanoTime() % 1000);
		return authentication(new CurrentUser(id, name + "@guest-pages.test", name, null, Set.of(Role.FAN))
			.toAuthentication());
	}

	private String productPath() {
		return "/xg/products/" + this.slug;
	}

	private static String csrfField(String page) {
		return field(CSRF_FIELD, page);
	}

	private static List<String> csrfFields(String page) {
		return CSRF_FIELD.matcher(page).results().map(result -> result.group(1)).toList();
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

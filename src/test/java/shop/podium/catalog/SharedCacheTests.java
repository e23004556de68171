package shop.podium.catalog;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

import shop.podium.licensing.LicenceGrants;
import shop.podium.regions.Regions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static shop.podium.catalog.CatalogFixtures.unique;

/**
 * The storefront in a shared HTTP cache (Varnish, a CDN): a guest without a session gets pages any guest may be
 * served, naming what they show; whoever has a page of their own never gets a shareable one; the shared page's
 * form still refuses cross-site requests without a token of the guest's own in the page; a change purges by key.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SharedCacheTests {

	private static final Pattern SKU_FIELD = Pattern.compile("name=\"sku\" value=\"([^\"]+)\"");

	/** Stands in for Varnish: records each purge's keys. */
	static final HttpServer cache;

	static final List<String> purges = new CopyOnWriteArrayList<>();

	static {
		try {
			cache = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		cache.createContext("/", exchange -> {
			if (exchange.getRequestMethod().equals("PURGE")) {
				purges.add(exchange.getRequestHeaders().getFirst("xkey-purge"));
			}
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		cache.start();
	}

	@DynamicPropertySource
	static void purgedCache(DynamicPropertyRegistry properties) {
		properties.add("podium.http-cache.purge-urls", () -> "http://127.0.0.1:" + cache.getAddress().getPort() + "/");
	}

	@AfterAll
	static void stopCache() {
		cache.stop(0);
	}

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

	String category;

	long variantId;

	@BeforeEach
	void aScarfOnSale() {
		this.fixtures = new CatalogFixtures(this.jdbc, this.regions, this.grants);
		this.fixtures.region("xs", "EUR", "en", "INCLUSIVE", "0.2000", "VAT");
		this.category = unique("scarves");
		long categoryId = this.fixtures.category(this.category, false, "Scarves");
		String edition = unique("games");
		long editionId = this.fixtures.edition(edition, "Test Games");
		long maker = this.fixtures.licensee("Shared Pages Co", "ACTIVE");
		this.fixtures.licence(maker, this.fixtures.today().minusDays(1), this.fixtures.today().plusDays(1), false,
				Set.of("xs"), Set.of(this.category), Set.of(edition));
		this.slug = unique("scarf");
		this.productId = this.fixtures.product(this.slug, maker, categoryId, editionId, "APPROVED", 1,
				LocalDateTime.now(), "Closing ceremony scarf");
		this.fixtures.offer(this.productId, "xs", 1900, "EUR", true);
		this.variantId = this.fixtures.variant(this.productId, null, 0);
		this.fixtures.stock(this.variantId, "xs", 5);
	}

	@Test
	void aGuestWithoutASessionGetsAPageAnyGuestMayBeServedNamingWhatItShows() throws Exception {
		MvcResult page = guestView(productPath());
		assertThat(page.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).startsWith("public")
			.contains("max-age=0")
			.containsPattern("s-maxage=\\d+");
		assertThat(page.getResponse().getHeader("xkey").split(" ")).contains("storefront", "region-xs",
				"product-" + this.slug);
		assertThat(page.getResponse().getHeaders(HttpHeaders.VARY)).contains(HttpHeaders.ACCEPT_LANGUAGE);
		// nothing of this guest's own in it: no token cookie issued, an empty token in the form
		assertThat(page.getResponse().getCookie("XSRF-TOKEN")).isNull();
		assertThat(page.getResponse().getContentAsString()).contains("name=\"_csrf\" value=\"\"")
			.contains("/js/form-tokens.js");

		MvcResult listing = guestView("/xs/categories/" + this.category);
		assertThat(listing.getResponse().getHeader("xkey").split(" ")).contains("listings", "region-xs",
				"category-" + this.category);
	}

	@Test
	@WithMockUser("fan@shared-pages.test")
	void aSignedInFansPageIsNeverPublic() throws Exception {
		MvcResult page = this.mvc.perform(get(productPath())).andExpect(status().isOk()).andReturn();
		assertThat(page.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).doesNotContain("public")
			.contains("no-store");
		assertThat(page.getResponse().getHeader("xkey")).isNull();
	}

	@Test
	void aGuestWithACartGetsPagesNoOneElseMayBeServed() throws Exception {
		MockHttpSession session = new MockHttpSession();
		this.mvc.perform(post("/xs/cart/lines").session(session).with(csrf()).param("sku", sku()).param("quantity", "1"))
			.andExpect(status().is3xxRedirection());
		MvcResult page = this.mvc.perform(get(productPath()).session(session)).andExpect(status().isOk()).andReturn();
		assertThat(page.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).doesNotContain("public")
			.contains("no-store");
		assertThat(page.getResponse().getContentAsString()).doesNotContain("name=\"_csrf\" value=\"\"");
	}

	@Test
	void signInCartAnErrorAndALanguageSwitchAreNeverPublic() throws Exception {
		for (String path : List.of("/sign-in", "/xs/cart", "/xs/products/no-such-thing", productPath() + "?lang=fr")) {
			MvcResult page = this.mvc.perform(get(path)).andReturn();
			assertThat(page.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).as(path)
				.doesNotContain("public")
				.contains("no-store");
		}
	}

	@Test
	void aCrossSitePostWithoutTokenIsRefused() throws Exception {
		String sku = sku();
		this.mvc
			.perform(post("/xs/cart/lines").header("Origin", "https://elsewhere.example")
				.header("Sec-Fetch-Site", "cross-site")
				.param("_csrf", "")
				.param("sku", sku)
				.param("quantity", "1"))
			.andExpect(status().isForbidden());
		// nor does an old browser that says nothing of where the form was
		this.mvc.perform(post("/xs/cart/lines").param("sku", sku).param("quantity", "1"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/xs/cart/lines").header("Origin", "https://elsewhere.example")
				.param("sku", sku)
				.param("quantity", "1"))
			.andExpect(status().isForbidden());
	}

	@Test
	void theSharedFormSentFromTheShopsOwnPageWithoutJavaScriptAddsToTheCart() throws Exception {
		MvcResult added = this.mvc
			.perform(post("/xs/cart/lines").header("Origin", "http://localhost")
				.header("Sec-Fetch-Site", "same-origin")
				.param("_csrf", "")
				.param("sku", sku())
				.param("quantity", "2"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		MockHttpSession session = (MockHttpSession) added.getRequest().getSession(false);
		assertThat(session).as("the cart's session").isNotNull();
		assertThat(this.mvc.perform(get(productPath()).session(session)).andReturn().getResponse().getContentAsString())
			.contains("Cart (2)");
	}

	@Test
	void theSharedFormWithTheTokenItsScriptCopiedFromTheCookieAddsToTheCart() throws Exception {
		// the token cookie a page of the visitor's own gave them (the sign-in page), read as /js/form-tokens.js
		// reads it: the cookie's value as it is
		Cookie token = this.mvc.perform(get("/sign-in")).andExpect(status().isOk()).andReturn().getResponse()
			.getCookie("XSRF-TOKEN");
		assertThat(token).isNotNull();
		String sku = sku();
		// the script puts it into the shared page's empty field; the request says nothing of the page it came from
		// (no Sec-Fetch-Site, Origin or Referer), or that it came from another site: only the token vouches for it
		this.mvc.perform(post("/xs/cart/lines").cookie(token).param("_csrf", token.getValue()).param("sku", sku)
				.param("quantity", "1"))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(post("/xs/cart/lines").cookie(token).header("Sec-Fetch-Site", "cross-site")
				.param("_csrf", token.getValue()).param("sku", sku).param("quantity", "1"))
			.andExpect(status().is3xxRedirection());
		// another site can fill the field with anything but the token, which it cannot read
		this.mvc.perform(post("/xs/cart/lines").cookie(token).header("Sec-Fetch-Site", "cross-site")
				.param("_csrf", "a-guess").param("sku", sku).param("quantity", "1"))
			.andExpect(status().isForbidden());
	}

	@Test
	void aGuestWithASessionStillNeedsATokenWhateverTheOrigin() throws Exception {
		MockHttpSession session = new MockHttpSession();
		this.mvc.perform(post("/xs/cart/lines").session(session).with(csrf()).param("sku", sku()).param("quantity", "1"))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(post("/xs/cart/lines").session(session)
				.header("Sec-Fetch-Site", "same-origin")
				.param("sku", sku())
				.param("quantity", "1"))
			.andExpect(status().isForbidden());
	}

	@Test
	void aStockChangePurgesTheProductsPageAndTheListingsFromTheSharedCache() {
		purges.clear();
		this.transactions.executeWithoutResult(status -> {
			this.fixtures.execute("UPDATE stock SET quantity = 0 WHERE variant_id = ?", this.variantId);
			this.events.publishEvent(new ProductChanged(this.productId));
		});
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(purges).anySatisfy(keys -> assertThat(keys.split(" "))
				.contains("product-" + this.slug, "listings")));
	}

	private MvcResult guestView(String path) throws Exception {
		return this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn();
	}

	private String sku() throws Exception {
		Matcher matcher = SKU_FIELD.matcher(guestView(productPath()).getResponse().getContentAsString());
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	private String productPath() {
		return "/xs/products/" + this.slug;
	}

}

package shop.podium.search;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import shop.podium.accounts.CurrentUser;
import shop.podium.accounts.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The search page as a fan's browser gets it: state in the URL, chips, JSON-LD, type-ahead, and a sensible
 * page for any input.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SearchPageTests {

	private static final Pattern JSON_LD = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>",
			Pattern.DOTALL);

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	SearchTestSupport shop;

	List<Long> products = new ArrayList<>();

	@BeforeEach
	void threeProducts() {
		this.shop = new SearchTestSupport(this.context).licensedMaker();
		this.shop.awaitReady();
		this.products.add(this.shop.product("Harbour " + this.shop.word + " Tee", 50, 2000, 1900, "S", "M"));
		this.products.add(this.shop.product("Lagoon " + this.shop.word + " Tee <b>bold</b>", 40, 3000, 2900, "M"));
		this.products.add(this.shop.product("Summit " + this.shop.word + " Hoodie", 30, 12000, 11000, "XL"));
		this.shop.changed(this.products);
		await().atMost(Duration.ofSeconds(20))
			.ignoreExceptions()
			.untilAsserted(() -> assertThat(this.shop.slugs("us", this.shop.word)).hasSize(3));
	}

	@Test
	void showsCountHighlightsChipsAndStructuredDataAllFromTheUrl() throws Exception {
		String html = page("/us/search?q=" + this.shop.word + "%20tee&size=M&licensee=" + this.shop.makerCode
				+ "&sort=price-desc");

		assertThat(html).contains("2 products for “" + this.shop.word + " tee”");
		assertThat(html).contains("<mark>" + this.shop.word + "</mark>");
		// the maker's markup is text, never HTML, even inside highlights
		assertThat(html).contains("&lt;b&gt;bold").doesNotContain("<b>bold");
		assertThat(html).contains("class=\"search-chip__remove\"");
		assertThat(html).contains("/us/search?q=" + this.shop.word + "%20tee&amp;licensee=" + this.shop.makerCode
				+ "&amp;sort=price-desc");
		Matcher ld = JSON_LD.matcher(html);
		assertThat(ld.find()).isTrue();
		JsonNode itemList = this.json.readTree(ld.group(1));
		assertThat(itemList.path("@type").asString()).isEqualTo("ItemList");
		assertThat(itemList.path("itemListElement")).hasSize(2);
		// price-desc: the Lagoon tee (30.00) before the Harbour tee (20.00)
		assertThat(itemList.path("itemListElement").get(0).path("url").asString())
			.endsWith("/us/products/" + this.shop.slugOf(this.products.get(1)));
	}

	@Test
	void markupInAListingsNameAndDescriptionIsInertWhetherOrNotTheQueryMarksIt() throws Exception {
		String payload = "<script>alert(1)</script> <img src=x onerror=alert(1)> <a href=\"javascript:alert(1)\">x</a>";
		long evil = this.shop.product("Quarry " + this.shop.word + " Cap " + payload, 20, 1500, 1400);
		this.jdbc.sql("UPDATE product_text SET description = ? WHERE product_id = ?")
			.params("Woven " + this.shop.word + " cotton " + payload, evil)
			.update();
		this.shop.changed(List.of(evil));
		await().atMost(Duration.ofSeconds(20))
			.ignoreExceptions()
			.untilAsserted(() -> assertThat(this.shop.slugs("us", this.shop.word)).hasSize(4));

		String marked = page("/us/search?q=" + this.shop.word + "%20quarry");
		assertThat(marked).contains("<mark>" + this.shop.word + "</mark>").contains("search-hit__snippet");
		String unmarked = page("/us/search?licensee=" + this.shop.makerCode + "&sort=price-asc");
		assertThat(unmarked).doesNotContain("<mark>");
		for (String html : List.of(marked, unmarked)) {
			assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
				.doesNotContain("<script>alert")
				.doesNotContain("<img src=x")
				.doesNotContain("<a href=\"javascript:")
				.doesNotContain("href=\"javascript:");
			// in every hit's name and snippet, the only tags are the marks
			Matcher shown = Pattern.compile("(?s)class=\"[^\"]*search-hit__(?:name|snippet)\">(.*?)</(?:h3|p)>").matcher(html);
			int hits = 0;
			while (shown.find()) {
				hits++;
				assertThat(shown.group(1).replaceAll("</?mark>", "")).as(shown.group(1)).doesNotContain("<");
			}
			assertThat(hits).isGreaterThanOrEqualTo(1);
		}
	}

	@Test
	void aSuspendedLicenseesProductsLeaveSearchAndComeBackWhenReinstated() throws Exception {
		var admin = authentication(new CurrentUser(1, "admin-search@example.com", "Admin", null, Set.of(Role.ADMIN))
			.toAuthentication());
		this.mvc.perform(post("/admin/licensees/{id}/suspend", this.shop.maker).with(admin).with(csrf()))
			.andExpect(status().is3xxRedirection());
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(page("/us/search?q=" + this.shop.word)).doesNotContain("search-hit__name"));
		assertThat(this.shop.slugs("eu", this.shop.word)).isEmpty();

		this.mvc.perform(post("/admin/licensees/{id}/reinstate", this.shop.maker).with(admin).with(csrf()))
			.andExpect(status().is3xxRedirection());
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(page("/us/search?q=" + this.shop.word)).contains("3 products for “" + this.shop.word));
	}

	@Test
	void offersTypeAheadAsAnHtmlFragment() throws Exception {
		String html = page("/us/search/suggest?q=summit%20" + this.shop.word.substring(0, 5));
		assertThat(html).contains("Summit " + this.shop.word + " Hoodie")
			.contains("/us/products/" + this.shop.slugOf(this.products.get(2)))
			.doesNotContain("<html");
		assertThat(page("/us/search/suggest")).doesNotContain("<li");
	}

	@Test
	void aQueryThatFindsNothingOffersACorrectionAndPopularProducts() throws Exception {
		String html = page("/us/search?q=qqqqxxxzzzz");
		assertThat(html).contains("Nothing found for").contains("Popular right now");
		String typo = page("/us/search?q=hoodei%20" + this.shop.word.substring(0, this.shop.word.length() - 1) + "x");
		assertThat(typo).contains("Summit " + this.shop.word);
	}

	@Test
	void anyInputGivesASensiblePage() throws Exception {
		for (String url : List.of("/us/search", "/us/search?q=", "/us/search?q=%22*%5C(", "/us/search?q=%22",
				"/us/search?q=)(%5D%5B%7B%7D~!%5E%3A", "/us/search?category=no-such-category&sport=nope&price=1-2",
				"/us/search?q=tee&page=10000", "/us/search?page=-3&sort=sideways", "/us/search?size=" + "x".repeat(500),
				"/us/search?q=" + "long%20".repeat(250), "/us/search/suggest?q=" + "a".repeat(2000),
				"/us/search/suggest?q=%22*%5C(")) {
			this.mvc.perform(get(URI.create(url))).andExpect(status().isOk());
		}
		assertThat(page("/us/search?q=" + "long".repeat(500))).contains("shortened to its first 200 characters");
		assertThat(page("/us/search?q=" + "long".repeat(2500))).as("a 10,000-character query")
			.contains("shortened to its first 200 characters");
		// longer addresses than any page needs are refused before they reach search, with the friendly 414 page
		this.mvc.perform(get(URI.create("/us/search?q=" + "long".repeat(5000)))).andExpect(status().isUriTooLong());
		String pastTheEnd = page("/us/search?q=" + this.shop.word + "&licensee=" + this.shop.makerCode + "&page=10000");
		assertThat(pastTheEnd).as("page 10,000 of three results: %s", countOf(pastTheEnd)).contains("3 products")
			.contains(this.shop.slugOf(this.products.get(0)));
		this.mvc.perform(get("/zz/search?q=tee")).andExpect(status().isNotFound());
	}

	@Test
	@WithMockUser(roles = "FAN")
	void onlyAdminsMayReindex() throws Exception {
		this.mvc.perform(post("/admin/search/reindex").with(csrf())).andExpect(status().isForbidden());
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void reindexNeedsTheCsrfToken() throws Exception {
		this.mvc.perform(post("/admin/search/reindex")).andExpect(status().isForbidden());
	}

	private static String countOf(String html) {
		Matcher count = Pattern.compile("search-page__count\">([^<]*)<").matcher(html);
		return (count.find() ? count.group(1) : "no count") + (html.contains("search-page__degraded") ? ", degraded" : "");
	}

	private String page(String url) throws Exception {
		return this.mvc.perform(get(URI.create(url))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

}

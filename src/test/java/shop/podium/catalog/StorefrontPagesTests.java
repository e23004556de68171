package shop.podium.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import shop.podium.core.web.GuestPageCache;
import shop.podium.licensing.LicenceGrants;
import shop.podium.regions.Regions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static shop.podium.catalog.CatalogFixtures.unique;

/**
 * The storefront pages as a fan's browser gets them, rendered from the real database.
 */
@SpringBootTest(properties = "podium.media.dir=target/test-media")
@AutoConfigureMockMvc
@Import(StatementCounting.class)
// until the shop's security configuration lets anonymous fans in, a signed-in fan does the browsing
@WithMockUser
class StorefrontPagesTests {

	private static final Pattern JSON_LD = Pattern.compile(
			"<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL);

	private static final Pattern CARD_NAME = Pattern.compile("class=\"product-card__name\">([^<]*)<");

	@Autowired
	@Qualifier("storefrontGuestPages")
	FilterRegistrationBean<?> keptPages;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Regions regions;

	@Autowired
	LicenceGrants grants;

	@Autowired
	JsonMapper json;

	CatalogFixtures fixtures;

	String category;

	long categoryId;

	String edition;

	long editionId;

	long maker;

	@BeforeEach
	void aLicensedMaker() {
		this.fixtures = new CatalogFixtures(this.jdbc, this.regions, this.grants);
		this.fixtures.region("xe", "EUR", "en", "INCLUSIVE", "0.2000", "VAT");
		this.fixtures.region("xu", "USD", "en", "EXCLUSIVE", "0.0000", "sales tax");
		this.fixtures.region("jp", "JPY", "ja", "INCLUSIVE", "0.1000", "consumption tax");
		this.category = unique("tees");
		this.categoryId = this.fixtures.category(this.category, true, "T-shirts");
		this.edition = unique("games");
		this.editionId = this.fixtures.edition(this.edition, "Test Games");
		this.maker = this.fixtures.licensee("Podium Apparel Co", "ACTIVE");
		this.fixtures.licence(this.maker, this.fixtures.today().minusDays(1), this.fixtures.today().plusDays(1), false,
				Set.of("xe", "xu", "jp"), Set.of(this.category), Set.of(this.edition));
	}

	@Test
	void unknownRegionIsNotFound() throws Exception {
		this.mvc.perform(get("/zz")).andExpect(status().isNotFound());
		this.mvc.perform(get("/zz/products/anything")).andExpect(status().isNotFound());
		this.mvc.perform(get("/zz/categories/" + this.category)).andExpect(status().isNotFound());
	}

	@Test
	void unknownProductOrListingIsNotFound() throws Exception {
		this.mvc.perform(get("/xe/products/no-such-product")).andExpect(status().isNotFound());
		this.mvc.perform(get("/xe/categories/no-such-category")).andExpect(status().isNotFound());
		this.mvc.perform(get("/xe/sports/no-such-sport")).andExpect(status().isNotFound());
	}

	@Test
	void productNotSoldInTheRegionIsNotFound() throws Exception {
		String slug = tee("Visitor tee", 2500, "xu", "USD", 3, List.of("M"));
		this.mvc.perform(get("/xu/products/" + slug)).andExpect(status().isOk());
		this.mvc.perform(get("/xe/products/" + slug)).andExpect(status().isNotFound());
	}

	@Test
	void productPageShowsPriceTaxVariantsAndStructuredData() throws Exception {
		String slug = unique("tee");
		long id = this.fixtures.product(slug, this.maker, this.categoryId, this.editionId, "APPROVED", 5,
				LocalDateTime.now(), "Finish line tee");
		this.fixtures.offer(id, "xe", 3900, "EUR", true);
		this.fixtures.stock(this.fixtures.variant(id, "S", 0), "xe", 0);
		this.fixtures.stock(this.fixtures.variant(id, "M", 1), "xe", 4);
		String html = page("/xe/products/" + slug);
		assertThat(html).contains("Finish line tee", "€39.00", "incl. VAT 20%", "By Podium Apparel Co",
				"class=\"breadcrumbs\"", "Test Games", "T-shirts", "S (sold out)");
		assertThat(html).containsPattern("value=\"[^\"]+\"\\s+disabled");
		JsonNode product = jsonLd("Product", html);
		assertThat(product.get("@type").asString()).isEqualTo("Product");
		assertThat(product.get("name").asString()).isEqualTo("Finish line tee");
		assertThat(product.get("brand").get("name").asString()).isEqualTo("Podium Apparel Co");
		assertThat(product.get("image").asString()).endsWith("/media/products/" + slug + ".svg");
		JsonNode offer = product.get("offers");
		assertThat(offer.get("price").asString()).isEqualTo("39.00");
		assertThat(offer.get("priceCurrency").asString()).isEqualTo("EUR");
		assertThat(offer.get("availability").asString()).isEqualTo("https://schema.org/InStock");
		assertThat(offer.get("url").asString()).endsWith("/xe/products/" + slug);
	}

	@Test
	void soldOutProductIsShownButMarkedOutOfStock() throws Exception {
		String slug = tee("Sold out tee", 3900, "xe", "EUR", 0, List.of("M"));
		String html = page("/xe/products/" + slug);
		assertThat(html).contains("Sold out");
		assertThat(jsonLd("Product", html).get("offers").get("availability").asString())
			.isEqualTo("https://schema.org/OutOfStock");
	}

	@Test
	void structuredDataCannotBreakOutOfItsScriptElement() throws Exception {
		String name = "Cap </script><script>alert(1)</script> & <!-- co";
		String slug = tee(name, 3900, "xe", "EUR", 2, List.of("M"));
		String html = page("/xe/products/" + slug);
		assertThat(html).doesNotContain("<script>alert(1)");
		assertThat(jsonLd("Product", html).get("name").asString()).isEqualTo(name);
	}

	@Test
	void usPricesArePlusTax() throws Exception {
		String slug = tee("Stars tee", 2500, "xu", "USD", 3, List.of("M"));
		assertThat(page("/xu/products/" + slug)).contains("$25.00", "plus tax").doesNotContain("incl.");
	}

	@Test
	void yenHaveNoDecimalsOnJapanesePages() throws Exception {
		String slug = tee("Rising sun tee", 4800, "jp", "JPY", 3, List.of("M"));
		String html = page("/jp/products/" + slug);
		assertThat(html).contains("lang=\"ja\"", "4,800", "税込").doesNotContain("4,800.").doesNotContain("4,800,0");
		JsonNode offer = jsonLd("Product", html).get("offers");
		assertThat(offer.get("price").asString()).isEqualTo("4800");
		assertThat(offer.get("priceCurrency").asString()).isEqualTo("JPY");
		assertThat(page("/jp/products/" + slug + "?lang=en")).contains("lang=\"en\"", "¥4,800");
	}

	@Test
	void theTaxIsNamedInTheReadersLanguageWhereTheRegionGivesItsLocalName() throws Exception {
		this.fixtures.region("xj", "JPY", "ja", "INCLUSIVE", "0.1000", "Consumption tax");
		this.jdbc.sql("UPDATE region SET tax_label_local = '消費税' WHERE code = 'xj'").update();
		this.regions.reload();
		this.fixtures.licence(this.maker, this.fixtures.today().minusDays(1), this.fixtures.today().plusDays(1), false,
				Set.of("xj"), Set.of(this.category), Set.of(this.edition));
		String slug = tee("Harbour lights tee", 4800, "xj", "JPY", 3, List.of("M"));

		assertThat(page("/xj/products/" + slug)).contains("税込（消費税 10%）").doesNotContain("Consumption tax");
		assertThat(page("/xj/products/" + slug + "?lang=en")).contains("incl. Consumption tax 10%").doesNotContain("消費税");
		assertThat(page("/xj/products/" + slug + "?lang=fr")).contains("Consumption tax 10 % incluse");
	}

	@Test
	void listingsPaginateTwentyFourAPageAndSort() throws Exception {
		for (int i = 1; i <= 30; i++) {
			// the most popular is the dearest; names run against prices
			tee(String.format("Tee %02d", 31 - i), 1000 + i * 100, "xe", "EUR", 1, List.of("M"), i);
		}
		String listing = "/xe/categories/" + this.category;
		List<String> first = cardNames(page(listing));
		assertThat(first).hasSize(24).startsWith("Tee 01", "Tee 02");
		assertThat(cardNames(page(listing + "?page=2"))).hasSize(6).endsWith("Tee 30");
		assertThat(page(listing)).contains("30 products", "Page 1 of 2", "rel=\"next\"");
		assertThat(cardNames(page(listing + "?sort=price-asc"))).startsWith("Tee 30", "Tee 29");
		assertThat(cardNames(page(listing + "?sort=price-desc"))).startsWith("Tee 01");
		assertThat(cardNames(page(listing + "?sort=name"))).startsWith("Tee 01", "Tee 02");
		assertThat(cardNames(page(listing + "?sort=newest"))).hasSize(24);
		JsonNode itemList = jsonLd("ItemList", page(listing + "?sort=price-asc"));
		assertThat(itemList.get("@type").asString()).isEqualTo("ItemList");
		assertThat(itemList.get("itemListElement")).hasSize(24);
		assertThat(itemList.get("itemListElement").get(0).get("name").asString()).isEqualTo("Tee 30");
		assertThat(itemList.get("itemListElement").get(0).get("position").asInt()).isEqualTo(1);
	}

	@Test
	void editionAndSportListingsShowOnlyTheirProducts() throws Exception {
		String sport = unique("rowing");
		long sportId = this.fixtures.sport(sport, "Rowing");
		String rowing = tee("Rowing tee", 2000, "xe", "EUR", 1, List.of("M"));
		this.fixtures.sportOf(this.jdbc.sql("SELECT id FROM product WHERE slug = ?").param(rowing).query(Long.class).single(),
				sportId);
		tee("Plain tee", 2100, "xe", "EUR", 1, List.of("M"));
		assertThat(cardNames(page("/xe/sports/" + sport))).containsExactly("Rowing tee");
		assertThat(cardNames(page("/xe/editions/" + this.edition + "?sort=name"))).containsExactly("Plain tee", "Rowing tee");
		assertThat(page("/xe/sports/" + sport)).contains("<h1 class=\"listing__heading\">Rowing</h1>");
	}

	@Test
	void malformedPagingFallsBackToSensibleDefaults() throws Exception {
		tee("Only tee", 2000, "xe", "EUR", 1, List.of("M"));
		String listing = "/xe/categories/" + this.category;
		for (String query : List.of("?page=abc", "?page=-3", "?page=0", "?page=99999999999999", "?sort=%3Cscript%3E",
				"?sort=", "?page=1e9&sort=price-asc%27")) {
			assertThat(cardNames(page(listing + query))).as(query).containsExactly("Only tee");
		}
		assertThat(cardNames(page(listing + "?page=7"))).as("past the end shows the last page")
			.containsExactly("Only tee");
	}

	@Test
	void emptyListingSaysSo() throws Exception {
		assertThat(page("/xe/categories/" + this.category)).contains("No products", "class=\"empty-state\"");
	}

	@Test
	void homeShowsPopularProductsAndWaysToBrowse() throws Exception {
		tee("Home tee", 2000, "xe", "EUR", 1, List.of("M"), 1_000_000);
		String html = page("/xe");
		assertThat(cardNames(html)).startsWith("Home tee");
		assertThat(html).contains("/xe/categories/" + this.category, "/xe/editions/" + this.edition,
				"Shop by sport");
		assertThat(jsonLd("ItemList", html).get("itemListElement")).isNotEmpty();
	}

	@Test
	void languageComesFromTheChoiceTheRegionOrTheBrowser() throws Exception {
		MvcResult chosen = this.mvc.perform(get("/xe?lang=fr")).andExpect(status().isOk()).andReturn();
		assertThat(chosen.getResponse().getContentAsString()).contains("lang=\"fr\"", "Produits officiels des Jeux");
		assertThat(chosen.getResponse().getHeaders(HttpHeaders.SET_COOKIE)).anyMatch(c -> c.startsWith("podium_lang=fr"));
		assertThat(this.mvc.perform(get("/xe").cookie(new Cookie("podium_lang", "zh-CN")))
			.andReturn().getResponse().getContentAsString()).contains("lang=\"zh-CN\"", "赛会官方商品");
		assertThat(page("/jp")).contains("lang=\"ja\"");
		assertThat(this.mvc.perform(get("/").header(HttpHeaders.ACCEPT_LANGUAGE, "de-DE,ko;q=0.8"))
			.andReturn().getResponse().getContentAsString()).contains("lang=\"ko\"");
		assertThat(page("/")).contains("lang=\"en\"", "Where are you shopping?");
		assertThat(page("/xe?lang=de")).as("unsupported choice is ignored").contains("lang=\"en\"");
	}

	@Test
	void regionChooserOffersTheRememberedRegion() throws Exception {
		MvcResult visit = this.mvc.perform(get("/xe")).andExpect(status().isOk()).andReturn();
		assertThat(visit.getResponse().getHeaders(HttpHeaders.SET_COOKIE)).anyMatch(c -> c.startsWith("podium_region=xe"));
		assertThat(page("/")).doesNotContain("region-chooser__continue").contains("href=\"/xe\"");
		String html = this.mvc.perform(get("/").cookie(new Cookie("podium_region", "xe")))
			.andReturn().getResponse().getContentAsString();
		assertThat(html).contains("region-chooser__continue", "Continue to", "region-list__item--remembered");
		assertThat(this.mvc.perform(get("/").cookie(new Cookie("podium_region", "<x>")))
			.andReturn().getResponse().getContentAsString()).doesNotContain("region-chooser__continue");
	}

	@Test
	void pagesRunAFixedSmallNumberOfStatements() throws Exception {
		for (int i = 0; i < 30; i++) {
			tee("Counted tee " + i, 1000 + i, "xe", "EUR", i % 2, List.of("S", "M", "L"));
		}
		String slug = tee("Counted product", 2000, "xe", "EUR", 1, List.of("S", "M", "L", "XL"));
		page("/xe");
		assertThat(statementsOf("/xe/categories/" + this.category)).as("listing page").hasSize(3);
		assertThat(statementsOf("/xe/categories/" + this.category + "?page=2&sort=price-desc"))
			.as("second listing page").hasSize(3);
		// the product and its variants, and the licensee's name from licensing's API (not a join on its table), once
		// the other regions' lists of product pages (its hreflang alternates, kept for minutes) have been read
		page("/xe/products/" + slug);
		assertThat(statementsOf("/xe/products/" + slug)).as("product page").hasSize(3);
		assertThat(statementsOf("/xe")).as("home page").hasSize(3);
	}

	/**
	 * The statements the page runs besides reading the day's licence grants: those are kept until a licence changes
	 * (LicenceGrantsTests), and a licence change another test published may be retried in the background at any
	 * moment, emptying them.
	 */
	private List<String> statementsOf(String url) throws Exception {
		// what rendering the page costs, not serving it again from the pages kept (GuestPagesTests)
		((GuestPageCache) this.keptPages.getFilter()).clear();
		StatementCounting.start();
		page(url);
		return StatementCounting.stopWithStatements()
			.stream()
			.filter(sql -> !sql.contains("licence_territory"))
			.toList();
	}

	@Test
	void imagesAreServedSafely() throws Exception {
		Path products = Path.of("target/test-media/products");
		Files.createDirectories(products);
		Files.writeString(products.resolve("safe-cap.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
		Files.writeString(products.resolve("page.html"), "<html></html>");
		this.mvc.perform(get("/media/products/safe-cap.svg"))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.CONTENT_TYPE, "image/svg+xml"))
			.andExpect(header().string("Content-Security-Policy",
					"default-src 'none'; style-src 'unsafe-inline'; sandbox"))
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, "max-age=31536000, public"));
		this.mvc.perform(get("/media/products/page.html")).andExpect(status().isNotFound());
		this.mvc.perform(get("/media/products/missing.png")).andExpect(status().isNotFound());
		this.mvc.perform(get("/media/products/..%2F..%2Fpom.xml")).andExpect(status().is4xxClientError());
		this.mvc.perform(get("/media/products/.hidden.svg")).andExpect(status().isNotFound());
	}

	String tee(String name, long priceMinor, String region, String currency, int stock, List<String> sizes)
			throws Exception {
		return tee(name, priceMinor, region, currency, stock, sizes, 0);
	}

	String tee(String name, long priceMinor, String region, String currency, int stock, List<String> sizes,
			int popularity) {
		String slug = unique("tee");
		long id = this.fixtures.product(slug, this.maker, this.categoryId, this.editionId, "APPROVED", popularity,
				LocalDateTime.now().minusMinutes(popularity), name);
		this.fixtures.offer(id, region, priceMinor, currency, true);
		for (int i = 0; i < sizes.size(); i++) {
			this.fixtures.stock(this.fixtures.variant(id, sizes.get(i), i), region, stock);
		}
		return slug;
	}

	String page(String url) throws Exception {
		return this.mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	/** The page's structured data of that type (a page may also carry its breadcrumbs and the organisation). */
	JsonNode jsonLd(String type, String html) {
		return jsonLd(html).stream()
			.filter(node -> node.has("@type") && type.equals(node.get("@type").asString()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no JSON-LD " + type + " on the page"));
	}

	List<JsonNode> jsonLd(String html) {
		List<JsonNode> nodes = new ArrayList<>();
		Matcher matcher = JSON_LD.matcher(html);
		while (matcher.find()) {
			nodes.add(this.json.readTree(matcher.group(1)));
		}
		assertThat(nodes).as("JSON-LD on the page").isNotEmpty();
		return nodes;
	}

	static List<String> cardNames(String html) {
		List<String> names = new ArrayList<>();
		Matcher matcher = CARD_NAME.matcher(html);
		while (matcher.find()) {
			names.add(org.springframework.web.util.HtmlUtils.htmlUnescape(matcher.group(1)));
		}
		return names;
	}

}

package shop.podium.sitemap;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import shop.podium.catalog.CatalogFixtures;
import shop.podium.licensing.LicenceGrants;
import shop.podium.regions.Regions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A search engine, signed in as nobody, reads robots.txt, the sitemap index and a region's sitemap in each of its
 * languages, which lists the products sold there and none that are not.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SitemapTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Regions regions;

	@Autowired
	LicenceGrants grants;

	String sold;

	String notSoldHere;

	@BeforeEach
	void productsInTwoRegions() {
		CatalogFixtures catalog = new CatalogFixtures(this.jdbc, this.regions, this.grants);
		catalog.region("xm", "JPY", "ja", "INCLUSIVE", "0.1000", "Consumption tax");
		this.jdbc.sql("UPDATE region SET supported_locales = 'ja|en' WHERE code = 'xm'").update();
		this.regions.reload();
		long licensee = catalog.licensee("Sitemap Goods", "ACTIVE");
		String category = CatalogFixtures.unique("cat");
		String edition = CatalogFixtures.unique("ed");
		long categoryId = catalog.category(category, false, "Mugs");
		long editionId = catalog.edition(edition, "Tokyo");
		LocalDate today = catalog.today();
		catalog.licence(licensee, today.minusDays(1), today.plusYears(1), false, Set.of("xm"), Set.of(category),
				Set.of(edition));
		this.sold = CatalogFixtures.unique("sold-mug");
		long soldId = catalog.product(this.sold, licensee, categoryId, editionId, "APPROVED", 0, LocalDateTime.now(), "Mug");
		catalog.offer(soldId, "xm", 1200, "JPY", true);
		this.notSoldHere = CatalogFixtures.unique("draft-mug");
		long draft = catalog.product(this.notSoldHere, licensee, categoryId, editionId, "DRAFT", 0, LocalDateTime.now(), "Mug");
		catalog.offer(draft, "xm", 1200, "JPY", true);
	}

	@Test
	void robotsNamesTheSitemapAndKeepsCrawlersOutOfPrivatePages() throws Exception {
		String robots = this.mvc.perform(get("/robots.txt")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(robots).contains("Sitemap: http://localhost/sitemap.xml").contains("Disallow: /account")
			.contains("Disallow: /*/checkout");
	}

	@Test
	void theIndexListsOneSitemapPerRegionAndLanguage() throws Exception {
		String index = this.mvc.perform(get("/sitemap.xml")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(index).contains("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">")
			.contains("<loc>http://localhost/sitemaps/xm/ja.xml</loc>")
			.contains("<loc>http://localhost/sitemaps/xm/en.xml</loc>")
			.doesNotContain("/sitemaps/xm/fr.xml");
	}

	@Test
	void aRegionsSitemapListsWhatItSellsInThatLanguage() throws Exception {
		String japanese = this.mvc.perform(get("/sitemaps/xm/ja.xml")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(japanese).contains("<loc>http://localhost/xm/products/" + this.sold + "</loc>")
			.contains("<xhtml:link rel=\"alternate\" hreflang=\"en-XM\" href=\"http://localhost/xm/products/"
					+ this.sold + "?lang=en\"")
			.doesNotContain(this.notSoldHere);
		String english = this.mvc.perform(get("/sitemaps/xm/en.xml")).andReturn().getResponse().getContentAsString();
		assertThat(english).contains("<loc>http://localhost/xm/products/" + this.sold + "?lang=en</loc>");
		this.mvc.perform(get("/sitemaps/xm/fr.xml")).andExpect(status().isNotFound());
	}

	@Test
	void aProductPageNamesItsOneAddressItsOtherLanguagesAndItsBreadcrumbs() throws Exception {
		String page = this.mvc.perform(get("/xm/products/" + this.sold).param("lang", "en")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		String address = "http://localhost/xm/products/" + this.sold;
		assertThat(page).contains("<link rel=\"canonical\" href=\"" + address + "?lang=en\">")
			.contains("<link rel=\"alternate\" hreflang=\"ja-XM\" href=\"" + address + "\">")
			.contains("<link rel=\"alternate\" hreflang=\"en-XM\" href=\"" + address + "?lang=en\">")
			.contains("<meta name=\"description\" content=\"About Mug\">")
			.contains("<meta property=\"og:type\" content=\"product\">")
			.contains("<meta property=\"og:url\" content=\"" + address + "?lang=en\">")
			.contains("\"@type\":\"BreadcrumbList\"")
			.contains("{\"@type\":\"ListItem\",\"position\":4,\"name\":\"Mug\",\"item\":\"" + address + "\"}");
	}

	@Test
	void theHomePageSaysWhoRunsTheShopAndLinksEveryRegion() throws Exception {
		String home = this.mvc.perform(get("/xm").param("lang", "ja")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(home).contains("<link rel=\"canonical\" href=\"http://localhost/xm\">")
			.contains("\"@type\":\"Organization\"")
			.contains("hreflang=\"x-default\" href=\"http://localhost/\"")
			.containsPattern("<meta name=\"description\" content=\"[^\"]{20,}\">");
	}

}

package shop.podium.catalog;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

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
 * The CSV screens as a licensee uses them over HTTP: the template, a dry run that lists each problem with its row
 * and writes nothing, applying a checked file, and the export, whose formula cells are neutralised. SKUs and stems
 * that are taken — twice in one file, or another licensee's — are refused with their rows, and another licensee's
 * listings are left exactly as they were.
 */
@SpringBootTest(properties = "podium.media.dir=target/test-media")
@AutoConfigureMockMvc
class ListingCsvWebTests {

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

	Authentication staff;

	@BeforeEach
	void aLicensedMaker() {
		this.world = new PortalFixtures(this.jdbc, this.regions, this.grants);
		this.maker = this.world.licensee("Csv Web " + CatalogFixtures.unique("m"));
		this.staff = PortalFixtures.staffOf(this.maker);
	}

	@Test
	void theTemplateIsACsvWithTheImportHeader() throws Exception {
		MockHttpServletResponse template = this.mvc.perform(get("/licensee/listings/import/template")
				.with(authentication(this.staff)))
			.andExpect(status().isOk())
			.andReturn().getResponse();
		assertThat(template.getContentType()).startsWith("text/csv");
		assertThat(template.getHeader("Content-Disposition")).contains("attachment")
			.contains("podium-listings-template.csv");
		assertThat(template.getContentAsString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow()
			.replace("\uFEFF", "")).isEqualTo(String.join(",", ListingCsv.HEADER));
	}

	@Test
	void aDryRunListsEachProblemWithItsRowAndWritesNothing() throws Exception {
		String stem = stem();
		String page = dryRun(new MockHttpSession(), file(row(stem, stem + "-1", "Cap", "gb", "20.00", "EUR", "3"),
				row(stem, stem + "-2", "Cap", "gb", "20.00", "GBP", "-1"),
				row(stem, stem + "-1", "Cap", "au", "30.00", "AUD", "1"),
				row(stem, stem + "-3", "Cap", "us", "30.00", "USD", "1")));
		assertThat(page).contains("3 problems")
			.contains("Nothing was applied.")
			.contains("<td>2</td><td>The price is in EUR, but this region sells in GBP.</td>")
			.contains("<td>3</td><td>Stock cannot be negative (-1).</td>")
			.contains("<td>5</td><td>Region us is not in your licence (territory).</td>")
			.doesNotContain("id=\"import-ready\"");
		assertThat(productsWithStem(stem)).isZero();
	}

	@Test
	void aCheckedFileIsAppliedWholeAndItsExportNeutralisesFormulas() throws Exception {
		String stem = stem();
		MockHttpSession session = new MockHttpSession();
		String page = dryRun(session, file(row(stem, stem + "-M", "=HYPERLINK(\"\"http://evil.example\"\",\"\"Win\"\")",
				"gb", "19.50", "GBP", "4"), row(stem, stem + "-M", "=HYPERLINK(\"\"http://evil.example\"\",\"\"Win\"\")",
						"au", "35.00", "AUD", "2")));
		assertThat(page).contains("The file is ready").contains("2 rows: 1 listings (1 new), 1 variants, 2 regional offers.");
		String token = page.replaceAll("(?s).*name=\"token\" value=\"([^\"]+)\".*", "$1");
		assertThat(productsWithStem(stem)).as("a dry run writes nothing").isZero();

		this.mvc.perform(post("/licensee/listings/import/apply").with(csrf()).with(authentication(this.staff))
				.session(session).param("token", token))
			.andExpect(redirectedUrl("/licensee/listings"));
		assertThat(productsWithStem(stem)).isOne();
		assertThat(this.jdbc.sql("""
				SELECT CONCAT(p.status, ' ', p.licensee_id, ' ', o.region_code, ' ', o.price_minor, ' ', o.currency, ' ', s.quantity)
				FROM product p JOIN variant v ON v.product_id = p.id JOIN offer o ON o.product_id = p.id
				JOIN stock s ON s.variant_id = v.id AND s.region_code = o.region_code
				WHERE p.sku_stem = ? ORDER BY o.region_code""").param(stem).query(String.class).list())
			.containsExactly("DRAFT " + this.maker + " au 3500 AUD 2", "DRAFT " + this.maker + " gb 1950 GBP 4");
		// the same token again applies nothing twice
		this.mvc.perform(post("/licensee/listings/import/apply").with(csrf()).with(authentication(this.staff))
				.session(session).param("token", token))
			.andExpect(status().isNotFound());

		MockHttpServletResponse export = this.mvc.perform(get("/licensee/listings/export").with(authentication(this.staff)))
			.andExpect(status().isOk())
			.andReturn().getResponse();
		assertThat(export.getHeader("Content-Disposition")).contains("attachment").contains("podium-listings.csv");
		String csv = export.getContentAsString(StandardCharsets.UTF_8);
		List<String> mine = csv.lines().filter(l -> l.startsWith(stem)).toList();
		assertThat(mine).hasSize(2).allSatisfy(line -> assertThat(line).contains("'=HYPERLINK(")
			.doesNotContain(",=HYPERLINK").doesNotContain(",\"=HYPERLINK"));
	}

	@Test
	void aSkuTwiceInAFileIsRefusedWithItsRowsAndNothingIsWritten() throws Exception {
		String first = stem();
		String second = stem();
		String page = dryRun(new MockHttpSession(), file(row(first, first + "-M", "Cap", "gb", "20.00", "GBP", "3"),
				row(second, first + "-M", "Mug", "gb", "8.00", "GBP", "3"),
				row(first, first + "-L", "Cap", "gb", "20.00", "GBP", "1"),
				row(first, first + "-L", "Cap", "gb", "20.00", "GBP", "2")));
		assertThat(page).contains("<td>3</td><td>SKU " + first + "-M appears under two listings in the file.</td>")
			.contains("<td>5</td><td>SKU " + first + "-L in region gb appears twice.</td>")
			.doesNotContain("id=\"import-ready\"");
		assertThat(productsWithStem(first) + productsWithStem(second)).isZero();
	}

	@Test
	void aCsvNamingAnotherLicenseesStemOrSkuIsRefusedAndTheirListingsStayAsTheyWere() throws Exception {
		long rival = this.world.licensee("Rival " + CatalogFixtures.unique("r"));
		long theirs = this.world.rows.product(CatalogFixtures.unique("p"), rival, this.world.categoryId,
				this.world.editionId, "APPROVED", 1, LocalDateTime.now(), "Rival Cap");
		long variant = this.world.rows.variant(theirs, "M", 1);
		this.world.rows.offer(theirs, "gb", 2500, "GBP", true);
		this.world.rows.stock(variant, "gb", 9);
		String theirStem = this.jdbc.sql("SELECT sku_stem FROM product WHERE id = ?").param(theirs).query(String.class).single();
		String theirSku = this.jdbc.sql("SELECT sku FROM variant WHERE id = ?").param(variant).query(String.class).single();
		String before = snapshot(rival);

		String stolenStem = dryRun(new MockHttpSession(), file(row(theirStem, theirStem + "-NEW", "Hijacked", "gb", "1.00", "GBP", "0")));
		assertThat(stolenStem).contains("<td>2</td><td>SKU stem " + theirStem + " is already used.</td>")
			.doesNotContain("id=\"import-ready\"").doesNotContain("Rival Cap");
		String mine = stem();
		String stolenSku = dryRun(new MockHttpSession(), file(row(mine, theirSku, "Hijacked", "gb", "1.00", "GBP", "0")));
		assertThat(stolenSku).contains("<td>2</td><td>SKU " + theirSku + " is already used.</td>")
			.doesNotContain("id=\"import-ready\"");
		// no checked file, no apply: a made-up token is not found
		this.mvc.perform(post("/licensee/listings/import/apply").with(csrf()).with(authentication(this.staff))
				.param("token", "made-up"))
			.andExpect(status().isNotFound());

		assertThat(snapshot(rival)).isEqualTo(before);
		assertThat(productsWithStem(mine)).isZero();
		assertThat(this.mvc.perform(get("/licensee/listings/export").with(authentication(this.staff)))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain(theirStem)
			.doesNotContain(theirSku);
	}

	private String dryRun(MockHttpSession session, byte[] file) throws Exception {
		return this.mvc.perform(multipart("/licensee/listings/import")
				.file(new MockMultipartFile("file", "listings.csv", "text/csv", file))
				.with(csrf())
				.with(authentication(this.staff))
				.session(session))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private String row(String stem, String sku, String name, String region, String price, String currency, String stock) {
		return String.join(",", stem, this.world.category, this.world.edition, "", "\"" + name + "\"", "About", "", "",
				"", "", "", "", "", "", sku, "M", "White", region, price, currency, "true", stock);
	}

	private static byte[] file(String... rows) {
		return (String.join(",", ListingCsv.HEADER) + "\r\n" + String.join("\r\n", rows) + "\r\n")
			.getBytes(StandardCharsets.UTF_8);
	}

	private static String stem() {
		return CatalogFixtures.unique("W").toUpperCase();
	}

	private long productsWithStem(String stem) {
		return this.jdbc.sql("SELECT COUNT(*) FROM product WHERE sku_stem = ?").param(stem).query(Long.class).single();
	}

	/** Everything of the licensee's listings an import could change. */
	private String snapshot(long licenseeId) {
		return this.jdbc.sql("""
				SELECT CONCAT_WS('|', p.id, p.sku_stem, p.status, p.version, t.name, t.description, v.sku, v.size,
				  v.colour, o.region_code, o.price_minor, o.active, o.version, s.quantity, s.version)
				FROM product p
				LEFT JOIN product_text t ON t.product_id = p.id
				LEFT JOIN variant v ON v.product_id = p.id
				LEFT JOIN offer o ON o.product_id = p.id
				LEFT JOIN stock s ON s.variant_id = v.id AND s.region_code = o.region_code
				WHERE p.licensee_id = ? ORDER BY p.id, t.locale, v.id, o.region_code""")
			.param(licenseeId)
			.query(String.class)
			.list()
			.toString();
	}

}

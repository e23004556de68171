package shop.podium.catalog;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import shop.podium.accounts.AuditEntry;
import shop.podium.accounts.AuditLog;
import shop.podium.licensing.LicenceGrants;
import shop.podium.regions.Regions;

import static org.assertj.core.api.Assertions.assertThat;

/** The listing CSV against the real database: bad files refused with their rows, good ones applied whole. */
@SpringBootTest(properties = "podium.media.dir=target/test-media")
class ListingCsvTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Regions regions;

	@Autowired
	LicenceGrants grants;

	@Autowired
	ListingImport imports;

	@Autowired
	ListingImportWriter writer;

	@Autowired
	ListingExport export;

	@Autowired
	AuditLog audit;

	PortalFixtures world;

	long maker;

	@BeforeEach
	void aLicensedMaker() {
		this.world = new PortalFixtures(this.jdbc, this.regions, this.grants);
		this.maker = this.world.licensee("Csv " + CatalogFixtures.unique("m"));
	}

	String row(String stem, String sku, String name, String region, String price, String currency, String stock) {
		return String.join(",", stem, this.world.category, this.world.edition, "", "\"" + name + "\"", "About", "", "", "", "",
				"", "", "", "", sku, "M", "White", region, price, currency, "true", stock);
	}

	byte[] file(List<String> rows) {
		return (String.join(",", ListingCsv.HEADER) + "\r\n" + String.join("\r\n", rows) + "\r\n").getBytes(StandardCharsets.UTF_8);
	}

	List<String> problems(byte[] file) {
		return this.imports.check(this.maker, file).problems().stream().map(p -> p.row() + ":" + p.messageKey()).toList();
	}

	@Test
	void badRowsAreNamedWithTheirRowNumbersAndNothingIsApplied() {
		String stem = CatalogFixtures.unique("S").toUpperCase();
		assertThat(problems(file(List.of(row(stem, stem + "-1", "Cap", "gb", "20.00", "EUR", "3"),
				row(stem, stem + "-2", "Cap", "gb", "20.00", "GBP", "-1"),
				row(stem, stem + "-1", "Cap", "au", "30.00", "AUD", "1"),
				row(stem, stem + "-3", "Cap", "us", "30.00", "USD", "1")))))
			.containsExactly("2:portal.offer.price.currency", "3:portal.offer.stock.negative",
					"5:portal.licence.TERRITORY");
	}

	@Test
	void aPriceWithADecimalCommaIsReadAsDecimalsAndAnAmbiguousOneIsRefused() {
		// a spreadsheet in French writes 12,50: twelve pounds fifty, never 1250 pounds
		String stem = CatalogFixtures.unique("D").toUpperCase();
		ListingImport.Plan plan = this.imports.check(this.maker,
				file(List.of(row(stem, stem + "-M", "Cap", "gb", "\"12,50\"", "GBP", "3"))));
		assertThat(plan.problems()).isEmpty();
		assertThat(plan.listings().getFirst().offers().values()).extracting(ListingImport.PlannedOffer::price)
			.containsExactly(shop.podium.core.Money.ofMinor(1250, "GBP"));
		// "1,250": 1.25 written the French way or 1250 the English way; the file names no language to decide
		assertThat(problems(file(List.of(row(stem, stem + "-M", "Cap", "gb", "\"1,250\"", "GBP", "3")))))
			.containsExactly("2:core.amount.ambiguous");
	}

	@Test
	void aWrongHeaderAMixedEncodingAndTooManyRowsAreRefused() {
		assertThat(problems("name,price\r\nx,1\r\n".getBytes(StandardCharsets.UTF_8))).containsExactly("1:portal.import.header");
		byte[] good = file(List.of(row("AB-1", "AB-1-M", "Caf\u00e9", "gb", "1.00", "GBP", "1")));
		byte[] mixed = concat(good, "AB-2,x,x,,Caf".getBytes(StandardCharsets.US_ASCII), new byte[] { (byte) 0xE9 });
		assertThat(problems(mixed)).containsExactly("3:portal.import.encoding");
		StringBuilder big = new StringBuilder(String.join(",", ListingCsv.HEADER)).append("\r\n");
		String line = row("BIG-1", "BIG-1-M", "Cap", "", "", "", "") + "\r\n";
		big.append(line.repeat(100_000));
		assertThat(problems(big.toString().getBytes(StandardCharsets.UTF_8))).containsExactly("0:portal.import.tooManyRows");
	}

	@Test
	void aBomIsDroppedAndFormulasAreNeutralisedOnExport() throws Exception {
		String stem = CatalogFixtures.unique("F").toUpperCase();
		byte[] withBom = concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF },
				file(List.of(row(stem, stem + "-M", "=HYPERLINK(\"\"http://evil\"\")", "gb", "9.50", "GBP", "4"))));
		ListingImport.Plan plan = this.imports.check(this.maker, withBom);
		assertThat(plan.problems()).isEmpty();
		this.writer.apply(this.maker, plan);
		StringWriter out = new StringWriter();
		this.export.write(this.maker, out);
		assertThat(out.toString()).contains("'=HYPERLINK").doesNotContain(",=HYPERLINK");
	}

	@Test
	void anImportAuditsEveryOfferWhosePriceItChangesWithItsBeforeAndAfter() {
		String cap = CatalogFixtures.unique("P").toUpperCase();
		String mug = CatalogFixtures.unique("P").toUpperCase();
		List<String> first = List.of(row(cap, cap + "-M", "Cap", "gb", "25.00", "GBP", "5"),
				row(cap, cap + "-M", "Cap", "au", "45.00", "AUD", "5"), row(mug, mug + "-M", "Mug", "gb", "12.00", "GBP", "5"));
		this.writer.apply(this.maker, this.imports.check(this.maker, file(first)));
		long capId = productId(cap);
		long mugId = productId(mug);
		assertThat(this.audit.historyOf("Offer", capId + "/gb")).singleElement().satisfies(entry -> {
			assertThat(entry.action()).isEqualTo("OFFER_IMPORTED");
			assertThat(entry.detail()).isEqualTo("{\"before\":null,\"after\":{\"price\":\"25.00 GBP\",\"active\":true}}");
		});

		// the cap is cheaper in gb, the rest of the file is what is already stored (stock changes too)
		List<String> second = List.of(row(cap, cap + "-M", "Cap", "gb", "22.00", "GBP", "9"),
				row(cap, cap + "-M", "Cap", "au", "45.00", "AUD", "9"), row(mug, mug + "-M", "Mug", "gb", "12.00", "GBP", "9"));
		ListingImport.Plan plan = this.imports.check(this.maker, file(second));
		assertThat(plan.problems()).isEmpty();
		this.writer.apply(this.maker, plan);

		assertThat(this.jdbc.sql("SELECT price_minor FROM offer WHERE product_id = ? AND region_code = 'gb'").param(capId)
			.query(Long.class).single()).isEqualTo(2200);
		assertThat(this.audit.historyOf("Offer", capId + "/gb")).hasSize(2).last().satisfies(entry -> {
			assertThat(entry.action()).isEqualTo("OFFER_IMPORTED");
			assertThat(entry.detail()).isEqualTo("{\"before\":{\"price\":\"25.00 GBP\",\"active\":true},"
					+ "\"after\":{\"price\":\"22.00 GBP\",\"active\":true}}");
		});
		assertThat(this.audit.historyOf("Offer", capId + "/au")).hasSize(1);
		assertThat(this.audit.historyOf("Offer", mugId + "/gb")).hasSize(1);
		assertThat(this.audit.historyOf("Licensee", this.maker)).extracting(AuditEntry::action)
			.containsExactly("LISTINGS_IMPORTED", "LISTINGS_IMPORTED");
	}

	long productId(String stem) {
		return this.jdbc.sql("SELECT id FROM product WHERE sku_stem = ?").param(stem).query(Long.class).single();
	}

	@Test
	void tenThousandRowsImportInSeconds() {
		StringBuilder rows = new StringBuilder(String.join(",", ListingCsv.HEADER)).append("\r\n");
		String prefix = CatalogFixtures.unique("K").toUpperCase();
		for (int p = 0; p < 2500; p++) {
			for (int v = 0; v < 2; v++) {
				for (String[] offer : new String[][] { { "gb", "25.00", "GBP" }, { "au", "45.00", "AUD" } }) {
					rows.append(row(prefix + "-" + p, prefix + "-" + p + "-" + v, "Cap " + p, offer[0], offer[1], offer[2], "5")).append("\r\n");
				}
			}
		}
		long start = System.nanoTime();
		ListingImport.Plan plan = this.imports.check(this.maker, rows.toString().getBytes(StandardCharsets.UTF_8));
		long checked = System.nanoTime();
		assertThat(plan.problems()).isEmpty();
		this.writer.apply(this.maker, plan);
		long applied = System.nanoTime();
		System.out.printf("CSV import of %d rows: dry run %d ms, apply %d ms%n", plan.rows(), (checked - start) / 1_000_000,
				(applied - checked) / 1_000_000);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM stock s JOIN variant v ON v.id = s.variant_id JOIN product p ON p.id = v.product_id WHERE p.licensee_id = ?")
			.param(this.maker).query(Long.class).single()).isEqualTo(10_000);
	}

	static byte[] concat(byte[]... parts) {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

}

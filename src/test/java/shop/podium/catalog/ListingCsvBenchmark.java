package shop.podium.catalog;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import shop.podium.licensing.LicenceGrants;
import shop.podium.regions.Regions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Times the listing CSV on 10,000 rows (2,500 listings × 2 variants × 2 regions): the dry run, the apply, and
 * the same rows entered one listing at a time through the services the listing screens use. Not a test (its
 * name keeps it out of {@code ./mvnw verify}); run it on its own, see docs/benchmarks/licensee-csv.md.
 */
@SpringBootTest(properties = "podium.media.dir=target/test-media")
class ListingCsvBenchmark {

	static final int LISTINGS = Integer.getInteger("benchmark.listings", 2500);

	static final int ROUNDS = Integer.getInteger("benchmark.rounds", 3);

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
	ListingEditor editor;

	@Autowired
	Inventory inventory;

	@Test
	void tenThousandRows() {
		PortalFixtures world = new PortalFixtures(this.jdbc, this.regions, this.grants);
		warmUp(world);
		System.out.printf("%nBENCHMARK rows=%d rounds=%d cores=%d%n", LISTINGS * 4, ROUNDS,
				Runtime.getRuntime().availableProcessors());
		for (int round = 1; round <= ROUNDS; round++) {
			long csvMaker = world.licensee("Bench csv " + CatalogFixtures.unique("m"));
			String prefix = CatalogFixtures.unique("B").toUpperCase();
			long auditedBefore = lastAuditEntry();
			byte[] file = file(world, prefix, LISTINGS, "25.00", "45.00");
			long start = System.nanoTime();
			ListingImport.Plan plan = this.imports.check(csvMaker, file);
			long checked = System.nanoTime();
			assertThat(plan.problems()).isEmpty();
			this.writer.apply(csvMaker, plan);
			long applied = System.nanoTime();

			// the same file again with every price changed: 5,000 offers whose before and after are audited
			ListingImport.Plan repriced = this.imports.check(csvMaker, file(world, prefix, LISTINGS, "26.00", "46.00"));
			long repriceChecked = System.nanoTime();
			assertThat(repriced.problems()).isEmpty();
			this.writer.apply(csvMaker, repriced);
			long repriceApplied = System.nanoTime();
			long offerAuditEntries = offerAuditEntriesSince(auditedBefore);

			long oneByOneMaker = world.licensee("Bench one " + CatalogFixtures.unique("m"));
			long oneStart = System.nanoTime();
			oneAtATime(world, oneByOneMaker, CatalogFixtures.unique("O").toUpperCase(), LISTINGS);
			long oneEnd = System.nanoTime();
			assertThat(stockRows(csvMaker)).isEqualTo(LISTINGS * 4L);
			assertThat(stockRows(oneByOneMaker)).isEqualTo(LISTINGS * 4L);
			System.out.printf("BENCHMARK round %d: csv dry run %d ms, csv apply %d ms, re-price dry run %d ms, re-price apply %d ms, "
					+ "one listing at a time %d ms, offer audit entries %d%n", round, ms(checked - start),
					ms(applied - checked), ms(repriceChecked - applied), ms(repriceApplied - repriceChecked),
					ms(oneEnd - oneStart), offerAuditEntries);
		}
	}

	private void warmUp(PortalFixtures world) {
		long maker = world.licensee("Bench warm " + CatalogFixtures.unique("m"));
		this.writer.apply(maker, this.imports.check(maker, file(world, CatalogFixtures.unique("W").toUpperCase(), 200, "25.00", "45.00")));
		oneAtATime(world, world.licensee("Bench warm " + CatalogFixtures.unique("m")),
				CatalogFixtures.unique("WO").toUpperCase(), 50);
	}

	/** What a licensee without the CSV does: create, add two variants, set two offers with their stock. */
	private void oneAtATime(PortalFixtures world, long maker, String prefix, int listings) {
		for (int p = 0; p < listings; p++) {
			long product = this.editor.create(maker, new ListingForm(prefix + "-" + p, world.category, world.edition,
					List.of(), "Cap " + p, "About", "", "", "", "", "", "", "", ""));
			long v0 = this.inventory.addVariant(maker, product, new VariantForm(prefix + "-" + p + "-0", "M", "White"));
			long v1 = this.inventory.addVariant(maker, product, new VariantForm(prefix + "-" + p + "-1", "M", "White"));
			this.inventory.saveOffer(maker, product, "gb", "25.00", java.util.Locale.ENGLISH, true, Map.of(v0, "5", v1, "5"));
			this.inventory.saveOffer(maker, product, "au", "45.00", java.util.Locale.ENGLISH, true, Map.of(v0, "5", v1, "5"));
		}
	}

	private static byte[] file(PortalFixtures world, String prefix, int listings, String gbp, String aud) {
		StringBuilder rows = new StringBuilder(String.join(",", ListingCsv.HEADER)).append("\r\n");
		for (int p = 0; p < listings; p++) {
			for (int v = 0; v < 2; v++) {
				for (String[] offer : new String[][] { { "gb", gbp, "GBP" }, { "au", aud, "AUD" } }) {
					rows.append(String.join(",", prefix + "-" + p, world.category, world.edition, "", "\"Cap " + p + "\"",
							"About", "", "", "", "", "", "", "", "", prefix + "-" + p + "-" + v, "M", "White", offer[0],
							offer[1], offer[2], "true", "5"))
						.append("\r\n");
				}
			}
		}
		return rows.toString().getBytes(StandardCharsets.UTF_8);
	}

	private long stockRows(long maker) {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM stock s JOIN variant v ON v.id = s.variant_id JOIN product p ON p.id = v.product_id
				WHERE p.licensee_id = ?""").param(maker).query(Long.class).single();
	}

	private long lastAuditEntry() {
		return this.jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM audit_entry").query(Long.class).single();
	}

	private long offerAuditEntriesSince(long entry) {
		return this.jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE id > ? AND object_type = 'Offer'")
			.param(entry)
			.query(Long.class)
			.single();
	}

	private static long ms(long nanos) {
		return nanos / 1_000_000;
	}

}

package shop.podium.seed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import shop.podium.regions.Regions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The seed loader against the real embedded MariaDB (a database of its own, see
 * {@link SeparateSeedDatabase}), with the small hand-written seeds under {@code seed-fixtures/}.
 */
@SpringBootTest(properties = { "podium.seed.enabled=true", "podium.seed.users=true",
		"podium.seed.directory=" + CatalogSeedLoaderTests.VALID, "podium.media.dir=target/seed-test-media" })
@ContextConfiguration(initializers = SeparateSeedDatabase.class)
@RecordApplicationEvents
class CatalogSeedLoaderTests {

	static final String VALID = "src/test/resources/seed-fixtures/valid";

	static final Path BROKEN = Path.of("src/test/resources/seed-fixtures/broken");

	static final List<String> TABLES = List.of("region", "shipping_rate", "edition", "edition_text", "category",
			"category_text", "sport", "sport_text", "licensee", "licence", "licence_territory", "licence_category",
			"licence_edition", "product", "product_text", "product_sport", "variant", "offer", "stock", "user_account",
			"user_role");

	@Autowired
	CatalogSeedLoader loader;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Regions regions;

	@TempDir
	Path seed;

	@BeforeEach
	void loadTheValidSeed() throws IOException {
		// whatever an earlier test edited, start from the fixture as written
		this.loader.load(Path.of(VALID), true);
		copy(Path.of(VALID), this.seed);
	}

	@Test
	void loadsEveryFileByNaturalKeys() {
		assertThat(this.jdbc.queryForList("SELECT code FROM region ORDER BY position", String.class))
			.containsExactly("us", "eu", "jp");
		assertThat(this.regions.find("jp")).hasValueSatisfying(jp -> {
			assertThat(jp.currency().getCurrencyCode()).isEqualTo("JPY");
			assertThat(jp.shippingRates()).singleElement().satisfies(rate -> assertThat(rate.price().minorUnits()).isEqualTo(800));
		});
		assertThat(price("paris-2024-athletics-tee", "eu")).isEqualTo(3900);
		assertThat(price("paris-2024-athletics-tee", "jp")).isEqualTo(4800);
		assertThat(this.jdbc.queryForList("""
				SELECT v.sku FROM variant v JOIN product p ON p.id = v.product_id
				WHERE p.slug = 'paris-2024-athletics-tee' ORDER BY v.position""", String.class))
			.containsExactly("ACM-P24-ATH-TEE-S", "ACM-P24-ATH-TEE-M", "ACM-P24-ATH-TEE-L");
		assertThat(stock("ACM-P24-ATH-TEE-S", "eu")).isEqualTo(12);
		assertThat(locales("paris-2024-athletics-tee")).containsExactly("en", "fr", "ja");
		assertThat(this.jdbc.queryForObject("SELECT description FROM product_text t JOIN product p ON p.id = t.product_id "
				+ "WHERE p.slug = 'paris-2024-athletics-tee' AND t.locale = 'en'", String.class))
			.isEqualTo("Soft cotton tee with the \"Paris 2024\" pictogram, for the track.");
		assertThat(sports("milano-cortina-2026-pin")).containsExactly("athletics", "fencing");
		assertThat(this.jdbc.queryForList("""
				SELECT t.region_code FROM licence_territory t JOIN licence l ON l.id = t.licence_id
				WHERE l.reference = 'LIC-ACME-01' ORDER BY t.region_code""", String.class))
			.containsExactly("eu", "jp", "us");
		assertThat(this.jdbc.queryForObject("SELECT minimum_guarantee_minor FROM licence WHERE reference = 'LIC-ACME-01'",
				Long.class))
			.isEqualTo(5_000_000L);
		assertThat(Path.of("target/seed-test-media/products/tee.svg")).exists();
	}

	@Test
	void loadsUsersWithHashedPasswordsRolesAndTheirLicensee() {
		Map<String, Object> fan = this.jdbc.queryForMap("SELECT * FROM user_account WHERE email = 'fan@example.test'");
		assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder()
			.matches("fan-password", (String) fan.get("password_hash"))).isTrue();
		assertThat(this.jdbc.queryForList("SELECT r.role FROM user_role r JOIN user_account u ON u.id = r.user_id "
				+ "WHERE u.email = 'admin@example.test' ORDER BY r.role", String.class))
			.containsExactly("ADMIN", "FINANCE");
		assertThat(this.jdbc.queryForObject("SELECT l.code FROM user_account u JOIN licensee l ON l.id = u.licensee_id "
				+ "WHERE u.email = 'licensee@example.test'", String.class))
			.isEqualTo("acme-apparel");
	}

	@Test
	void loadingTheSameSeedAgainChangesNothing(ApplicationEvents events) {
		Map<String, List<Map<String, Object>>> before = snapshot();

		assertThat(this.loader.load(this.seed, false)).as("an unchanged seed is skipped").isNull();
		assertThat(this.loader.load(this.seed, true)).containsEntry("products.csv", 3).containsEntry("stock.csv", 10);

		assertThat(snapshot()).isEqualTo(before);
		assertThat(events.stream(CatalogSeeded.class)).isNotEmpty();
	}

	@Test
	void anEditedSeedUpdatesItsRows() throws IOException {
		replace("offers.csv", "paris-2024-athletics-tee,eu,39.00,true", "paris-2024-athletics-tee,eu,42.50,true");
		replace("products.csv", "ACM-P24-ATH-TEE,t-shirts,paris-2024,athletics,", "ACM-P24-ATH-TEE,t-shirts,paris-2024,athletics|fencing,");
		replace("products.csv", "T-shirt Athlétisme Paris 2024,\"T-shirt en coton doux, pictogramme Paris 2024.\"", ",");
		replace("stock.csv", "NOCFR-MC26-PIN,eu,50", "NOCFR-MC26-PIN,eu,49");

		assertThat(this.loader.load(this.seed, false)).isNotNull();

		assertThat(price("paris-2024-athletics-tee", "eu")).isEqualTo(4250);
		assertThat(sports("paris-2024-athletics-tee")).containsExactly("athletics", "fencing");
		assertThat(locales("paris-2024-athletics-tee")).containsExactly("en", "ja");
		assertThat(stock("NOCFR-MC26-PIN", "eu")).isEqualTo(49);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM product WHERE sku_stem NOT LIKE 'SYN-%'", Long.class))
			.isEqualTo(3);
	}

	@Test
	void aBrokenRowNamesFileAndLineAndSavesNothing() throws IOException {
		// an edit in a file loaded before the broken one must be rolled back too
		replace("offers.csv", "paris-2024-athletics-tee,eu,39.00,true", "paris-2024-athletics-tee,eu,42.50,true");
		use("stock-negative.csv", "stock.csv");
		Map<String, List<Map<String, Object>>> before = snapshot();
		List<Map<String, Object>> state = this.jdbc.queryForList("SELECT * FROM seed_state");

		assertThatExceptionOfType(SeedException.class).isThrownBy(() -> this.loader.load(this.seed, false))
			.withMessage(this.seed.resolve("stock.csv") + " line 6: quantity \"-3\" must be zero or more");

		assertThat(snapshot()).isEqualTo(before);
		assertThat(this.jdbc.queryForList("SELECT * FROM seed_state")).isEqualTo(state);
	}

	@Test
	void refusesAJpyPriceWithDecimals() throws IOException {
		use("offers-jpy-decimals.csv", "offers.csv");
		assertThatExceptionOfType(SeedException.class).isThrownBy(() -> this.loader.load(this.seed, false))
			.withMessage(this.seed.resolve("offers.csv") + " line 3: price \"4800.50\" has decimals but JPY has none");
	}

	@Test
	void refusesAnUnknownLicensee() throws IOException {
		use("products-unknown-licensee.csv", "products.csv");
		Map<String, List<Map<String, Object>>> before = snapshot();
		assertThatExceptionOfType(SeedException.class).isThrownBy(() -> this.loader.load(this.seed, false))
			.withMessage(this.seed.resolve("products.csv") + " line 3: licensee \"globex\" is not a known licensee");
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void refusesADuplicateSku() throws IOException {
		use("variants-duplicate-sku.csv", "variants.csv");
		assertThatExceptionOfType(SeedException.class).isThrownBy(() -> this.loader.load(this.seed, false))
			.withMessage(this.seed.resolve("variants.csv") + " line 4: sku \"ACM-P24-ATH-TEE-S\" is a duplicate SKU");
	}

	@Test
	void refusesARowWithTheWrongNumberOfColumns() throws IOException {
		use("licences-wrong-columns.csv", "licences.csv");
		assertThatExceptionOfType(SeedException.class).isThrownBy(() -> this.loader.load(this.seed, false))
			.withMessageStartingWith(this.seed.resolve("licences.csv") + " line 3: has 10 columns, expected 11");
	}

	@Test
	void refusesAProductWhoseSkuStemBelongsToAnotherProduct() throws IOException {
		use("products-stem-taken.csv", "products.csv");
		Map<String, List<Map<String, Object>>> before = snapshot();
		assertThatExceptionOfType(SeedException.class).isThrownBy(() -> this.loader.load(this.seed, false))
			.withMessage(this.seed.resolve("products.csv")
					+ " line 3: sku_stem \"ACM-P24-FEN-PIN\" already belongs to product \"paris-2024-fencing-pin\" in the database");
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void loadsASyntheticCatalogGeneratedFromTheSeed() throws IOException {
		Path synthetic = this.seed.resolve("synthetic");
		SyntheticCatalog.write(500, this.seed, synthetic);

		assertThat(this.loader.load(synthetic, false)).containsEntry("products.csv", 500);

		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM product WHERE sku_stem LIKE 'SYN-%'", Long.class))
			.isEqualTo(500);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM offer o JOIN product p ON p.id = o.product_id "
				+ "WHERE p.sku_stem LIKE 'SYN-%' AND o.region_code = 'jp' AND MOD(o.price_minor, 100) <> 0", Long.class))
			.as("yen prices are whole hundreds").isZero();
	}

	@Test
	void refusesAMissingDirectory() {
		assertThatExceptionOfType(SeedException.class)
			.isThrownBy(() -> this.loader.load(this.seed.resolve("nowhere"), false))
			.withMessageContaining("the seed directory does not exist");
	}

	private long price(String product, String region) {
		return this.jdbc.queryForObject("SELECT o.price_minor FROM offer o JOIN product p ON p.id = o.product_id "
				+ "WHERE p.slug = ? AND o.region_code = ?", Long.class, product, region);
	}

	private int stock(String sku, String region) {
		return this.jdbc.queryForObject("SELECT s.quantity FROM stock s JOIN variant v ON v.id = s.variant_id "
				+ "WHERE v.sku = ? AND s.region_code = ?", Integer.class, sku, region);
	}

	private List<String> locales(String product) {
		return this.jdbc.queryForList("SELECT t.locale FROM product_text t JOIN product p ON p.id = t.product_id "
				+ "WHERE p.slug = ? ORDER BY FIELD(t.locale, 'en', 'fr', 'ja', 'ko', 'zh-CN')", String.class, product);
	}

	private List<String> sports(String product) {
		return this.jdbc.queryForList("SELECT s.slug FROM product_sport ps JOIN sport s ON s.id = ps.sport_id "
				+ "JOIN product p ON p.id = ps.product_id WHERE p.slug = ? ORDER BY s.slug", String.class, product);
	}

	private Map<String, List<Map<String, Object>>> snapshot() {
		Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
		TABLES.forEach(table -> rows.put(table, this.jdbc.queryForList("SELECT * FROM " + table + " ORDER BY 1, 2")));
		return rows;
	}

	private void replace(String file, String from, String to) throws IOException {
		Path path = this.seed.resolve(file);
		String content = Files.readString(path);
		assertThat(content).contains(from);
		Files.writeString(path, content.replace(from, to));
	}

	private void use(String brokenFile, String as) throws IOException {
		Files.copy(BROKEN.resolve(brokenFile), this.seed.resolve(as), StandardCopyOption.REPLACE_EXISTING);
	}

	static void copy(Path from, Path to) throws IOException {
		try (Stream<Path> paths = Files.walk(from)) {
			for (Path path : paths.toList()) {
				Path target = to.resolve(from.relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
	}

}

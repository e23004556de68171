package shop.podium;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class PodiumApplicationTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void runsOnTheEmbeddedMariaDbWithTheMigratedSchema() {
		String version = this.jdbc.sql("SELECT VERSION()").query(String.class).single();
		assertThat(version).contains("MariaDB");
		Integer migrations = this.jdbc.sql("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1")
			.query(Integer.class)
			.single();
		assertThat(migrations).isGreaterThanOrEqualTo(5);
	}

}

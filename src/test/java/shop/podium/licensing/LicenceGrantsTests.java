package shop.podium.licensing;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grants read from the database, and kept until a licence changes.
 */
@SpringBootTest
class LicenceGrantsTests {

	static final LocalDate DAY = LocalDate.of(2027, 6, 15);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LicenceGrants grants;

	@Autowired
	ApplicationEventPublisher events;

	String region;

	long licensee;

	long licence;

	@BeforeEach
	void aLicenceInATerritoryOfItsOwn() {
		// a territory no other test uses, so only this licence covers it
		this.region = "t" + UUID.randomUUID().toString().substring(0, 6);
		var keys = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO licensee (code, name, kind, status) VALUES (?, 'Maker', 'NOC', 'ACTIVE')")
			.param(this.region)
			.update(keys);
		this.licensee = keys.getKey().longValue();
		keys = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO licence (licensee_id, reference, valid_from, valid_to, royalty_rate) "
				+ "VALUES (?, ?, '2027-01-01', '2027-12-31', 0.1)")
			.param(this.licensee)
			.param(this.region)
			.update(keys);
		this.licence = keys.getKey().longValue();
		this.jdbc.sql("INSERT INTO licence_territory VALUES (?, ?)").param(this.licence).param(this.region).update();
		this.jdbc.sql("INSERT INTO licence_category VALUES (?, 'caps'), (?, 'tees')")
			.param(this.licence)
			.param(this.licence)
			.update();
		this.jdbc.sql("INSERT INTO licence_edition VALUES (?, 'paris-2024')").param(this.licence).update();
	}

	@Test
	void grantsOfTheLicencesInForceInTheRegion() {
		List<LicenceGrant> grants = this.grants.activeIn(this.region, DAY);
		assertThat(grants).containsExactly(new LicenceGrant(this.licence, this.licensee,
				java.util.Set.of("caps", "tees"), java.util.Set.of("paris-2024")));
		assertThat(this.grants.activeIn(this.region, LocalDate.of(2028, 1, 1))).isEmpty();
		assertThat(this.grants.activeIn("nowhere", DAY)).isEmpty();
	}

	@Test
	void keepsTheAnswerUntilALicenceChanges() {
		assertThat(this.grants.activeIn(this.region, DAY)).hasSize(1);
		this.jdbc.sql("UPDATE licence SET suspended = TRUE WHERE id = ?").param(this.licence).update();
		assertThat(this.grants.activeIn(this.region, DAY)).as("cached").hasSize(1);
		this.events.publishEvent(new LicenceChanged(this.licence));
		assertThat(this.grants.activeIn(this.region, DAY)).isEmpty();
	}

}

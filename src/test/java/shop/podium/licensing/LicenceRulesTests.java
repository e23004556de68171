package shop.podium.licensing;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The licence rules, each on its own.
 */
class LicenceRulesTests {

	static final LocalDate FROM = LocalDate.of(2026, 1, 1);

	static final LocalDate TO = LocalDate.of(2026, 12, 31);

	static Licence licence(boolean suspended, boolean licenseeActive) {
		return new Licence(1, 7, licenseeActive, FROM, TO, suspended, Set.of("eu", "gb"), Set.of("caps", "tees"),
				Set.of("paris-2024"));
	}

	static Licence inForce() {
		return licence(false, true);
	}

	@Test
	void validOnItsFirstAndLastDay() {
		assertThat(inForce().activeOn(FROM)).isTrue();
		assertThat(inForce().activeOn(TO)).isTrue();
	}

	@Test
	void notYetValidTheDayBefore() {
		assertThat(inForce().activeOn(FROM.minusDays(1))).isFalse();
	}

	@Test
	void expiredTheDayAfter() {
		assertThat(inForce().activeOn(TO.plusDays(1))).isFalse();
	}

	@Test
	void suspendedIsNotInForceEvenWhenValid() {
		assertThat(licence(true, true).validOn(FROM)).isTrue();
		assertThat(licence(true, true).activeOn(FROM)).isFalse();
	}

	@Test
	void aTerminatedLicenseeHoldsNoLicenceInForce() {
		assertThat(licence(false, false).activeOn(FROM)).isFalse();
	}

	@Test
	void territory() {
		assertThat(inForce().coversTerritory("eu")).isTrue();
		assertThat(inForce().coversTerritory("us")).isFalse();
		assertThat(inForce().permits("us", "caps", "paris-2024", FROM)).isFalse();
	}

	@Test
	void category() {
		assertThat(inForce().coversCategory("caps")).isTrue();
		assertThat(inForce().coversCategory("mugs")).isFalse();
		assertThat(inForce().permits("eu", "mugs", "paris-2024", FROM)).isFalse();
	}

	@Test
	void edition() {
		assertThat(inForce().coversEdition("paris-2024")).isTrue();
		assertThat(inForce().coversEdition("heritage")).isFalse();
		assertThat(inForce().permits("eu", "caps", "heritage", FROM)).isFalse();
	}

	@Test
	void permitsWhenEverythingHolds() {
		assertThat(inForce().permits("gb", "tees", "paris-2024", TO)).isTrue();
	}

	@Test
	void grantsOnlyWhereAndWhenInForce() {
		assertThat(inForce().grantIn("eu", FROM)).hasValueSatisfying(grant -> {
			assertThat(grant.licenseeId()).isEqualTo(7);
			assertThat(grant.covers(7, "caps", "paris-2024")).isTrue();
			assertThat(grant.covers(8, "caps", "paris-2024")).isFalse();
		});
		assertThat(inForce().grantIn("us", FROM)).isEmpty();
		assertThat(inForce().grantIn("eu", TO.plusDays(1))).isEmpty();
		assertThat(licence(true, true).grantIn("eu", FROM)).isEmpty();
	}

}

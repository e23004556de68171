package shop.podium.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Failures are counted per key in a window; the key that reaches the limit is refused for the lockout. */
class FailureCounterTests {

	private final MovableClock clock = new MovableClock();

	private final FailureCounter counter = new FailureCounter(5, Duration.ofMinutes(15), Duration.ofMinutes(15),
			100, this.clock);

	@Test
	void refusesAKeyOnceItReachedTheLimit() {
		for (int i = 1; i <= 4; i++) {
			assertThat(this.counter.fail("fan@example.com")).isEmpty();
		}
		assertThat(this.counter.fail("fan@example.com")).contains(Duration.ofMinutes(15));
		this.clock.advance(Duration.ofMinutes(6));
		assertThat(this.counter.lockedFor("fan@example.com")).contains(Duration.ofMinutes(9));
		assertThat(this.counter.lockedFor("someone-else@example.com")).isEmpty();
	}

	@Test
	void acceptsTheKeyAgainOnceTheLockoutIsOver() {
		for (int i = 0; i < 5; i++) {
			this.counter.fail("fan@example.com");
		}
		this.clock.advance(Duration.ofMinutes(15));
		assertThat(this.counter.lockedFor("fan@example.com")).isEmpty();
		assertThat(this.counter.fail("fan@example.com")).as("a fresh window").isEmpty();
	}

	@Test
	void forgetsFailuresOlderThanTheWindow() {
		for (int i = 0; i < 4; i++) {
			this.counter.fail("fan@example.com");
		}
		this.clock.advance(Duration.ofMinutes(16));
		assertThat(this.counter.fail("fan@example.com")).isEmpty();
	}

	@Test
	void resetClearsTheCount() {
		for (int i = 0; i < 4; i++) {
			this.counter.fail("fan@example.com");
		}
		this.counter.reset("fan@example.com");
		assertThat(this.counter.fail("fan@example.com")).isEmpty();
	}

	@Test
	void tracksABoundedNumberOfKeysAndKeepsLockoutsLongest() {
		for (int i = 0; i < 5; i++) {
			this.counter.fail("locked@example.com");
		}
		for (int i = 0; i < 1_000; i++) {
			this.counter.fail("guess-" + i + "@example.com");
		}
		assertThat(this.counter.tracked()).isLessThanOrEqualTo(100);
		assertThat(this.counter.lockedFor("locked@example.com")).isPresent();
	}

	@Test
	void tellsPeopleWholeMinutesNeverZero() {
		assertThat(SignInThrottle.minutesToWait(Duration.ofSeconds(5))).isEqualTo(1);
		assertThat(SignInThrottle.minutesToWait(Duration.ofSeconds(61))).isEqualTo(2);
		assertThat(SignInThrottle.minutesToWait(Duration.ofMinutes(15))).isEqualTo(15);
	}

	static final class MovableClock extends Clock {

		private Instant now = Instant.parse("2026-03-01T10:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}

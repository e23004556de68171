package shop.podium.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failures per key (an email, a client address) in a window and refuses a key that reached the limit
 * for a lockout period. Bounded: beyond {@code maxTracked} keys, expired entries go first, then those that are
 * not locked out; in-memory and per instance, which is what a single-node shop needs.
 */
final class FailureCounter {

	private record Failures(Instant windowStart, int count, Instant lockedUntil) {

		boolean lockedAt(Instant now) {
			return this.lockedUntil != null && now.isBefore(this.lockedUntil);
		}

	}

	private final Map<String, Failures> failures = new ConcurrentHashMap<>();

	private final int limit;

	private final Duration window;

	private final Duration lockout;

	private final int maxTracked;

	private final Clock clock;

	FailureCounter(int limit, Duration window, Duration lockout, int maxTracked, Clock clock) {
		this.limit = limit;
		this.window = window;
		this.lockout = lockout;
		this.maxTracked = maxTracked;
		this.clock = clock;
	}

	/** How much longer the key is refused, if it is. */
	Optional<Duration> lockedFor(String key) {
		Instant now = this.clock.instant();
		Failures current = this.failures.get(key);
		return (current != null && current.lockedAt(now)) ? Optional.of(Duration.between(now, current.lockedUntil))
				: Optional.empty();
	}

	/** Counts a failure; returns how long the key is now refused, if this failure reached the limit. */
	Optional<Duration> fail(String key) {
		Instant now = this.clock.instant();
		if (!this.failures.containsKey(key) && this.failures.size() >= this.maxTracked) {
			makeRoom(now);
		}
		this.failures.compute(key, (k, current) -> {
			if (current == null || (!current.lockedAt(now) && expired(current, now))) {
				current = new Failures(now, 0, null);
			}
			int count = current.count + 1;
			Instant lockedUntil = (count >= this.limit) ? now.plus(this.lockout) : current.lockedUntil;
			return new Failures(current.windowStart, count, lockedUntil);
		});
		return lockedFor(key);
	}

	void reset(String key) {
		this.failures.remove(key);
	}

	int tracked() {
		return this.failures.size();
	}

	private boolean expired(Failures failures, Instant now) {
		return !now.isBefore(failures.windowStart.plus(this.window));
	}

	private void makeRoom(Instant now) {
		this.failures.values().removeIf(f -> !f.lockedAt(now) && expired(f, now));
		if (this.failures.size() >= this.maxTracked) {
			this.failures.values().removeIf(f -> !f.lockedAt(now));
		}
		// Only lockouts left: an attack on many keys at once. Forget some rather than grow without bound.
		Iterator<String> keys = this.failures.keySet().iterator();
		while (this.failures.size() >= this.maxTracked && keys.hasNext()) {
			keys.next();
			keys.remove();
		}
	}

}

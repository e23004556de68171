package shop.podium.search;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

/**
 * How many searches this instance has in flight toward the cluster at once. Past that, more requests only
 * queue inside the cluster until every one of them misses its timeout; held here instead, a search waits its
 * turn a short while and is answered without the cluster when none comes (see {@link Searches}).
 */
@Component
class SearchBulkhead {

	private final Semaphore places;

	private final Duration wait;

	SearchBulkhead(SearchLoadProperties properties) {
		this.places = new Semaphore(Math.max(1, properties.concurrency()), true);
		this.wait = properties.waitForTurn();
	}

	/** Takes a place, waiting the configured while at most; false when none came. */
	boolean enter() {
		try {
			return this.places.tryAcquire(this.wait.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** Takes a place only if one is free now (for suggestions, which are worth no wait). */
	boolean tryEnter() {
		return this.places.tryAcquire();
	}

	/** Gives back a place {@link #enter()} or {@link #tryEnter()} took. */
	void leave() {
		this.places.release();
	}

}

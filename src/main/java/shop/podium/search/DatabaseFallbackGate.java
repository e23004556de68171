package shop.podium.search;

import java.util.concurrent.Semaphore;

import org.springframework.stereotype.Component;

/**
 * How many searches may run on the database at once when the cluster cannot answer. The database search is a
 * {@code LIKE} over every name and costs the database up to seconds of processor time: a search that timed out on
 * a busy machine would otherwise add a costlier one to the load that made it time out, and the next searches would
 * time out too. Fans who arrive while every place is taken get the simplified-mode page at once instead.
 */
@Component
class DatabaseFallbackGate {

	private final Semaphore places;

	DatabaseFallbackGate(SearchProperties properties) {
		this.places = new Semaphore(Math.max(1, properties.databaseFallbacks()));
	}

	/** Takes a place without waiting; false when every place is taken. */
	boolean tryEnter() {
		return this.places.tryAcquire();
	}

	/** Gives back a place {@link #tryEnter()} took. */
	void leave() {
		this.places.release();
	}

}

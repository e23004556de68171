package shop.podium.core.cluster;

/**
 * Told of every change published through {@link ChangeFeed}, by any instance: a bean implementing it empties what
 * it keeps (a cache) or passes the keys on (a purge of the shared HTTP cache). Called on the feed's own thread
 * for other instances' changes, on the publishing thread for this instance's, one change at a time; keep it
 * quick and don't throw.
 * <p>
 * Order subscribers with {@code @Order}: caches of data first ({@link #DATA}), then what is made from them
 * ({@link #PAGES}), so that a page is never rendered again from data that was about to be forgotten.
 */
@FunctionalInterface
public interface ChangeSubscriber {

	/** The order of subscribers that keep data (licence grants, regions). */
	int DATA = 0;

	/** The order of subscribers that keep what is rendered from data (pages, HTTP caches). */
	int PAGES = 100;

	void changed(Change change);

}

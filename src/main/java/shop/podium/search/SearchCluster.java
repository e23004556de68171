package shop.podium.search;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;

/**
 * Whether fans' searches go to the cluster or to the database fallback. A failed search marks the cluster
 * unreachable at once, so the next fans do not wait for a timeout each; {@link SearchMaintenance} probes it
 * and marks it reachable again.
 */
@Component
class SearchCluster {

	private static final Log log = LogFactory.getLog(SearchCluster.class);

	enum Mode {

		/** No cluster configured and none embedded: the database answers every search. */
		NOT_CONFIGURED,

		/** The cluster does not answer (yet): the database answers. */
		UNREACHABLE,

		/** The cluster answers but the index is being built from this database: the database answers. */
		PREPARING,

		/** Searches go to the cluster. */
		READY

	}

	private final boolean configured;

	private volatile boolean reachable;

	private volatile boolean indexReady;

	private volatile String problem;

	private volatile Instant since = Instant.now();

	private static final int SLOW_IN_A_ROW_IS_DOWN = 5;

	private final AtomicInteger slowInARow = new AtomicInteger();

	SearchCluster(SearchProperties properties) {
		this.configured = properties.configured();
		if (!this.configured) {
			this.problem = "no search cluster configured (podium.search.uris)";
		}
		else {
			this.problem = "not reached yet";
		}
	}

	Mode mode() {
		if (!this.configured) {
			return Mode.NOT_CONFIGURED;
		}
		if (!this.reachable) {
			return Mode.UNREACHABLE;
		}
		return this.indexReady ? Mode.READY : Mode.PREPARING;
	}

	boolean configured() {
		return this.configured;
	}

	boolean usable() {
		return mode() == Mode.READY;
	}

	boolean reachable() {
		return this.reachable;
	}

	boolean indexReady() {
		return this.indexReady;
	}

	String problem() {
		return this.problem;
	}

	Instant since() {
		return this.since;
	}

	void reached() {
		this.slowInARow.set(0);
		if (!this.reachable) {
			this.reachable = true;
			this.problem = null;
			this.since = Instant.now();
			log.info("Search cluster reachable");
		}
	}

	void failed(Exception ex) {
		String message = ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : "");
		if (this.reachable || this.problem == null || !this.problem.equals(message)) {
			log.warn("Search cluster unreachable, searches use the database until it answers: " + message);
		}
		this.reachable = false;
		this.problem = message;
		this.since = Instant.now();
	}

	/**
	 * A search that took longer than the query timeout. One slow answer on a busy machine is not an outage: that
	 * search alone falls back to the database. Several in a row are, and then every search does, until the
	 * probe finds the cluster answering again.
	 */
	void slow(Exception ex) {
		if (this.slowInARow.incrementAndGet() >= SLOW_IN_A_ROW_IS_DOWN) {
			failed(ex);
		}
	}

	/** A search answered in time. */
	void answered() {
		if (this.slowInARow.get() != 0) {
			this.slowInARow.set(0);
		}
	}

	void indexReady(boolean ready) {
		this.indexReady = ready;
	}

}

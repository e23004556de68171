package shop.podium.search;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import shop.podium.core.FailedListeners;
import shop.podium.core.cluster.ClusterLocks;
import shop.podium.licensing.LicenceGrants;

/**
 * Looks after the cluster in the background: probes it until it answers (the embedded node starts in the
 * background), builds the index from this database when it has none, catches up on a missed midnight,
 * resubmits index updates that failed while the cluster was away, and runs admins' full reindexes. Long work
 * runs on one thread of its own, so probes and other modules' scheduled jobs never wait for it.
 */
@Component
class SearchMaintenance implements DisposableBean {

	private static final Log log = LogFactory.getLog(SearchMaintenance.class);

	private final SearchClients clients;

	private final SearchCluster cluster;

	private final SearchIndex index;

	private final SearchSync sync;

	private final IndexState state;

	private final LicenceGrants grants;

	private final FailedListeners failed;

	private final SearchProperties properties;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final ClusterLocks locks;

	private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "search-maintenance");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicBoolean preparing = new AtomicBoolean();

	SearchMaintenance(SearchClients clients, SearchCluster cluster, SearchIndex index, SearchSync sync,
			IndexState state, LicenceGrants grants, FailedListeners failed,
			SearchProperties properties, ApplicationEventPublisher events, TransactionTemplate transactions,
			ClusterLocks locks) {
		this.locks = locks;
		this.clients = clients;
		this.cluster = cluster;
		this.index = index;
		this.sync = sync;
		this.state = state;
		this.grants = grants;
		this.failed = failed;
		this.properties = properties;
		this.events = events;
		this.transactions = transactions;
	}

	@Scheduled(fixedDelayString = "${podium.search.probe-interval:3s}")
	void probe() {
		if (!this.cluster.configured()) {
			return;
		}
		try {
			this.clients.queries().cluster().health(h -> h.timeout(t -> t.time("500ms")));
			this.cluster.reached();
		}
		catch (IOException | RuntimeException ex) {
			this.cluster.failed(ex);
			return;
		}
		if (!this.cluster.indexReady() && this.preparing.compareAndSet(false, true)) {
			this.worker.submit(this::prepare);
		}
	}

	/** Makes the index match this database before searches use it. */
	void prepare() {
		try {
			String current = this.index.current().orElse(null);
			IndexState.Row row = this.state.find(this.index.alias()).orElse(null);
			LocalDate today = this.grants.today();
			if (this.index.reindexing()) {
				// another instance builds or rewrites the index: the next probe finds it done
				return;
			}
			if (current == null || row == null || !row.index().equals(current)) {
				this.index.reindex((current == null) ? "no index yet" : "the index was not built from this database");
			}
			else if (row.syncedOn().isBefore(today)) {
				log.info("Search: the index reflects licences as of " + row.syncedOn() + ", rewriting it for " + today);
				this.index.indexAll();
				this.state.syncedOn(this.index.alias(), today);
			}
			this.sync.indexedWithTodaysGrants();
			awaitShardsActive();
			this.cluster.indexReady(true);
			log.info("Search ready on index " + this.index.current().orElse("?"));
		}
		catch (IOException | RuntimeException ex) {
			this.cluster.failed(ex);
		}
		finally {
			this.preparing.set(false);
		}
	}

	/**
	 * Waits until the index's shards can answer: after a restart the node answers before it has opened them
	 * from disk, and searches sent meanwhile fail (503) and would all go to the database.
	 */
	private void awaitShardsActive() throws IOException {
		HealthResponse health = this.clients.indexing()
			.cluster()
			.health(h -> h.index(this.index.alias()).waitForStatus(HealthStatus.Yellow).timeout(t -> t.time("30s")));
		if (health.timedOut()) {
			throw new IOException("the search index's shards are not active yet (" + health.status() + ")");
		}
	}

	/** Starts a full reindex in the background; false when one is running already. */
	boolean requestReindex(String requestedBy) {
		if (this.index.reindexing()) {
			return false;
		}
		this.worker.submit(() -> {
			try {
				this.index.reindex("requested by " + requestedBy);
				this.sync.indexedWithTodaysGrants();
				this.cluster.indexReady(true);
			}
			catch (IOException | RuntimeException ex) {
				log.error("Search reindex failed", ex);
			}
		});
		return true;
	}

	/** Reindexes now, on the calling thread: for the seed loader's event and for tests. */
	long reindexNow(String reason) throws IOException {
		long documents = this.index.reindex(reason);
		this.sync.indexedWithTodaysGrants();
		this.cluster.indexReady(true);
		return documents;
	}

	/** Index updates that failed while the cluster was away are tried again once it answers. */
	@Scheduled(fixedDelayString = "${podium.search.resubmit-interval:10s}")
	@SchedulerLock(name = "search-resubmit", lockAtLeastFor = "${podium.search.resubmit-interval:10s}",
			lockAtMostFor = "PT5M")
	void resubmitFailedUpdates() {
		if (!this.cluster.reachable()) {
			return;
		}
		// other modules' failed listeners (mail, say) are theirs to retry on their own terms
		this.failed.retry(SearchSync.class, this.properties.resubmitOlderThan());
	}

	/**
	 * Midnight in the shop's zone (UTC, like the licence dates). Every instance forgets yesterday's grants; one of
	 * them (the lock, held past the instances' clock differences) tells search to rewrite the index.
	 */
	@Scheduled(cron = "${podium.search.day-turn-cron:5 0 0 * * *}", zone = "UTC")
	void dayTurned() {
		LocalDate today = this.grants.today();
		this.grants.evictAll();
		this.locks.runOnce("search-day-turned", Duration.ofMinutes(10), Duration.ofSeconds(30),
				() -> this.transactions
					.executeWithoutResult(tx -> this.events.publishEvent(new SellabilityDayTurned(today))));
	}

	@Override
	public void destroy() {
		this.worker.shutdownNow();
	}

}

package shop.podium.core.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells every instance of the shop of a change made through any of them, so that each empties what it keeps in
 * memory (kept pages, licence grants, regions) and a shared HTTP cache is purged. A change is a row of
 * {@code cache_change} with the keys of what it touches; every instance reads the rows the others appended every
 * {@code podium.cluster.change-poll-interval} (500 ms) and hands each to its {@link ChangeSubscriber} beans.
 * <p>
 * Publish once the change committed, as the listeners that empty this instance's caches do
 * ({@code @TransactionalEventListener}): the row is written at once, in a transaction of its own, and this
 * instance's subscribers are told on the spot ({@link Change#local()}).
 * <p>
 * Rows are numbered by the database as they are inserted, but two inserts may become visible out of that order;
 * ids above the last one read are read again until they are a few seconds old, so a late one is not skipped.
 * When the database could not be read, the next change delivered is {@link ChangeKey#everything()}.
 */
@Component
public class ChangeFeed implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);

	/** Keys per row: a change to thousands of products (a CSV import) takes several rows. */
	private static final int KEYS_PER_ROW = 400;

	/** How long after its insert a row is taken to be visible to every reader. */
	private static final int SETTLE_SECONDS = 5;

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	private final ObjectProvider<ChangeSubscriber> subscribers;

	private final ClusterProperties properties;

	/** This instance, on its rows, so that it does not deliver its own changes twice. */
	private final String origin = UUID.randomUUID().toString();

	private ScheduledExecutorService reader;

	/** Every row with an id up to this one was read (or given up on). */
	private long readUpTo = -1;

	/** Rows above {@link #readUpTo} already delivered. */
	private final Set<Long> delivered = new HashSet<>();

	private boolean missed;

	ChangeFeed(JdbcClient jdbc, PlatformTransactionManager transactions, ObjectProvider<ChangeSubscriber> subscribers,
			ClusterProperties properties) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.subscribers = subscribers;
		this.properties = properties;
	}

	/** Publishes a committed change touching these keys (see the class comment for when to call it). */
	public void publish(ChangeKey... keys) {
		publish(Arrays.asList(keys));
	}

	public void publish(Collection<ChangeKey> keys) {
		Set<ChangeKey> all = new LinkedHashSet<>(keys);
		if (all.isEmpty()) {
			return;
		}
		List<ChangeKey> list = List.copyOf(all);
		this.ownTransaction.executeWithoutResult(status -> {
			for (int from = 0; from < list.size(); from += KEYS_PER_ROW) {
				String tokens = list.subList(from, Math.min(list.size(), from + KEYS_PER_ROW))
					.stream()
					.map(ChangeKey::token)
					.collect(Collectors.joining(" "));
				this.jdbc.sql("INSERT INTO cache_change (origin, change_keys) VALUES (:origin, :keys)")
					.param("origin", this.origin)
					.param("keys", tokens)
					.update();
			}
		});
		deliver(new Change(all, true));
	}

	/** Reads what the other instances published since the last read and tells the subscribers. */
	synchronized void read() {
		List<Row> rows;
		try {
			if (this.readUpTo < 0) {
				this.readUpTo = newest();
			}
			rows = this.jdbc.sql("""
					SELECT id, origin, change_keys, created_at < NOW(6) - INTERVAL %d SECOND AS settled
					FROM cache_change WHERE id > :after ORDER BY id LIMIT 5000""".formatted(SETTLE_SECONDS))
				.param("after", this.readUpTo)
				.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("origin"), rs.getString("change_keys"),
						rs.getBoolean("settled")))
				.list();
		}
		catch (RuntimeException ex) {
			if (!this.missed) {
				log.warn("Cannot read the change feed; caches are emptied once it can be read again: {}",
						ex.getMessage());
			}
			this.missed = true;
			return;
		}
		if (this.missed) {
			this.missed = false;
			deliver(new Change(Set.of(ChangeKey.everything()), false));
		}
		boolean settledSoFar = true;
		for (Row row : rows) {
			if (this.delivered.add(row.id()) && !this.origin.equals(row.origin())) {
				deliver(new Change(parse(row.keys()), false));
			}
			settledSoFar &= row.settled();
			if (settledSoFar) {
				this.readUpTo = row.id();
			}
		}
		this.delivered.removeIf(id -> id <= this.readUpTo);
	}

	private long newest() {
		return this.jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM cache_change").query(Long.class).single();
	}

	/** Forgets rows every instance has read long ago. */
	@Scheduled(fixedDelayString = "${podium.cluster.change-prune-interval:PT1M}", initialDelayString = "PT1M")
	@SchedulerLock(name = "change-feed-prune", lockAtLeastFor = "${podium.cluster.change-prune-interval:PT1M}",
			lockAtMostFor = "PT5M")
	void prune() {
		this.jdbc.sql("DELETE FROM cache_change WHERE created_at < NOW(6) - INTERVAL :seconds SECOND")
			.param("seconds", this.properties.changeRetention().toSeconds())
			.update();
	}

	private void deliver(Change change) {
		this.subscribers.orderedStream().forEach(subscriber -> {
			try {
				subscriber.changed(change);
			}
			catch (RuntimeException ex) {
				log.error("A change subscriber ({}) failed on {}", subscriber.getClass().getName(), change.keys(), ex);
			}
		});
	}

	private static Set<ChangeKey> parse(String tokens) {
		List<ChangeKey> keys = new ArrayList<>();
		for (String token : tokens.split(" ")) {
			if (!token.isBlank()) {
				try {
					keys.add(ChangeKey.parse(token));
				}
				catch (IllegalArgumentException ex) {
					// written by a newer release with a kind this one does not know the shape of: be safe
					keys.add(ChangeKey.everything());
				}
			}
		}
		return keys.isEmpty() ? Set.of(ChangeKey.everything()) : new LinkedHashSet<>(keys);
	}

	@Override
	public synchronized void start() {
		this.reader = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread thread = new Thread(r, "change-feed");
			thread.setDaemon(true);
			return thread;
		});
		long every = this.properties.changePollInterval().toMillis();
		this.reader.scheduleWithFixedDelay(() -> {
			try {
				read();
			}
			catch (RuntimeException ex) {
				// a failure must not end the reading: the next read tries again
				log.error("Reading the change feed failed", ex);
			}
		}, 0, every, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (this.reader != null) {
			this.reader.shutdownNow();
			this.reader = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.reader != null;
	}

	private record Row(long id, String origin, String keys, boolean settled) {
	}

}

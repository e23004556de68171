package shop.podium.e2e.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches the cluster's job locks (ShedLock's {@code shedlock} table) while the suite runs: each time a job's lock is
 * taken its row gets a new {@code locked_at} (the database's clock) and the process that took it
 * ({@code pid@host}), so reading the table five times a second sees every run of a job that holds its lock a
 * second or more. What it saw tells whether a job ran once per tick across the instances, and on which.
 */
final class JobLocks implements AutoCloseable {

	/** One run of a job: when its lock was taken, and by which instance. */
	record Run(Timestamp lockedAt, String lockedBy) {
	}

	private final Map<String, List<Run>> runs = new LinkedHashMap<>();

	private final Callable<Connection> database;

	/** Reads the table every 200 ms, on a thread of its own. */
	private final ScheduledExecutorService sampler = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("cluster-job-locks").factory());

	/** The sampler's connection, opened again after the database was out of reach; only its thread uses it. */
	private Connection connection;

	private volatile Throwable failure;

	JobLocks(Callable<Connection> database) {
		this.database = database;
		this.sampler.scheduleWithFixedDelay(this::sample, 0, 200, TimeUnit.MILLISECONDS);
	}

	private void sample() {
		try {
			if (this.connection == null) {
				this.connection = this.database.call();
			}
			try (PreparedStatement statement = this.connection
				.prepareStatement("SELECT name, locked_at, locked_by FROM shedlock");
					ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					record(rows.getString(1), new Run(rows.getTimestamp(2), rows.getString(3)));
				}
			}
		}
		catch (SQLException ex) {
			// the database is not reachable for a moment: the next sample opens another connection
			closeConnection();
		}
		catch (Exception ex) {
			this.failure = ex;
			this.sampler.shutdown();
		}
	}

	private void closeConnection() {
		if (this.connection != null) {
			try {
				this.connection.close();
			}
			catch (SQLException ex) {
				// gone with the database already
			}
			this.connection = null;
		}
	}

	private synchronized void record(String name, Run run) {
		List<Run> seen = this.runs.computeIfAbsent(name, key -> new ArrayList<>());
		if (seen.isEmpty() || !seen.get(seen.size() - 1).lockedAt().equals(run.lockedAt())) {
			seen.add(run);
		}
	}

	/** The runs of a job seen so far, in order. */
	synchronized List<Run> runsOf(String name) {
		if (this.failure != null) {
			throw new IllegalStateException("The job locks could not be read", this.failure);
		}
		return List.copyOf(this.runs.getOrDefault(name, List.of()));
	}

	/** The shortest time between two runs of a job seen so far, or {@code null} with fewer than two. */
	static Duration shortestGap(List<Run> runs) {
		Duration shortest = null;
		for (int i = 1; i < runs.size(); i++) {
			Duration gap = Duration.between(runs.get(i - 1).lockedAt().toInstant(), runs.get(i).lockedAt().toInstant());
			if (shortest == null || gap.compareTo(shortest) < 0) {
				shortest = gap;
			}
		}
		return shortest;
	}

	@Override
	public void close() throws InterruptedException {
		this.sampler.shutdownNow();
		if (this.sampler.awaitTermination(2, TimeUnit.SECONDS)) {
			closeConnection();
		}
	}

}

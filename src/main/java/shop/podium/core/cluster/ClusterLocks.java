package shop.podium.core.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.ExtensibleLockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Work that must happen once across the instances, however many run: every {@code @Scheduled} job that writes
 * carries a {@code @SchedulerLock} (ShedLock, rows in the {@code shedlock} table, times taken from the database's
 * clock so instances' clocks need not agree), and single writers that are not scheduled (a full reindex, a
 * Stripe import asked for by a person, the reconciliation on start) call {@link #runOnce} or
 * {@link #runHoldingLock}.
 * <p>
 * How long a lock is held, per job: {@code lockAtMostFor} is how long a run may last before an instance that
 * died holding the lock is presumed dead (the job runs again elsewhere after that), so it is well above the
 * longest run seen; {@code lockAtLeastFor} is how long the lock stays taken even when the run was quick, so that
 * the other instances' ticks of the same period (every instance schedules the job, each at its own phase) find
 * it taken: a fixed-delay job holds it for its interval, a cron job for the clock skew between instances.
 */
@Component
public class ClusterLocks implements DisposableBean {

	private final JdbcClient jdbc;

	private final LockProvider locks;

	private final LockingTaskExecutor executor;

	private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread thread = new Thread(r, "cluster-lock-keep-alive");
		thread.setDaemon(true);
		return thread;
	});

	private final LockingTaskExecutor longRunning;

	ClusterLocks(LockProvider locks, JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.locks = locks;
		this.executor = new DefaultLockingTaskExecutor(locks);
		// a long single writer (a full reindex of a large catalog) keeps its lock alive while it runs, and loses
		// it soon after its instance dies
		this.longRunning = (locks instanceof ExtensibleLockProvider extensible)
				? new DefaultLockingTaskExecutor(new KeepAliveLockProvider(extensible, this.keepAlive)) : this.executor;
	}

	/**
	 * Runs the task here unless another instance holds the lock of that name.
	 * @param lockAtMostFor how long the lock is held if this instance dies running it
	 * @param lockAtLeastFor how long the lock is held even when the task was quick
	 * @return whether it ran here
	 */
	public boolean runOnce(String name, Duration lockAtMostFor, Duration lockAtLeastFor, Runnable task) {
		try {
			return this.executor
				.executeWithLock(() -> {
					task.run();
					return Boolean.TRUE;
				}, new LockConfiguration(Instant.now(), name, lockAtMostFor, lockAtLeastFor))
				.wasExecuted();
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Runs a long task holding the lock of that name, kept alive while it runs (and given up within
	 * {@code lockAtMostFor} of this instance dying), or returns empty when another instance holds it.
	 * @param task returns a value (never null), which tells a run from a lock held elsewhere
	 */
	public <T> Optional<T> runHoldingLock(String name, Duration lockAtMostFor, LockedTask<T> task) throws Exception {
		return runHoldingLock(name, lockAtMostFor, Duration.ZERO, task);
	}

	/** As {@link #runHoldingLock(String, Duration, LockedTask)}, the lock held at least that long. */
	public <T> Optional<T> runHoldingLock(String name, Duration lockAtMostFor, Duration lockAtLeastFor,
			LockedTask<T> task) throws Exception {
		try {
			LockingTaskExecutor.TaskResult<T> result = this.longRunning.executeWithLock(task::run,
					new LockConfiguration(Instant.now(), name, lockAtMostFor, lockAtLeastFor));
			return result.wasExecuted() ? Optional.ofNullable(result.getResult()) : Optional.empty();
		}
		catch (Exception | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Whether some instance holds the lock of that name now. */
	public boolean held(String name) {
		return this.jdbc.sql("SELECT COUNT(*) FROM shedlock WHERE name = :name AND lock_until > UTC_TIMESTAMP(3)")
			.param("name", name)
			.query(Integer.class)
			.single() > 0;
	}

	/** Waits, up to {@code patience}, until nobody holds the lock, then runs the task holding it. */
	public <T> Optional<T> awaitAndRunHoldingLock(String name, Duration lockAtMostFor, Duration patience,
			LockedTask<T> task) throws Exception {
		long deadline = System.nanoTime() + patience.toNanos();
		while (true) {
			Optional<T> result = runHoldingLock(name, lockAtMostFor, task);
			if (result.isPresent() || System.nanoTime() > deadline) {
				return result;
			}
			Thread.sleep(200);
		}
	}

	/** Work done under a lock, which may fail the way its caller expects. */
	@FunctionalInterface
	public interface LockedTask<T> {

		T run() throws Exception;

	}

	@Override
	public void destroy() {
		this.keepAlive.shutdownNow();
	}

}

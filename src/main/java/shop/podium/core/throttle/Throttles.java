package shop.podium.core.throttle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts attempts per key in a fixed window, in the database, so that every instance of the shop sees the same
 * count: a guesser spreading requests over two instances gets no more tries than with one.
 * <p>
 * Use it for anything the public can repeat to guess or to flood: sign-in, sign-up, password reset, guest order
 * lookup, any public look-up. Pick a key that names the action and what is counted, e.g.
 * {@code "orders.lookup:client:" + request.getRemoteAddr()} or {@code "sign-in:account:" + id}; the key is stored
 * hashed. A refused {@link Verdict} carries the time to wait; throw {@link TooManyRequestsException} with it and the
 * visitor gets the shop's 429 page with a {@code Retry-After} header.
 * <p>
 * Each call runs in a transaction of its own: a count stands even when the caller's transaction rolls back.
 * Counting is one {@code INSERT … ON DUPLICATE KEY UPDATE}, which the database serializes per key.
 */
@Component
public class Throttles {

	/** Rows whose window ended this long ago are removed now and then: long enough to never matter. */
	private static final Duration KEPT_AFTER_WINDOW = Duration.ofHours(1);

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	Throttles(JdbcClient jdbc, PlatformTransactionManager transactions, ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/**
	 * What a throttle answers.
	 * @param count the attempts counted for the key in its current window
	 * @param retryAfter how long until the window ends and the key may try again; zero when allowed
	 */
	public record Verdict(boolean allowed, int count, Duration retryAfter) {

		/** Whole minutes to tell a person, never "0 minutes". */
		public long minutesToWait() {
			return Math.max(1, (this.retryAfter.toSeconds() + 59) / 60);
		}

		/** Fails with the shop's 429 answer when refused. */
		public void orRefuse() {
			if (!this.allowed) {
				throw new TooManyRequestsException(this.retryAfter);
			}
		}

	}

	/**
	 * Counts one attempt for the key.
	 * @return allowed when this attempt is at most the {@code limit}-th of the window (which starts at the first
	 * attempt and lasts {@code window})
	 */
	public Verdict attempt(String key, int limit, Duration window) {
		Instant now = this.clock.instant();
		String hash = hash(key);
		int[] hits = new int[1];
		Instant[] ends = new Instant[1];
		this.ownTransaction.executeWithoutResult(status -> {
			// a window that ended starts afresh with this attempt; MySQL and MariaDB assign left to right, so
			// window_end is compared before it is moved
			this.jdbc.sql("""
					INSERT INTO throttle (key_hash, window_start, window_end, hits) VALUES (:key, :now, :end, 1)
					ON DUPLICATE KEY UPDATE
					  hits = IF(window_end <= :now, 1, hits + 1),
					  window_start = IF(window_end <= :now, :now, window_start),
					  window_end = IF(window_end <= :now, :end, window_end)""")
				.param("key", hash)
				.param("now", Timestamp.from(now))
				.param("end", Timestamp.from(now.plus(window)))
				.update();
			this.jdbc.sql("SELECT hits, window_end FROM throttle WHERE key_hash = ?")
				.param(hash)
				.query((rs, n) -> {
					hits[0] = rs.getInt("hits");
					ends[0] = rs.getTimestamp("window_end").toInstant();
					return null;
				})
				.list();
		});
		if (ThreadLocalRandom.current().nextInt(500) == 0) {
			forgetEnded(now);
		}
		return verdict(hits[0] <= limit, hits[0], ends[0], now);
	}

	/**
	 * Whether the key may make another attempt, without counting one: refused once {@code limit} attempts were
	 * counted in the current window. For counting failures only (a failed sign-in) and checking before each try.
	 */
	public Verdict check(String key, int limit) {
		Instant now = this.clock.instant();
		return this.jdbc.sql("SELECT hits, window_end FROM throttle WHERE key_hash = ? AND window_end > ?")
			.params(hash(key), Timestamp.from(now))
			.query((rs, n) -> verdict(rs.getInt("hits") < limit, rs.getInt("hits"),
					rs.getTimestamp("window_end").toInstant(), now))
			.optional()
			.orElseGet(() -> new Verdict(true, 0, Duration.ZERO));
	}

	/** Forgets the key's attempts, e.g. an account's failed sign-ins once its owner signed in. */
	public void forget(String key) {
		this.ownTransaction.executeWithoutResult(
				status -> this.jdbc.sql("DELETE FROM throttle WHERE key_hash = ?").param(hash(key)).update());
	}

	private void forgetEnded(Instant now) {
		this.ownTransaction.executeWithoutResult(status -> this.jdbc.sql("DELETE FROM throttle WHERE window_end < ?")
			.param(Timestamp.from(now.minus(KEPT_AFTER_WINDOW)))
			.update());
	}

	private static Verdict verdict(boolean allowed, int hits, Instant windowEnd, Instant now) {
		return new Verdict(allowed, hits, allowed ? Duration.ZERO : Duration.between(now, windowEnd));
	}

	private static String hash(String key) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

package shop.podium.core.throttle;

import java.io.Serial;
import java.time.Duration;

/**
 * A request refused by a {@link Throttles throttle}: answered with status 429, a {@code Retry-After} header and the
 * shop's page saying when to try again (see {@link TooManyRequestsPage}).
 */
public class TooManyRequestsException extends RuntimeException {

	@Serial
	private static final long serialVersionUID = 1L;

	private final transient Duration retryAfter;

	public TooManyRequestsException(Duration retryAfter) {
		super("Too many requests; retry after " + retryAfter.toSeconds() + " s");
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

	/** Whole minutes to tell a person, never "0 minutes". */
	public long minutesToWait() {
		return Math.max(1, (this.retryAfter.toSeconds() + 59) / 60);
	}

}

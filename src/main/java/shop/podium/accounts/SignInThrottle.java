package shop.podium.accounts;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Slows down password guessing: after too many failed sign-ins for one email (whether or not it has an
 * account, so the refusal reveals nothing) or from one client address, further attempts are refused for a
 * while. A successful sign-in clears the email's count.
 */
class SignInThrottle {

	private final FailureCounter byEmail;

	private final FailureCounter byClient;

	SignInThrottle(AccountsProperties.SignInThrottleProperties limits, Clock clock) {
		this.byEmail = new FailureCounter(limits.maxFailuresPerEmail(), limits.window(), limits.lockout(),
				limits.maxTracked(), clock);
		this.byClient = new FailureCounter(limits.maxFailuresPerClient(), limits.window(), limits.lockout(),
				limits.maxTracked(), clock);
	}

	/** How long attempts for this email or from this address are still refused, if they are. */
	Optional<Duration> refusedFor(String email, String clientAddress) {
		return longest(this.byEmail.lockedFor(EmailAddresses.normalize(email)),
				this.byClient.lockedFor(clientAddress));
	}

	/** Counts a failed attempt; returns how long further attempts are refused if this one reached a limit. */
	Optional<Duration> failed(String email, String clientAddress) {
		return longest(this.byEmail.fail(EmailAddresses.normalize(email)), this.byClient.fail(clientAddress));
	}

	void succeeded(String email) {
		this.byEmail.reset(EmailAddresses.normalize(email));
	}

	@SafeVarargs
	private static Optional<Duration> longest(Optional<Duration>... durations) {
		return Stream.of(durations).flatMap(Optional::stream).max(Duration::compareTo);
	}

	/** Whole minutes to tell a person, never "0 minutes". */
	static long minutesToWait(Duration duration) {
		return Math.max(1, (duration.toSeconds() + 59) / 60);
	}

}

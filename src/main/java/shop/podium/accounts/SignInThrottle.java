package shop.podium.accounts;

import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import shop.podium.core.throttle.Throttles;
import shop.podium.core.throttle.Throttles.Verdict;

/**
 * Slows down password guessing: after too many failed sign-ins for one account (or, for an address with no
 * account, for that canonical address, so the refusal reveals nothing) or from one client address, further
 * attempts are refused for the rest of the window. A successful sign-in clears the account's count. The counts
 * are {@link Throttles} in the database, so every instance of the shop refuses alike; an address is counted in its
 * canonical form, so {@code Fan@Podium.test} and {@code fan@podium.test} are one count.
 */
@Component
class SignInThrottle {

	private final Throttles throttles;

	private final UserAccounts users;

	private final AccountsProperties.SignInThrottleProperties limits;

	SignInThrottle(Throttles throttles, UserAccounts users, AccountsProperties properties) {
		this.throttles = throttles;
		this.users = users;
		this.limits = properties.signInThrottle();
	}

	/** The refusal that stands for this email or this client address, if one does. */
	Optional<Verdict> refused(String email, String clientAddress) {
		return worst(this.throttles.check(accountKey(email), this.limits.maxFailuresPerEmail()),
				this.throttles.check(clientKey(clientAddress), this.limits.maxFailuresPerClient()));
	}

	/** Counts a failed attempt; returns the refusal for further attempts if this one reached a limit. */
	Optional<Verdict> failed(String email, String clientAddress) {
		this.throttles.attempt(accountKey(email), this.limits.maxFailuresPerEmail(), this.limits.window());
		this.throttles.attempt(clientKey(clientAddress), this.limits.maxFailuresPerClient(), this.limits.window());
		return refused(email, clientAddress);
	}

	void succeeded(String email) {
		this.throttles.forget(accountKey(email));
	}

	/** One count per account whatever address form was typed; per canonical address when there is no account. */
	private String accountKey(String email) {
		String canonical = EmailAddresses.normalize(email);
		return this.users.findIdByEmail(canonical)
			.map(id -> "sign-in:account:" + id)
			.orElse("sign-in:email:" + canonical);
	}

	private static String clientKey(String clientAddress) {
		return "sign-in:client:" + clientAddress;
	}

	private static Optional<Verdict> worst(Verdict... verdicts) {
		return Stream.of(verdicts)
			.filter(verdict -> !verdict.allowed())
			.max((a, b) -> a.retryAfter().compareTo(b.retryAfter()));
	}

}

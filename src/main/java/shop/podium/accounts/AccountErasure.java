package shop.podium.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import shop.podium.core.privacy.AccountErased;
import shop.podium.core.privacy.Pseudonyms;

/**
 * Erases a fan's account at their request. The account itself (address, name, password, roles) is deleted here,
 * in the request's transaction, together with the publication of {@link AccountErased}: every other module then
 * erases or pseudonymises its own rows, retried by the event registry until each has. The audit log keeps what
 * it recorded (it is append-only) and gains an entry for the erasure under the pseudonym; its readers hide the
 * erased address from then on ({@link ErasedIdentities}).
 */
@Service
public class AccountErasure {

	/** What came of a request to erase an account. */
	public enum Outcome {

		ERASED,
		/** The password typed to confirm was not the account's: nothing erased. */
		WRONG_PASSWORD,
		/**
		 * Staff accounts (administration, finance, licensee teams) hold records of the business, not of a fan: an
		 * administrator closes them.
		 */
		STAFF_ACCOUNT

	}

	private final UserAccounts users;

	private final PasswordEncoder passwords;

	private final ErasedIdentities erased;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AccountErasure(UserAccounts users, PasswordEncoder passwords, ErasedIdentities erased, AuditLog auditLog,
			ApplicationEventPublisher events, ObjectProvider<Clock> clock) {
		this.users = users;
		this.passwords = passwords;
		this.erased = erased;
		this.auditLog = auditLog;
		this.events = events;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Transactional
	public Outcome erase(long userId, String password) {
		Optional<UserAccount> found = this.users.findById(userId);
		if (found.isEmpty()) {
			// erased a moment ago, from another tab: what was asked is done
			return Outcome.ERASED;
		}
		UserAccount account = found.get();
		if (!this.passwords.matches(password, account.passwordHash())) {
			this.auditLog.recordAs(account.email(), "ACCOUNT_ERASURE_REFUSED", "UserAccount", userId, "wrong password");
			return Outcome.WRONG_PASSWORD;
		}
		if (!account.roles().equals(Set.of(Role.FAN))) {
			return Outcome.STAFF_ACCOUNT;
		}
		String pseudonym = Pseudonyms.fresh();
		Instant now = this.clock.instant();
		this.users.delete(account);
		this.erased.remember(userId, account.email(), pseudonym, now);
		this.auditLog.recordAs(Pseudonyms.address(pseudonym), "ACCOUNT_ERASED", "UserAccount", userId,
				"at the holder's request; their data erased or pseudonymised as " + pseudonym);
		this.events.publishEvent(new AccountErased(userId, AccountErased.hash(account.email()), pseudonym, now));
		return Outcome.ERASED;
	}

}

package shop.podium.accounts;

import java.time.Clock;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens accounts: fans signing up, and the demo users the seed loader creates. */
@Service
public class Accounts {

	private final UserAccounts users;

	private final PasswordEncoder passwordEncoder;

	private final AuditLog auditLog;

	private final Clock clock;

	private final LicenseeStaff staff;

	Accounts(UserAccounts users, PasswordEncoder passwordEncoder, AuditLog auditLog, ObjectProvider<Clock> clock,
			LicenseeStaff staff) {
		this.staff = staff;
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.auditLog = auditLog;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/**
	 * Opens an account unless one exists with the same email (in any case).
	 * @return the new account's id, or empty when the email is taken — which a page facing the public must not
	 * reveal
	 */
	@Transactional
	public Optional<Long> open(NewAccount account) {
		// Hash first, whether or not the email is taken, so both outcomes take the same time.
		String hash = this.passwordEncoder.encode(account.rawPassword());
		Optional<UserAccount> existing = this.users.findByEmail(account.email());
		if (existing.isPresent()) {
			this.auditLog.recordAs(actor("anonymous"), "ACCOUNT_OPEN_REFUSED", "UserAccount", existing.get().id(),
					"email already registered");
			return Optional.empty();
		}
		UserAccount opened = this.users.save(new UserAccount(account.email(), hash, account.displayName(),
				account.roles(), account.licenseeId(), this.clock.instant()));
		this.auditLog.recordAs(actor(account.email()), "ACCOUNT_OPENED", "UserAccount", opened.id(),
				"roles=" + account.roles() + ((account.licenseeId() != null) ? ", licensee=" + account.licenseeId() : ""));
		if (account.licenseeId() != null) {
			this.staff.appointFirstAdminIfNone(account.licenseeId());
		}
		return Optional.of(opened.id());
	}

	private static String actor(String otherwise) {
		return CurrentUser.current().map(CurrentUser::email).orElse(otherwise);
	}

	@Transactional(readOnly = true)
	public boolean exists(String email) {
		return this.users.existsByEmail(EmailAddresses.normalize(email));
	}

	/** The user as {@link CurrentUser} shows them, read afresh (e.g. after an administrator changed them). */
	@Transactional(readOnly = true)
	public Optional<CurrentUser> find(String email) {
		return this.users.findByEmail(EmailAddresses.normalize(email))
			.map(user -> new CurrentUser(user.id(), user.email(), user.displayName(), user.licenseeId(),
					user.roles()));
	}

}

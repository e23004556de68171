package shop.podium.accounts;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A signed-in user's new password, given the current one; every session of the user ends (see {@link SessionCheck}). */
@Service
class PasswordChanges {

	private final UserAccounts users;

	private final PasswordEncoder encoder;

	private final AuditLog audit;

	private final Clock clock;

	PasswordChanges(UserAccounts users, PasswordEncoder encoder, AuditLog audit, ObjectProvider<Clock> clock) {
		this.users = users;
		this.encoder = encoder;
		this.audit = audit;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** @return false when the current password is wrong (nothing changes) */
	@Transactional
	boolean change(long userId, String currentPassword, String newPassword) {
		UserAccount account = this.users.findById(userId).orElseThrow();
		if (!this.encoder.matches(currentPassword, account.passwordHash())) {
			return false;
		}
		account.replacePassword(this.encoder.encode(newPassword), this.clock.instant());
		this.audit.recordAs(account.email(), "PASSWORD_CHANGED", "UserAccount", userId, "every session ended");
		return true;
	}

}

package shop.podium.accounts;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Password reset by an emailed link: the token exists only in the link (the table keeps its SHA-256), works once and
 * only until it expires; a newer link replaces an older one. Setting the new password ends every session the user
 * had (see {@link SessionCheck}). Asking for a link says nothing about whether the address has an account.
 */
@Service
class PasswordResets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final UserAccounts users;

	private final PasswordEncoder encoder;

	private final AuditLog audit;

	private final AccountsProperties properties;

	private final Clock clock;

	PasswordResets(JdbcClient jdbc, UserAccounts users, PasswordEncoder encoder, AuditLog audit,
			AccountsProperties properties, ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.encoder = encoder;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** A link to mail, with the one copy of its token. */
	record Issued(long id, String email, String token, Instant expiresAt) {

		@Override
		public String toString() {
			return "Issued[id=" + this.id + "]"; // never the token
		}

	}

	enum State {
		OPEN, EXPIRED, USED, UNKNOWN
	}

	/** @return the link to mail, empty when the address has no (enabled) account */
	@Transactional
	Optional<Issued> issue(String email) {
		Optional<UserAccount> account = this.users.findByEmail(EmailAddresses.normalize(email))
			.filter(UserAccount::enabled);
		if (account.isEmpty()) {
			return Optional.empty();
		}
		long userId = account.get().id();
		Instant now = this.clock.instant();
		// only the latest link works
		this.jdbc.sql("UPDATE password_reset SET used_at = ? WHERE user_id = ? AND used_at IS NULL")
			.params(Timestamp.from(now), userId)
			.update();
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant expires = now.plus(this.properties.passwordResetValidity());
		this.jdbc.sql("""
				INSERT INTO password_reset (user_id, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?)""")
			.params(userId, TeamInvitations.hash(token), Timestamp.from(now), Timestamp.from(expires))
			.update();
		long id = this.jdbc.sql("SELECT id FROM password_reset WHERE token_hash = ?")
			.param(TeamInvitations.hash(token))
			.query(Long.class)
			.single();
		this.audit.recordAs(account.get().email(), "PASSWORD_RESET_REQUESTED", "UserAccount", userId, "link " + id);
		return Optional.of(new Issued(id, account.get().email(), token, expires));
	}

	@Transactional(readOnly = true)
	State state(String token) {
		return find(token, false).map(Found::state).orElse(State.UNKNOWN);
	}

	/** The email the link is for, to check the new password against; empty for a link that does not work. */
	@Transactional(readOnly = true)
	Optional<String> emailOf(String token) {
		return find(token, false).filter(found -> found.state() == State.OPEN)
			.flatMap(found -> this.users.findById(found.userId()))
			.map(UserAccount::email);
	}

	/** Sets the new password and uses the link up, in one transaction: two clicks reset once. */
	@Transactional
	State reset(String token, String newPassword) {
		Optional<Found> found = find(token, true);
		if (found.isEmpty() || found.get().state() != State.OPEN) {
			return found.map(Found::state).orElse(State.UNKNOWN);
		}
		Instant now = this.clock.instant();
		this.jdbc.sql("UPDATE password_reset SET used_at = ? WHERE id = ?")
			.params(Timestamp.from(now), found.get().id())
			.update();
		UserAccount account = this.users.findById(found.get().userId()).orElseThrow();
		account.replacePassword(this.encoder.encode(newPassword), now);
		this.audit.recordAs(account.email(), "PASSWORD_RESET", "UserAccount", account.id(),
				"link " + found.get().id() + "; every session ended");
		return State.OPEN;
	}

	private record Found(long id, long userId, State state) {
	}

	private Optional<Found> find(String token, boolean lock) {
		if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		return this.jdbc
			.sql("SELECT id, user_id, expires_at, used_at FROM password_reset WHERE token_hash = ?"
					+ (lock ? " FOR UPDATE" : ""))
			.param(TeamInvitations.hash(token))
			.query((rs, n) -> new Found(rs.getLong("id"), rs.getLong("user_id"),
					(rs.getTimestamp("used_at") != null) ? State.USED
							: !rs.getTimestamp("expires_at").toInstant().isAfter(now) ? State.EXPIRED : State.OPEN))
			.optional();
	}

}

package shop.podium.accounts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Whether a signed-in session still stands: not when its account was disabled or its password was reset or
 * changed after it signed in. Read on each request of a signed-in user (one primary-key read), so a reset ends the
 * user's sessions on every instance, wherever the sessions are kept.
 */
@Service
class SessionCheck {

	private final JdbcClient jdbc;

	SessionCheck(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean stands(AccountPrincipal principal) {
		record Now(boolean enabled, Instant credentialsChangedAt) {
		}
		return this.jdbc.sql("SELECT enabled, credentials_changed_at FROM user_account WHERE id = ?")
			.param(principal.id())
			.query((rs, n) -> {
				Timestamp changed = rs.getTimestamp("credentials_changed_at");
				return new Now(rs.getBoolean("enabled"), (changed != null) ? changed.toInstant() : null);
			})
			.optional()
			.map(now -> now.enabled() && Objects.equals(truncate(now.credentialsChangedAt()),
					truncate(principal.credentialsChangedAt())))
			.orElse(false);
	}

	/** The column keeps microseconds; an instant read back compares equal only at that precision. */
	private static Instant truncate(Instant instant) {
		return (instant != null) ? instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS) : null;
	}

}

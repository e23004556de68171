package shop.podium.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations to a licensee's team: a licensee admin invites a colleague by email (as an admin or not), the colleague opens the link,
 * chooses a name and a password and becomes staff of that licensee — of no other. The token exists only in the
 * link; the table keeps its SHA-256. A link works once, until it expires or is revoked.
 */
@Service
@EnableConfigurationProperties(TeamProperties.class)
class TeamInvitations {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final AuditLog audit;

	private final TeamProperties properties;

	private final Clock clock;

	private final LicenseeStaff staff;

	private final LicenseeDirectory licensees;

	TeamInvitations(JdbcClient jdbc, Accounts accounts, AuditLog audit, TeamProperties properties,
			ObjectProvider<Clock> clock, LicenseeStaff staff, LicenseeDirectory licensees) {
		this.staff = staff;
		this.licensees = licensees;
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** An invitation as the team page lists it. */
	record Pending(long id, String email, String invitedBy, Instant createdAt, Instant expiresAt, boolean asAdmin) {
	}

	/** A new invitation with the one copy of its token, to be put in the email and nowhere else. */
	record Issued(long id, String email, String token, Instant expiresAt) {
	}

	/** What opening an invitation link finds. */
	enum State {
		OPEN, EXPIRED, USED, REVOKED, UNKNOWN, LICENSEE_SUSPENDED
	}

	record Opened(State state, long id, long licenseeId, String licenseeName, String email, Instant expiresAt,
			boolean asAdmin) {

		static Opened unknown() {
			return new Opened(State.UNKNOWN, 0, 0, null, null, null, false);
		}

	}

	/** Why an invitation was not issued. */
	enum Refusal {
		ALREADY_HAS_ACCOUNT, LICENSEE_NOT_ACTIVE
	}

	/**
	 * Invites a colleague to the inviter's own licensee. A pending invitation to the same address is replaced,
	 * so only the latest link works.
	 */
	@Transactional
	Result invite(CurrentUser inviter, String email, boolean asAdmin) {
		long licenseeId = inviter.requireLicenseeId();
		String address = EmailAddresses.normalize(email);
		if (!licenseeActive(licenseeId)) {
			// a suspended (or terminated) licensee grows no team: its staff can look, not add
			return new Result(null, Refusal.LICENSEE_NOT_ACTIVE);
		}
		if (this.accounts.exists(address)) {
			return new Result(null, Refusal.ALREADY_HAS_ACCOUNT);
		}
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				UPDATE team_invite SET revoked_at = ? WHERE licensee_id = ? AND email = ?
				  AND accepted_at IS NULL AND revoked_at IS NULL""")
			.params(Timestamp.from(now), licenseeId, address)
			.update();
		String token = newToken();
		Instant expires = now.plus(this.properties.invitationValidity());
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO team_invite (licensee_id, email, token_hash, invited_by, created_at, expires_at, as_admin)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(licenseeId, address, hash(token), inviter.email(), Timestamp.from(now), Timestamp.from(expires),
					asAdmin)
			.update(keys);
		long id = keys.getKey().longValue();
		this.audit.record("TEAM_INVITATION_SENT", "Licensee", licenseeId,
				"invitation " + id + " to " + address + (asAdmin ? " as admin" : ""));
		return new Result(new Issued(id, address, token, expires), null);
	}

	record Result(Issued issued, Refusal refusal) {
	}

	@Transactional(readOnly = true)
	String licenseeName(long licenseeId) {
		return this.licensees.licensee(licenseeId).orElseThrow().name();
	}

	/** Whether the licensee is active, as licensing answers through the {@link LicenseeDirectory}. */
	private boolean licenseeActive(long licenseeId) {
		return this.licensees.licensee(licenseeId).map(LicenseeDirectory.Licensee::active).orElse(false);
	}

	@Transactional(readOnly = true)
	List<Pending> pending(long licenseeId) {
		return this.jdbc.sql("""
				SELECT id, email, invited_by, created_at, expires_at, as_admin FROM team_invite
				WHERE licensee_id = ? AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ?
				ORDER BY created_at DESC, id DESC""")
			.params(licenseeId, Timestamp.from(this.clock.instant()))
			.query((rs, n) -> new Pending(rs.getLong("id"), rs.getString("email"), rs.getString("invited_by"),
					rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
					rs.getBoolean("as_admin")))
			.list();
	}

	/** Whether the invitation is one of that licensee's (another licensee's is not found). */
	@Transactional(readOnly = true)
	boolean belongsTo(long licenseeId, long invitationId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM team_invite WHERE id = ? AND licensee_id = ?")
			.params(invitationId, licenseeId)
			.query(Long.class)
			.single() > 0;
	}

	/** @return false when there is no such open invitation of that licensee (another licensee's is not found) */
	@Transactional
	boolean revoke(long licenseeId, long invitationId) {
		int revoked = this.jdbc.sql("""
				UPDATE team_invite SET revoked_at = ? WHERE id = ? AND licensee_id = ?
				  AND accepted_at IS NULL AND revoked_at IS NULL""")
			.params(Timestamp.from(this.clock.instant()), invitationId, licenseeId)
			.update();
		if (revoked == 1) {
			this.audit.record("TEAM_INVITATION_REVOKED", "Licensee", licenseeId, "invitation " + invitationId);
		}
		return revoked == 1;
	}

	@Transactional(readOnly = true)
	Opened open(String token) {
		return find(token, false);
	}

	/**
	 * Opens the account the invitation is for and uses the invitation up, in one transaction: two clicks on the
	 * same link open one account.
	 * @return the state the invitation was in; {@link State#OPEN} when the account is now open
	 */
	@Transactional
	State accept(String token, String displayName, String password) {
		Opened invitation = find(token, true);
		if (invitation.state() != State.OPEN) {
			return invitation.state();
		}
		Optional<Long> opened = this.accounts.open(new NewAccount(invitation.email(), displayName, password,
				Set.of(Role.LICENSEE), invitation.licenseeId()));
		if (opened.isEmpty()) {
			return State.USED;
		}
		this.jdbc.sql("UPDATE team_invite SET accepted_at = ? WHERE id = ?")
			.params(Timestamp.from(this.clock.instant()), invitation.id())
			.update();
		if (invitation.asAdmin()) {
			this.staff.makeAdmin(opened.get());
		}
		this.audit.recordAs(invitation.email(), "TEAM_INVITATION_ACCEPTED", "Licensee", invitation.licenseeId(),
				"invitation " + invitation.id() + ", user " + opened.get());
		return State.OPEN;
	}

	private Opened find(String token, boolean lock) {
		if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
			return Opened.unknown();
		}
		return this.jdbc.sql("""
				SELECT i.id, i.licensee_id, i.email, i.expires_at, i.accepted_at, i.revoked_at, i.as_admin
				FROM team_invite i WHERE i.token_hash = ?""" + (lock ? " FOR UPDATE" : ""))
			.param(hash(token))
			.query((rs, n) -> {
				long id = rs.getLong("id");
				long licenseeId = rs.getLong("licensee_id");
				String email = rs.getString("email");
				Instant expires = rs.getTimestamp("expires_at").toInstant();
				boolean asAdmin = rs.getBoolean("as_admin");
				State state = (rs.getTimestamp("accepted_at") != null) ? State.USED
						: (rs.getTimestamp("revoked_at") != null) ? State.REVOKED
								: !expires.isAfter(this.clock.instant()) ? State.EXPIRED : State.OPEN;
				return this.licensees.licensee(licenseeId)
					.map(licensee -> new Opened((state == State.OPEN && !licensee.active()) ? State.LICENSEE_SUSPENDED
							: state, id, licensee.id(), licensee.name(), email, expires, asAdmin));
			})
			.optional()
			.flatMap(opened -> opened)
			.orElseGet(Opened::unknown);
	}

	private static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

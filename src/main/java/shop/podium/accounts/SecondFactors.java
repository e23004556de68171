package shop.podium.accounts;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff's second factor: a TOTP secret enrolled on their first sign-in (shown once as a QR code and as text, stored
 * encrypted) and ten single-use recovery codes (shown once, stored as hashes) for a lost phone. A TOTP code is
 * accepted one step early or late (clocks drift) but never twice, nor an older one after a newer.
 */
@Service
class SecondFactors {

	static final int RECOVERY_CODES = 10;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final SecretBox box;

	private final AuditLog audit;

	private final String issuer;

	private final Clock clock;

	SecondFactors(JdbcClient jdbc, SecretBox box, AuditLog audit, AccountsProperties properties,
			ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.box = box;
		this.audit = audit;
		this.issuer = properties.secondFactorIssuer();
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** What a staff member needs to set up their authenticator app. */
	record Enrolment(String secret, String otpauthUri, String qrCode) {

		@Override
		public String toString() {
			return "Enrolment[secret hidden]"; // never in a log
		}

	}

	/** How a second factor was given, if it was. */
	enum Outcome {
		TOTP, RECOVERY_CODE, WRONG
	}

	@Transactional(readOnly = true)
	boolean enrolled(long userId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM second_factor WHERE user_id = ? AND confirmed_at IS NOT NULL")
			.param(userId)
			.query(Long.class)
			.single() > 0;
	}

	/** The secret being enrolled: the same until confirmed, so reloading the page shows the same QR code. */
	@Transactional
	Enrolment enrolment(long userId, String email) {
		Optional<String> pending = this.jdbc
			.sql("SELECT secret FROM second_factor WHERE user_id = ? AND confirmed_at IS NULL FOR UPDATE")
			.param(userId)
			.query(String.class)
			.optional();
		byte[] secret;
		if (pending.isPresent()) {
			secret = this.box.open(pending.get());
		}
		else {
			secret = new byte[20]; // 160 bits, as RFC 4226 recommends for HMAC-SHA1
			RANDOM.nextBytes(secret);
			this.jdbc.sql("INSERT INTO second_factor (user_id, secret, created_at) VALUES (?, ?, ?)")
				.params(userId, this.box.seal(secret), Timestamp.from(this.clock.instant()))
				.update();
		}
		String base32 = Base32.encode(secret);
		String label = enc(this.issuer) + ":" + enc(email);
		String uri = "otpauth://totp/" + label + "?secret=" + base32 + "&issuer=" + enc(this.issuer)
				+ "&algorithm=SHA1&digits=6&period=30";
		return new Enrolment(base32, uri, QrCodes.svgDataUri(uri));
	}

	/**
	 * Confirms the enrolment with a first code from the app.
	 * @return the recovery codes, to be shown once; empty when the code was wrong
	 */
	@Transactional
	Optional<List<String>> confirm(long userId, String code) {
		Optional<String> pending = this.jdbc
			.sql("SELECT secret FROM second_factor WHERE user_id = ? AND confirmed_at IS NULL FOR UPDATE")
			.param(userId)
			.query(String.class)
			.optional();
		if (pending.isEmpty()) {
			return Optional.empty();
		}
		Optional<Long> step = matchingStep(this.box.open(pending.get()), code, Long.MIN_VALUE);
		if (step.isEmpty()) {
			return Optional.empty();
		}
		this.jdbc.sql("UPDATE second_factor SET confirmed_at = ?, last_step = ? WHERE user_id = ?")
			.params(Timestamp.from(this.clock.instant()), step.get(), userId)
			.update();
		List<String> codes = newRecoveryCodes(userId);
		this.audit.recordAs(actor(userId), "SECOND_FACTOR_ENROLLED", "UserAccount", userId, "TOTP");
		return Optional.of(codes);
	}

	/** Checks a code from the app or a recovery code (which is used up). */
	@Transactional
	Outcome verify(long userId, String code) {
		String typed = (code != null) ? code.replace(" ", "").strip() : "";
		if (typed.matches("[0-9]{6}")) {
			return verifyTotp(userId, typed) ? Outcome.TOTP : Outcome.WRONG;
		}
		String normalized = typed.replace("-", "").toUpperCase(Locale.ROOT);
		if (normalized.isEmpty()) {
			return Outcome.WRONG;
		}
		int used = this.jdbc.sql("""
				UPDATE recovery_code SET used_at = ? WHERE user_id = ? AND code_hash = ? AND used_at IS NULL""")
			.params(Timestamp.from(this.clock.instant()), userId, TeamInvitations.hash(normalized))
			.update();
		if (used == 1) {
			this.audit.recordAs(actor(userId), "RECOVERY_CODE_USED", "UserAccount", userId,
					recoveryCodesLeft(userId) + " left");
			return Outcome.RECOVERY_CODE;
		}
		return Outcome.WRONG;
	}

	@Transactional(readOnly = true)
	int recoveryCodesLeft(long userId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM recovery_code WHERE user_id = ? AND used_at IS NULL")
			.param(userId)
			.query(Integer.class)
			.single();
	}

	private boolean verifyTotp(long userId, String code) {
		record Stored(String secret, Long lastStep) {
		}
		Optional<Stored> stored = this.jdbc
			.sql("SELECT secret, last_step FROM second_factor WHERE user_id = ? AND confirmed_at IS NOT NULL FOR UPDATE")
			.param(userId)
			.query((rs, n) -> new Stored(rs.getString("secret"), (Long) rs.getObject("last_step", Long.class)))
			.optional();
		if (stored.isEmpty()) {
			return false;
		}
		long after = (stored.get().lastStep() != null) ? stored.get().lastStep() : Long.MIN_VALUE;
		Optional<Long> step = matchingStep(this.box.open(stored.get().secret()), code, after);
		step.ifPresent(accepted -> this.jdbc.sql("UPDATE second_factor SET last_step = ? WHERE user_id = ?")
			.params(accepted, userId)
			.update());
		return step.isPresent();
	}

	/** The step (now, one before or one after) whose code this is, if it is later than {@code after}. */
	private Optional<Long> matchingStep(byte[] secret, String code, long after) {
		long now = TotpCodes.step(this.clock.instant());
		for (long step = now - 1; step <= now + 1; step++) {
			if (step > after && java.security.MessageDigest.isEqual(TotpCodes.code(secret, step).getBytes(),
					String.valueOf(code).strip().getBytes())) {
				return Optional.of(step);
			}
		}
		return Optional.empty();
	}

	private List<String> newRecoveryCodes(long userId) {
		this.jdbc.sql("DELETE FROM recovery_code WHERE user_id = ?").param(userId).update();
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < RECOVERY_CODES; i++) {
			byte[] bytes = new byte[7];
			RANDOM.nextBytes(bytes);
			String code = Base32.encode(bytes).substring(0, 10);
			this.jdbc.sql("INSERT INTO recovery_code (user_id, code_hash) VALUES (?, ?)")
				.params(userId, TeamInvitations.hash(code))
				.update();
			codes.add(code.substring(0, 5) + "-" + code.substring(5));
		}
		return codes;
	}

	private String actor(long userId) {
		return this.jdbc.sql("SELECT email FROM user_account WHERE id = ?").param(userId).query(String.class).single();
	}

	private static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

}

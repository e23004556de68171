package shop.podium.accounts;

import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

import static org.awaitility.Awaitility.await;

/**
 * The authenticator app of the tests and journeys: codes from the secret a staff member was shown when enrolling
 * (the {@code #totp-secret} on the enrolment page). It remembers each secret it was given and the last step it
 * answered for, since the shop takes a code once: a second sign-in within the same 30 seconds gets the next step's
 * code (the shop accepts one step ahead) or waits for it.
 */
public final class TotpGenerator {

	private static final TimeBasedOneTimePasswordGenerator GENERATOR = new TimeBasedOneTimePasswordGenerator();

	private static final Map<String, String> secrets = new ConcurrentHashMap<>();

	private static final Map<String, Long> lastSteps = new ConcurrentHashMap<>();

	private TotpGenerator() {
	}

	/** Remembers the secret the enrolment page showed for this email. */
	public static void enrolled(String email, String base32Secret) {
		secrets.put(EmailAddresses.normalize(email), base32Secret);
		lastSteps.remove(EmailAddresses.normalize(email));
	}

	public static boolean knows(String email) {
		return secrets.containsKey(EmailAddresses.normalize(email));
	}

	/** A code the shop has not taken yet for this email's secret. */
	public static synchronized String nextCode(String email) {
		String key = EmailAddresses.normalize(email);
		String secret = secrets.get(key);
		if (secret == null) {
			throw new IllegalStateException("No second factor enrolled by the tests for " + email);
		}
		long now = Instant.now().getEpochSecond() / 30;
		long last = lastSteps.getOrDefault(key, Long.MIN_VALUE);
		long step = Math.max(now, last + 1);
		if (step > now + 1) {
			sleepUntilStep(step - 1);
		}
		lastSteps.put(key, step);
		return code(secret, step);
	}

	/** The code of a secret for a time step (RFC 6238: HMAC-SHA1, 6 digits, 30 s). */
	public static String code(String base32Secret, long step) {
		try {
			return GENERATOR.generateOneTimePasswordString(
					new SecretKeySpec(Base32.decode(base32Secret), GENERATOR.getAlgorithm()),
					Instant.ofEpochSecond(step * 30));
		}
		catch (InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void sleepUntilStep(long step) {
		await("the start of the next 30-second step").atMost(Duration.ofSeconds(31))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> System.currentTimeMillis() >= step * 30_000 + 50);
	}

}

package shop.podium.accounts;

import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

/**
 * Time-based one-time passwords as RFC 6238 and every authenticator app define them by default: HMAC-SHA1, six
 * digits, 30-second steps.
 */
final class TotpCodes {

	static final Duration STEP = Duration.ofSeconds(30);

	private static final TimeBasedOneTimePasswordGenerator GENERATOR = new TimeBasedOneTimePasswordGenerator(STEP);

	private TotpCodes() {
	}

	static long step(Instant instant) {
		return instant.getEpochSecond() / STEP.toSeconds();
	}

	static String code(byte[] secret, long step) {
		try {
			return GENERATOR.generateOneTimePasswordString(
					new SecretKeySpec(secret, GENERATOR.getAlgorithm()), Instant.ofEpochSecond(step * STEP.toSeconds()));
		}
		catch (InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

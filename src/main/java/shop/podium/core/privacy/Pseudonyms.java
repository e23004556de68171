package shop.podium.core.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The names that stand for a person once their identity is removed. A pseudonym is random, not derived from the
 * person: nothing kept in the shop leads back from it to them.
 */
public final class Pseudonyms {

	/** The domain of pseudonymous addresses: {@code .invalid} is reserved, so no mail can ever reach one. */
	public static final String DOMAIN = "erased.invalid";

	private static final SecureRandom random = new SecureRandom();

	private Pseudonyms() {
	}

	/** A fresh pseudonym, e.g. {@code erased-3f9a2c41d07b}. */
	public static String fresh() {
		byte[] bytes = new byte[6];
		random.nextBytes(bytes);
		return "erased-" + HexFormat.of().formatHex(bytes);
	}

	/** The address that stands for a pseudonym where a column must hold an address. */
	public static String address(String pseudonym) {
		return pseudonym + "@" + DOMAIN;
	}

	static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}

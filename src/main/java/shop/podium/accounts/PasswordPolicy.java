package shop.podium.accounts;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What makes a password acceptable: long enough to resist guessing (length beats composition rules), not the
 * email it signs in with, and within what bcrypt can hash (72 bytes).
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 12;

	static final int MAX_BYTES = 72;

	private PasswordPolicy() {
	}

	/** The message key of the first rule the password breaks, if any. */
	static Optional<String> violation(String password, String email) {
		if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
			return Optional.of("accounts.signUp.password.tooShort");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			return Optional.of("accounts.signUp.password.tooLong");
		}
		if (EmailAddresses.normalize(password).equals(EmailAddresses.normalize(email))) {
			return Optional.of("accounts.signUp.password.isEmail");
		}
		return Optional.empty();
	}

}

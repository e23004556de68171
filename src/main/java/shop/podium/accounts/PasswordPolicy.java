package shop.podium.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What makes a password acceptable: long enough (length beats composition rules), within what bcrypt can hash (72
 * bytes), not the email it signs in with, not on the list of common and breached passwords shipped with the shop
 * ({@code accounts/common-passwords.txt}, see the README beside it) and not easy to guess — a repeated character,
 * a sequence, a keyboard walk or a dictionary word with digits, as nbvcxz estimates it. Each refusal has its own
 * message, so the person knows why.
 */
@Component
class PasswordPolicy {

	static final int MIN_LENGTH = 12;

	static final int MAX_BYTES = 72;

	/**
	 * The estimated guessing entropy a password needs, in bits (nbvcxz's own default): 2^35 guesses hold against an
	 * online attack, which the throttles cap at a few hundred a day, many times over; three unrelated words pass.
	 */
	static final double MIN_ENTROPY_BITS = 35;

	/**
	 * The list of common passwords and the estimator's dictionaries, read when a password is first checked rather
	 * than when the instance starts: reading them was the longest step of an instance's start after the
	 * configuration classes (4.8 s of 60 s at load 30 with the JDK's AOT cache, docs/benchmarks/startup.md), and
	 * an instance started for a surge serves pages long before anyone chooses a password.
	 */
	private volatile Rules rules;

	private record Rules(Set<String> common, Nbvcxz estimator) {
	}

	/** Whether the lists have been read (they are, once a password has been checked). */
	boolean loaded() {
		return this.rules != null;
	}

	/** The message key of the first rule the password breaks, if any. */
	Optional<String> violation(String password, String email) {
		if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
			return Optional.of("accounts.signUp.password.tooShort");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			return Optional.of("accounts.signUp.password.tooLong");
		}
		if (EmailAddresses.same(password, email)) {
			return Optional.of("accounts.signUp.password.isEmail");
		}
		Rules rules = rules();
		if (rules.common().contains(password.toLowerCase(Locale.ROOT))) {
			return Optional.of("accounts.signUp.password.common");
		}
		if (!rules.estimator().estimate(password).isMinimumEntropyMet()) {
			return Optional.of("accounts.signUp.password.guessable");
		}
		return Optional.empty();
	}

	private Rules rules() {
		Rules read = this.rules;
		if (read == null) {
			synchronized (this) {
				read = this.rules;
				if (read == null) {
					read = new Rules(load("accounts/common-passwords.txt"),
							new Nbvcxz(new ConfigurationBuilder().setMinimumEntropy(MIN_ENTROPY_BITS)
								.setLocale(Locale.ROOT)
								.createConfiguration()));
					this.rules = read;
				}
			}
		}
		return read;
	}

	private static Set<String> load(String resource) {
		Set<String> passwords = new HashSet<>(150_000);
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
			lines.lines().map(String::strip).filter(line -> !line.isEmpty())
				.forEach(line -> passwords.add(line.toLowerCase(Locale.ROOT)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The list of common passwords is part of the shop: " + resource, ex);
		}
		return Set.copyOf(passwords);
	}

}

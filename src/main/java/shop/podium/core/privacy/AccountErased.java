package shop.podium.core.privacy;

import java.time.Instant;

/**
 * A fan erased their account. Every module that keeps personal data about them erases it, or replaces their
 * identity with {@link #pseudonym()} where the law wants the record kept (orders, amounts, tax, payments and
 * refunds). Published through the event publication registry, so a listener that fails is retried until done;
 * each listener must therefore be safe to run again.
 * <p>
 * The event is kept in the registry after it was handled, so it carries no address: {@link #emailSha256()} lets
 * a module find rows by address (the mail outbox) without the registry keeping the address itself.
 *
 * @param emailSha256 the lower-case hex SHA-256 of the account's address in lower case, see {@link #hash(String)}
 * @param pseudonym what stands for the person from now on, e.g. {@code erased-3f9a2c41d07b}
 */
public record AccountErased(long userId, String emailSha256, String pseudonym, Instant erasedAt) {

	/** The hash that {@link #emailSha256()} holds: what SQL's {@code SHA2(LOWER(address), 256)} gives. */
	public static String hash(String email) {
		return Pseudonyms.sha256(email.strip().toLowerCase(java.util.Locale.ROOT));
	}

}

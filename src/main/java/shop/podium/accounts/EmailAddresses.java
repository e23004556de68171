package shop.podium.accounts;

import java.util.Locale;

/**
 * Emails are compared case-insensitively by storing and looking them up in one canonical form, so the unique
 * key on {@code user_account.email} is the case-insensitive uniqueness.
 */
public final class EmailAddresses {

	private EmailAddresses() {
	}

	/** The canonical form: trimmed and lower-cased (locale-independent); {@code ""} for {@code null}. */
	public static String normalize(String email) {
		return (email != null) ? email.strip().toLowerCase(Locale.ROOT) : "";
	}

}

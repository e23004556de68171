package shop.podium.accounts;

import java.text.Normalizer;
import java.util.Locale;

/**
 * One canonical form of an email address, used wherever an address is stored, compared or counted: sign-up,
 * sign-in, its throttle, invitations, guest order lookup. Two addresses are the same address exactly when their
 * canonical forms are equal, character for character — the columns that hold them compare in binary, so the
 * database cannot find {@code fan@pódium.test} when asked for {@code fan@podium.test}.
 */
public final class EmailAddresses {

	private EmailAddresses() {
	}

	/**
	 * The canonical form: trimmed, Unicode-normalised (NFKC: full-width letters and ligatures become plain ones,
	 * composed accents one code point) and case-folded (the upper-then-lower round trip folds {@code ß} to
	 * {@code ss} as full case folding does), normalised again; {@code ""} for {@code null}. Accents are kept:
	 * {@code pódium} is not {@code podium}.
	 */
	public static String normalize(String email) {
		if (email == null) {
			return "";
		}
		String composed = Normalizer.normalize(email.strip(), Normalizer.Form.NFKC);
		String folded = composed.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
		return Normalizer.normalize(folded, Normalizer.Form.NFKC);
	}

	/** Whether two typed or stored addresses are the same address. */
	public static boolean same(String one, String other) {
		return normalize(one).equals(normalize(other));
	}

}

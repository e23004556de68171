package shop.podium.core.cluster;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a change touches, named so that whoever keeps something derived from it can tell: {@code product:42},
 * {@code licensee:7}, {@code licence:12}, {@code edition:paris-2024}, {@code region:jp}, or {@code everything}.
 * The {@link #token()} is also the surrogate key a shared HTTP cache is purged by, so pages carry the same
 * tokens as their {@code xkey} / {@code Surrogate-Key}.
 *
 * @param kind what sort of thing ({@code product}, {@code licensee}, …): lowercase letters and dashes
 * @param id which one: letters, digits, dashes, dots and underscores; empty for {@link #everything()}
 */
public record ChangeKey(String kind, String id) {

	public static final String PRODUCT = "product";

	public static final String LICENSEE = "licensee";

	public static final String LICENCE = "licence";

	public static final String EDITION = "edition";

	public static final String REGION = "region";

	public static final String EVERYTHING = "everything";

	private static final Pattern KIND = Pattern.compile("[a-z][a-z-]{0,30}");

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{0,100}");

	public ChangeKey {
		if (!KIND.matcher(kind).matches() || !ID.matcher(id).matches() || (id.isEmpty() != EVERYTHING.equals(kind))) {
			throw new IllegalArgumentException("Not a change key: " + kind + ":" + id);
		}
	}

	public static ChangeKey product(long id) {
		return new ChangeKey(PRODUCT, Long.toString(id));
	}

	public static ChangeKey licensee(long id) {
		return new ChangeKey(LICENSEE, Long.toString(id));
	}

	public static ChangeKey licence(long id) {
		return new ChangeKey(LICENCE, Long.toString(id));
	}

	public static ChangeKey edition(String slug) {
		return new ChangeKey(EDITION, slug);
	}

	public static ChangeKey region(String code) {
		return new ChangeKey(REGION, code.toLowerCase(Locale.ROOT));
	}

	/** Anything may have changed (changes were missed while the database was away, say). */
	public static ChangeKey everything() {
		return new ChangeKey(EVERYTHING, "");
	}

	public boolean isEverything() {
		return EVERYTHING.equals(this.kind);
	}

	/** {@code kind:id} (or {@code everything}): how the key is stored and how caches are purged by it. */
	public String token() {
		return isEverything() ? EVERYTHING : this.kind + ":" + this.id;
	}

	static ChangeKey parse(String token) {
		if (EVERYTHING.equals(token)) {
			return everything();
		}
		int colon = token.indexOf(':');
		if (colon < 0) {
			throw new IllegalArgumentException("Not a change key: " + token);
		}
		return new ChangeKey(token.substring(0, colon), token.substring(colon + 1));
	}

	@Override
	public String toString() {
		return token();
	}

}

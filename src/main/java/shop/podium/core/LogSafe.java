package shop.podium.core;

/**
 * How a secret that is also an identifier appears in a log: a Stripe Checkout Session id opens an order's
 * confirmation, a token opens an invitation. The log keeps its kind and last four characters, enough to tell two
 * apart when following an incident, never enough to use it.
 */
public final class LogSafe {

	private LogSafe() {
	}

	/** {@code cs_test_a1b2…} → {@code cs_…c3d4}; a short or missing value gives nothing away either. */
	public static String secret(String value) {
		if (value == null) {
			return "-";
		}
		if (value.length() < 12) {
			return "***";
		}
		int underscore = value.indexOf('_');
		String kind = (underscore > 0 && underscore <= 4) ? value.substring(0, underscore + 1) : "";
		return kind + "…" + value.substring(value.length() - 4);
	}

}

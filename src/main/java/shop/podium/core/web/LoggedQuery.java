package shop.podium.core.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * A query string as it may appear in a log: values of parameters whose names suggest a secret are
 * masked, the rest kept so that a log line still tells which page and filters a fan asked for.
 */
final class LoggedQuery {

	static final String MASK = "***";

	/** Deliberately broad: masking a harmless value costs nothing, logging a secret costs a lot. */
	private static final Pattern SENSITIVE = Pattern.compile(
			"pass|pwd|token|secret|key|session|auth|credential|card|cvc|cvv|iban|signature|otp|code|csrf");

	/** Path segments followed by a key: {@code /invitations/{token}}, a password reset's token. */
	private static final Set<String> SEGMENTS_BEFORE_A_KEY = Set.of("invitations", "reset",
			"password-reset", "tokens");

	/** Stripe Checkout Session ids (the emulator's hosted page is {@code /stripe-emulator/pay/cs_…}). */
	private static final Pattern SECRET_SEGMENT = Pattern.compile("cs_[A-Za-z0-9_]+");

	private LoggedQuery() {
	}

	static String of(String query, int maxLength) {
		if (query == null || query.isEmpty()) {
			return null;
		}
		StringJoiner logged = new StringJoiner("&");
		for (String parameter : query.split("&")) {
			int equals = parameter.indexOf('=');
			String name = (equals < 0) ? parameter : parameter.substring(0, equals);
			logged.add(sensitive(name) ? name + "=" + MASK : parameter);
		}
		String result = logged.toString();
		return (result.length() > maxLength) ? result.substring(0, maxLength) + "...(" + result.length() + " chars)"
				: result;
	}

	/**
	 * A request path as it may appear in a log: without path parameters ({@code ;jsessionid=...}), which can carry
	 * a session id, and with the segments that are keys masked: the token of an invitation or a password reset
	 * link ({@code /invitations/{token}}), and Stripe Checkout Session ids ({@code cs_…}), which open an order's
	 * confirmation. Anyone reading the log must not be able to follow the link.
	 */
	static String path(String uri) {
		int semicolon = uri.indexOf(';');
		String path = (semicolon < 0) ? uri : uri.substring(0, semicolon);
		String[] segments = path.split("/", -1);
		for (int i = 0; i < segments.length; i++) {
			boolean afterKeyedSegment = i > 0 && SEGMENTS_BEFORE_A_KEY.contains(segments[i - 1].toLowerCase(Locale.ROOT));
			if (!segments[i].isEmpty() && (afterKeyedSegment || SECRET_SEGMENT.matcher(segments[i]).matches())) {
				segments[i] = MASK;
			}
		}
		return String.join("/", segments);
	}

	private static boolean sensitive(String name) {
		String decoded;
		try {
			decoded = URLDecoder.decode(name, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			decoded = name;
		}
		return SENSITIVE.matcher(decoded.toLowerCase(Locale.ROOT)).find();
	}

}

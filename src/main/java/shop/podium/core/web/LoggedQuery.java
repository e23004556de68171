package shop.podium.core.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
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

	/** A request path without path parameters ({@code ;jsessionid=...}), which can carry a session id. */
	static String path(String uri) {
		int semicolon = uri.indexOf(';');
		return (semicolon < 0) ? uri : uri.substring(0, semicolon);
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

package shop.podium.core.web;

import java.security.SecureRandom;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The short reference a server error is logged under and shown with, so that a fan quoting it to support
 * leads straight to the log entry. Ten characters from an alphabet without look-alikes (no 0/O, 1/l/I).
 */
public final class ErrorReference {

	/** The request attribute (and error page model attribute) holding the reference of the request's error. */
	public static final String ATTRIBUTE = "reference";

	private static final String REQUEST_ATTRIBUTE = ErrorReference.class.getName();

	private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();

	private static final SecureRandom random = new SecureRandom();

	private ErrorReference() {
	}

	public static String next() {
		char[] reference = new char[10];
		for (int i = 0; i < reference.length; i++) {
			reference[i] = ALPHABET[random.nextInt(ALPHABET.length)];
		}
		return new String(reference);
	}

	/** The reference already given to this request's error, if any. */
	static String of(HttpServletRequest request) {
		return (request.getAttribute(REQUEST_ATTRIBUTE) instanceof String reference) ? reference : null;
	}

	static void remember(HttpServletRequest request, String reference) {
		request.setAttribute(REQUEST_ATTRIBUTE, reference);
	}

}

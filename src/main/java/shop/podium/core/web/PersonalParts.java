package shop.podium.core.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The parts of a kept page that belong to the reader (the header with their account links and cart count, the
 * flash messages of their last form), rendered for each request and set into the page everyone shares.
 *
 * <p>The template marks where each part begins and ends while a page is rendered to be kept: the request then
 * carries a {@link Marks} under {@link #MARKS_ATTRIBUTE}, and the part's fragment writes
 * {@code ${personalPartMarks.open('name')}} before and {@code ${personalPartMarks.close()}} after itself. Without
 * that attribute the fragment renders as any other, which is how the part is rendered for each request.
 */
@FunctionalInterface
public interface PersonalParts {

	/** The request attribute (and the template variable) holding the {@link Marks} of a page being kept. */
	String MARKS_ATTRIBUTE = "personalPartMarks";

	/**
	 * Renders the part of that name for this request, in the language of the page it goes into.
	 * @return the part's HTML in UTF-8, or {@code null} when it cannot be rendered here (the page is then
	 * rendered in full instead)
	 */
	byte[] render(String name, HttpServletRequest request, HttpServletResponse response, Locale locale)
			throws IOException, ServletException;

	/**
	 * The comments that bound a personal part in a page being kept. They carry a random value of this process, so
	 * that no text of a product (which the templates escape anyway) can pass for one; they never leave the server.
	 */
	final class Marks {

		private static final SecureRandom RANDOM = new SecureRandom();

		private final String prefix;

		private final String close;

		Marks() {
			byte[] nonce = new byte[12];
			RANDOM.nextBytes(nonce);
			String value = HexFormat.of().formatHex(nonce);
			this.prefix = "<!--personal:" + value + ":";
			this.close = "<!--/personal:" + value + "-->";
		}

		public String open(String name) {
			return this.prefix + name + "-->";
		}

		public String close() {
			return this.close;
		}

		byte[] prefixBytes() {
			return this.prefix.getBytes(StandardCharsets.US_ASCII);
		}

		byte[] closeBytes() {
			return this.close.getBytes(StandardCharsets.US_ASCII);
		}

	}

}

package shop.podium.core.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * A page as everyone may be served it: its headers, and its body as a row of pieces — text that is the same for
 * everyone, the places where the reader's CSRF token goes, and the {@link PersonalParts personal parts} rendered
 * for each reader. What a guest without a session sees of a personal part is the same for every such guest of
 * the page, so it is rendered once and kept with the page too.
 */
final class KeptPage {

	private final String contentType;

	private final Locale locale;

	private final List<String> cookies;

	private final List<Piece> pieces;

	private final Map<String, List<Piece>> guestParts = new ConcurrentHashMap<>();

	private final int size;

	private KeptPage(String contentType, Locale locale, List<String> cookies, List<Piece> pieces) {
		this.contentType = contentType;
		this.locale = locale;
		this.cookies = List.copyOf(cookies);
		this.pieces = List.copyOf(pieces);
		this.size = this.pieces.stream().mapToInt(Piece::size).sum();
	}

	/**
	 * Cuts a page rendered with its personal parts marked into the page everyone may be served, and the body
	 * this request gets (the same page without the marks).
	 * @param token the CSRF token rendered into the page's forms, or {@code null}
	 * @param guest whether the page was rendered for a guest without a session, whose parts may be kept too
	 */
	static Rendered cut(byte[] body, PersonalParts.Marks marks, String token, boolean guest, String contentType,
			Locale locale, List<String> cookies) {
		byte[] open = marks.prefixBytes();
		byte[] close = marks.closeBytes();
		byte[] cut = (token != null && !token.isEmpty()) ? token.getBytes(StandardCharsets.UTF_8) : null;
		List<Piece> pieces = new ArrayList<>();
		Map<String, byte[]> parts = new LinkedHashMap<>();
		ByteArrayOutputStream served = new ByteArrayOutputStream(body.length);
		int from = 0;
		for (int at = indexOf(body, open, from); at >= 0; at = indexOf(body, open, from)) {
			int nameEnd = indexOf(body, "-->".getBytes(StandardCharsets.US_ASCII), at + open.length);
			int end = (nameEnd < 0) ? -1 : indexOf(body, close, nameEnd + 3);
			if (end < 0) {
				// a mark the template did not close: nothing of this page may be shared
				return new Rendered(null, strip(body, open, close));
			}
			addText(pieces, body, from, at, cut);
			served.write(body, from, at - from);
			String name = new String(body, at + open.length, nameEnd - at - open.length, StandardCharsets.US_ASCII);
			byte[] part = Arrays.copyOfRange(body, nameEnd + 3, end);
			pieces.add(new Piece.Part(name));
			parts.put(name, part);
			served.writeBytes(part);
			from = end + close.length;
		}
		addText(pieces, body, from, body.length, cut);
		served.write(body, from, body.length - from);
		KeptPage page = new KeptPage(contentType, locale, cookies, pieces);
		if (guest) {
			parts.forEach((name, part) -> page.guestParts.put(name, textPieces(part, cut)));
		}
		return new Rendered(page, served.toByteArray());
	}

	/** What the filter does with a page it rendered: keeps {@code page} (when not null) and sends {@code body}. */
	record Rendered(KeptPage page, byte[] body) {
	}

	int size() {
		return this.size;
	}

	Locale locale() {
		return this.locale;
	}

	/**
	 * Writes the page for this request, with its own token and personal parts.
	 * @return false when a personal part could not be rendered: nothing was written, the page must be rendered
	 */
	boolean writeTo(HttpServletRequest request, HttpServletResponse response, boolean guest, PersonalParts parts,
			CsrfToken token) throws IOException, ServletException {
		List<byte[]> chunks = new ArrayList<>(this.pieces.size() + 8);
		byte[][] tokenBytes = new byte[1][];
		for (Piece piece : this.pieces) {
			if (piece instanceof Piece.Part part) {
				if (guest) {
					List<Piece> kept = this.guestParts.get(part.name());
					if (kept == null) {
						byte[] rendered = parts.render(part.name(), request, response, this.locale);
						if (rendered == null) {
							return false;
						}
						kept = textPieces(rendered, (token != null) ? token.getToken().getBytes(StandardCharsets.UTF_8) : null);
						this.guestParts.putIfAbsent(part.name(), kept);
					}
					kept.forEach(p -> add(chunks, p, token, tokenBytes));
				}
				else {
					byte[] rendered = parts.render(part.name(), request, response, this.locale);
					if (rendered == null) {
						return false;
					}
					chunks.add(rendered);
				}
			}
			else {
				add(chunks, piece, token, tokenBytes);
			}
		}
		response.setContentType(this.contentType);
		response.setLocale(this.locale);
		this.cookies.forEach(cookie -> response.addHeader(HttpHeaders.SET_COOKIE, cookie));
		wholeInBuffer(response, chunks.stream().mapToInt(chunk -> chunk.length).sum());
		var out = response.getOutputStream();
		for (byte[] chunk : chunks) {
			out.write(chunk);
		}
		return true;
	}

	/**
	 * Lets the page of {@code length} bytes be written whole before anything is sent, and announces no length: the
	 * container sends the length itself when the request ends. A response whose announced length is reached, or
	 * that outgrows its buffer, counts as committed to Spring Session's filter, which then saves the reader's
	 * session and saves it again when the request ends, reading it from the database once more in between: a
	 * second database read of the session for every page.
	 */
	static void wholeInBuffer(HttpServletResponse response, int length) {
		if (!response.isCommitted() && response.getBufferSize() <= length) {
			response.setBufferSize(length + 1);
		}
	}

	private static void add(List<byte[]> chunks, Piece piece, CsrfToken token, byte[][] tokenBytes) {
		if (piece instanceof Piece.Text text) {
			chunks.add(text.bytes());
		}
		else if (piece instanceof Piece.Token) {
			if (tokenBytes[0] == null) {
				// asking for the token makes the repository issue one to this reader when they have none yet
				tokenBytes[0] = token.getToken().getBytes(StandardCharsets.UTF_8);
			}
			chunks.add(tokenBytes[0]);
		}
	}

	private static List<Piece> textPieces(byte[] text, byte[] token) {
		List<Piece> pieces = new ArrayList<>();
		addText(pieces, text, 0, text.length, token);
		return List.copyOf(pieces);
	}

	/** Adds the text between {@code from} and {@code to}, with each occurrence of the token as a token piece. */
	private static void addText(List<Piece> pieces, byte[] body, int from, int to, byte[] token) {
		if (token != null) {
			for (int at = indexOf(body, token, from, to); at >= 0; at = indexOf(body, token, from, to)) {
				pieces.add(new Piece.Text(Arrays.copyOfRange(body, from, at)));
				pieces.add(Piece.Token.INSTANCE);
				from = at + token.length;
			}
		}
		if (to > from) {
			pieces.add(new Piece.Text(Arrays.copyOfRange(body, from, to)));
		}
	}

	/** The body without any mark, for a page that is not kept. */
	static byte[] strip(byte[] body, PersonalParts.Marks marks) {
		return strip(body, marks.prefixBytes(), marks.closeBytes());
	}

	private static byte[] strip(byte[] body, byte[] open, byte[] close) {
		if (indexOf(body, open, 0) < 0 && indexOf(body, close, 0) < 0) {
			return body;
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream(body.length);
		byte[] end = "-->".getBytes(StandardCharsets.US_ASCII);
		int from = 0;
		while (from < body.length) {
			int atOpen = indexOf(body, open, from);
			int atClose = indexOf(body, close, from);
			int at = (atOpen < 0) ? atClose : (atClose < 0) ? atOpen : Math.min(atOpen, atClose);
			if (at < 0) {
				break;
			}
			out.write(body, from, at - from);
			int markEnd = indexOf(body, end, at + 4);
			from = (markEnd < 0) ? body.length : markEnd + end.length;
		}
		if (from < body.length) {
			out.write(body, from, body.length - from);
		}
		return out.toByteArray();
	}

	private static int indexOf(byte[] body, byte[] part, int from) {
		return indexOf(body, part, from, body.length);
	}

	private static int indexOf(byte[] body, byte[] part, int from, int to) {
		outer: for (int i = from; i <= to - part.length; i++) {
			for (int j = 0; j < part.length; j++) {
				if (body[i + j] != part[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	/** A piece of a kept page. */
	private sealed interface Piece {

		int size();

		record Text(byte[] bytes) implements Piece {

			@Override
			public int size() {
				return this.bytes.length;
			}

		}

		record Part(String name) implements Piece {

			@Override
			public int size() {
				return 256;
			}

		}

		enum Token implements Piece {

			INSTANCE;

			@Override
			public int size() {
				return 0;
			}

		}

	}

}

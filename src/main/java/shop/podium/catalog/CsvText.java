package shop.podium.catalog;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

/**
 * Turns an uploaded CSV file into text. A byte-order mark says the encoding (UTF-8, UTF-16) and is dropped;
 * without one the file must be valid UTF-8 throughout, so a file with mixed encodings (UTF-8 and Windows-1252
 * rows pasted together) is refused with the row of the first byte that is not UTF-8, instead of importing
 * mangled names.
 */
final class CsvText {

	private CsvText() {
	}

	/** The decoded text, or the 1-based row (line) where it stops being UTF-8. */
	record Decoded(String text, int badRow) {

		boolean ok() {
			return this.text != null;
		}

	}

	static Decoded decode(byte[] bytes) {
		if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
			return strict(bytes, 3);
		}
		if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
			return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE), 0);
		}
		if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
			return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE), 0);
		}
		return strict(bytes, 0);
	}

	private static Decoded strict(byte[] bytes, int offset) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer input = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
		try {
			CharBuffer chars = decoder.decode(input);
			return new Decoded(chars.toString(), 0);
		}
		catch (MalformedInputException ex) {
			return new Decoded(null, rowAt(bytes, offset, input.position()));
		}
		catch (CharacterCodingException ex) {
			return new Decoded(null, rowAt(bytes, offset, input.position()));
		}
	}

	private static int rowAt(byte[] bytes, int from, int position) {
		int row = 1;
		for (int i = from; i < Math.min(position, bytes.length); i++) {
			if (bytes[i] == '\n') {
				row++;
			}
		}
		return row;
	}

	/**
	 * A cell as a spreadsheet will not run it: text starting with {@code = + - @}, a tab or a carriage return
	 * gets a leading apostrophe (OWASP's advice against CSV injection).
	 */
	static String neutralise(String cell) {
		if (cell == null || cell.isEmpty()) {
			return cell;
		}
		char first = cell.charAt(0);
		return (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r')
				? "'" + cell : cell;
	}

	/** Undoes {@link #neutralise(String)}, so an exported file imports back unchanged. */
	static String restore(String cell) {
		if (cell != null && cell.length() > 1 && cell.charAt(0) == '\'') {
			char next = cell.charAt(1);
			if (next == '=' || next == '+' || next == '-' || next == '@' || next == '\t' || next == '\r') {
				return cell.substring(1);
			}
		}
		return cell;
	}

}

package shop.podium.finance;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** An uploaded report file as bytes: its fingerprint, whether it holds anything, and a reader without the BOM. */
final class ReportFiles {

	private ReportFiles() {
	}

	/** Nothing but white space and a byte order mark, checked without decoding a large file. */
	static boolean blank(byte[] content) {
		for (int i = 0; i < content.length; i++) {
			int b = content[i] & 0xFF;
			boolean bom = i < 3 && (b == 0xEF || b == 0xBB || b == 0xBF);
			if (!bom && b != ' ' && b != '\t' && b != '\r' && b != '\n') {
				return false;
			}
		}
		return true;
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static Reader reader(byte[] content) throws IOException {
		// Excel saves UTF-8 CSV with a byte order mark, which would otherwise stick to the first column's name
		boolean bom = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
				&& (content[2] & 0xFF) == 0xBF;
		InputStream in = new java.io.ByteArrayInputStream(content, bom ? 3 : 0, content.length - (bom ? 3 : 0));
		return new InputStreamReader(in, StandardCharsets.UTF_8);
	}

}

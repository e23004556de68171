package shop.podium.finance;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Files finance downloads: CSV (UTF-8 with a BOM, so Excel reads accents and CJK names) and PDF. */
final class Downloads {

	private Downloads() {
	}

	static ResponseEntity<byte[]> csv(String fileName, String body) {
		byte[] bytes = ("\uFEFF" + body).getBytes(StandardCharsets.UTF_8);
		return file(fileName, new MediaType("text", "csv", StandardCharsets.UTF_8), bytes);
	}

	static ResponseEntity<byte[]> pdf(String fileName, byte[] body) {
		return file(fileName, MediaType.APPLICATION_PDF, body);
	}

	private static ResponseEntity<byte[]> file(String fileName, MediaType type, byte[] body) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
			.body(body);
	}

}

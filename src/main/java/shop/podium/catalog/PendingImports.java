package shop.podium.catalog;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The CSV files licensees checked (dry run) and may now apply, by a random token the page carries: in the
 * database, so the apply may reach another instance than the check, gzipped (a CSV shrinks several times, and
 * fits the database's packet size), forgotten after a day.
 */
@Component
class PendingImports {

	private final JdbcClient jdbc;

	PendingImports(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Keeps the file for that licensee; @return the token that names it */
	String keep(long licenseeId, byte[] file) {
		this.jdbc.sql("DELETE FROM listing_import_pending WHERE created_at < NOW(6) - INTERVAL 1 DAY").update();
		String token = UUID.randomUUID().toString();
		this.jdbc.sql("INSERT INTO listing_import_pending (token, licensee_id, file_gzip) VALUES (:t, :l, :f)")
			.param("t", token)
			.param("l", licenseeId)
			.param("f", gzip(file))
			.update();
		return token;
	}

	/** The file kept under that token for that licensee (and no other). */
	Optional<byte[]> find(String token, long licenseeId) {
		if (token == null) {
			return Optional.empty();
		}
		return this.jdbc.sql("SELECT file_gzip FROM listing_import_pending WHERE token = :t AND licensee_id = :l")
			.param("t", token)
			.param("l", licenseeId)
			.query((rs, n) -> gunzip(rs.getBytes(1)))
			.optional();
	}

	void forget(String token) {
		this.jdbc.sql("DELETE FROM listing_import_pending WHERE token = :t").param("t", token).update();
	}

	private static byte[] gzip(byte[] file) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(file.length / 4 + 64);
		try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
			zip.write(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static byte[] gunzip(byte[] stored) {
		try (GZIPInputStream zip = new GZIPInputStream(new ByteArrayInputStream(stored))) {
			return zip.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

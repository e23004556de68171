package shop.podium.licensing;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import shop.podium.accounts.LicenseeDirectory;

/**
 * Licensees as other modules may know them: their names and whether they are active. The catalog, finance and
 * the portal ask here instead of reading the {@code licensee} table; accounts asks through its
 * {@link LicenseeDirectory}, which this answers.
 */
@Service
public class Licensees implements LicenseeDirectory {

	private final JdbcClient jdbc;

	Licensees(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Licensee> licensee(long licenseeId) {
		return this.jdbc.sql("SELECT id, name, status FROM licensee WHERE id = ?")
			.param(licenseeId)
			.query((rs, n) -> new Licensee(rs.getLong(1), rs.getString(2), "ACTIVE".equals(rs.getString(3))))
			.optional();
	}

	@Transactional(readOnly = true)
	public Optional<String> name(long licenseeId) {
		return licensee(licenseeId).map(Licensee::name);
	}

	/** A licensee's public identity: its code (in URLs and search facets) and its name. */
	public record Named(long id, String code, String name) {
	}

	/** Every licensee by id (a few dozen rows: the rights holder's partners). */
	@Transactional(readOnly = true)
	public Map<Long, Named> all() {
		Map<Long, Named> all = new HashMap<>();
		this.jdbc.sql("SELECT id, code, name FROM licensee").query(rs -> {
			all.put(rs.getLong(1), new Named(rs.getLong(1), rs.getString(2), rs.getString(3)));
		});
		return all;
	}

	/** Every licensee's name by id. */
	public Map<Long, String> names() {
		Map<Long, String> names = new HashMap<>();
		all().forEach((id, named) -> names.put(id, named.name()));
		return names;
	}

}

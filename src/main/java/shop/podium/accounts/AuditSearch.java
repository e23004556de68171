package shop.podium.accounts;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the audit log for the administrators' viewer: filtered, newest first, a page at a time. Read only —
 * the log has no update or delete anywhere (see {@link AuditLog}).
 */
@Service
class AuditSearch {

	static final int PAGE_SIZE = 50;

	private final JdbcClient jdbc;

	private final ErasedIdentities erased;

	AuditSearch(JdbcClient jdbc, ErasedIdentities erased) {
		this.jdbc = jdbc;
		this.erased = erased;
	}

	/**
	 * What the administrator filters on; every part is optional.
	 * @param actor part of the actor's email
	 * @param from first day (UTC) included
	 * @param to last day (UTC) included
	 */
	record Filter(String actor, String action, String objectType, String objectId, LocalDate from, LocalDate to) {

		Filter {
			actor = blankToNull(actor);
			action = blankToNull(action);
			objectType = blankToNull(objectType);
			objectId = blankToNull(objectId);
		}

		private static String blankToNull(String value) {
			return (value == null || value.isBlank()) ? null : value.strip();
		}

	}

	record Page(List<AuditEntry> entries, int number, int pages, long total) {
	}

	@Transactional(readOnly = true)
	Page find(Filter filter, int page) {
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		Map<String, Object> params = new LinkedHashMap<>();
		if (filter.actor() != null) {
			where.append(" AND actor LIKE :actor ESCAPE '!'");
			params.put("actor", "%" + likeEscaped(filter.actor().toLowerCase(java.util.Locale.ROOT)) + "%");
		}
		if (filter.action() != null) {
			where.append(" AND action = :action");
			params.put("action", filter.action());
		}
		if (filter.objectType() != null) {
			where.append(" AND object_type = :objectType");
			params.put("objectType", filter.objectType());
		}
		if (filter.objectId() != null) {
			where.append(" AND object_id = :objectId");
			params.put("objectId", filter.objectId());
		}
		if (filter.from() != null) {
			where.append(" AND occurred_at >= :from");
			params.put("from", Timestamp.from(filter.from().atStartOfDay(ZoneOffset.UTC).toInstant()));
		}
		if (filter.to() != null) {
			where.append(" AND occurred_at < :to");
			params.put("to", Timestamp.from(filter.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
		}
		long total = this.jdbc.sql("SELECT COUNT(*) FROM audit_entry" + where).params(params).query(Long.class).single();
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int number = Math.clamp(page, 1, pages);
		List<AuditEntry> entries = this.jdbc.sql("""
				SELECT id, occurred_at, actor, action, object_type, object_id, detail FROM audit_entry""" + where
				+ " ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", PAGE_SIZE)
			.param("offset", (number - 1) * PAGE_SIZE)
			.query((rs, n) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
					rs.getString("actor"), rs.getString("action"), rs.getString("object_type"), rs.getString("object_id"),
					rs.getString("detail")))
			.list();
		return new Page(this.erased.mask(entries), number, pages, total);
	}

	/** The actions and object types recorded so far, for the filter's choices. */
	@Transactional(readOnly = true)
	List<String> distinct(String column) {
		if (!List.of("action", "object_type").contains(column)) {
			throw new IllegalArgumentException(column);
		}
		return new ArrayList<>(this.jdbc.sql("SELECT DISTINCT " + column + " FROM audit_entry WHERE " + column
				+ " IS NOT NULL ORDER BY " + column).query(String.class).list());
	}

	private static String likeEscaped(String value) {
		return value.replace("!", "!!").replace("%", "!%").replace("_", "!_");
	}

}

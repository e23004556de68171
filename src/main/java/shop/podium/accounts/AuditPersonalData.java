package shop.podium.accounts;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import shop.podium.core.privacy.DataSubject;
import shop.podium.core.privacy.PersonalData;

/**
 * The audit log's part of a fan's personal data: what they did that the shop recorded, and what was done to their
 * account. Entries about other people stay out, even when the fan is their object's owner.
 */
@Component
class AuditPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	AuditPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Entry(Instant at, String actor, String action, String objectType, String objectId, String detail) {
	}

	@Override
	public String part() {
		return "audit";
	}

	@Override
	public int order() {
		return 90;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Entry> of(DataSubject subject) {
		return this.jdbc.sql("""
				SELECT occurred_at, actor, action, object_type, object_id, detail FROM audit_entry
				WHERE actor = :email OR (object_type = 'UserAccount' AND object_id = :id)
				ORDER BY occurred_at, id""")
			.param("email", subject.email())
			.param("id", Long.toString(subject.userId()))
			.query((rs, n) -> new Entry(rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
					rs.getString("action"), rs.getString("object_type"), rs.getString("object_id"),
					rs.getString("detail")))
			.list();
	}

}

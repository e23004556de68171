package shop.podium.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only record of who did what, when, to which object. Every module records its sensitive changes
 * here (licence edits, listing approvals, refunds …). Entries join the caller's transaction: a change that
 * rolls back leaves no entry behind.
 */
@Service
public class AuditLog {

	/** The actor of what the application does on its own (seeding, scheduled jobs). */
	public static final String SYSTEM = "system";

	/**
	 * The most a detail keeps: what a MEDIUMTEXT column holds in four-byte characters. Far beyond any licence or
	 * offer, so a change's JSON is kept whole; only runaway free text would be cut.
	 */
	static final int MAX_DETAIL = 16_777_215 / 4;

	private final AuditRecords records;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final ErasedIdentities erased;

	private final JsonMapper json = JsonMapper.builder().build();

	AuditLog(AuditRecords records, JdbcTemplate jdbc, ObjectProvider<Clock> clock, ErasedIdentities erased) {
		this.records = records;
		this.erased = erased;
		this.jdbc = jdbc;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/**
	 * Records an action of the signed-in user (or of {@link #SYSTEM} when nobody is signed in).
	 * @param objectType what kind of object was acted on, e.g. {@code Licence}; may be {@code null}
	 * @param objectId its id or natural key; may be {@code null}
	 * @param detail free text, kept whole (see {@link #MAX_DETAIL}); may be {@code null}
	 */
	@Transactional
	public AuditEntry record(String action, String objectType, Object objectId, String detail) {
		String actor = CurrentUser.current().map(CurrentUser::email).orElse(SYSTEM);
		return recordAs(actor, action, objectType, objectId, detail);
	}

	/**
	 * Records a change with the object's state before and after it, kept as JSON. Pass what matters to a
	 * reviewer (a record or a map of the changed fields), never secrets.
	 */
	@Transactional
	public AuditEntry recordChange(String action, String objectType, Object objectId, Object before, Object after) {
		Map<String, Object> change = new LinkedHashMap<>();
		change.put("before", before);
		change.put("after", after);
		return record(action, objectType, objectId, this.json.writeValueAsString(change));
	}

	/** One object's change among many recorded at once by {@link #recordChanges}. */
	public record Change(Object objectId, Object before, Object after) {
	}

	/**
	 * Records many changes of one kind at once, as {@link #recordChange} would one by one, in JDBC batches: what a
	 * bulk operation (a CSV import of thousands of offers) needs to keep each object's before and after without
	 * paying a round trip per entry.
	 */
	@Transactional
	public void recordChanges(String action, String objectType, List<Change> changes) {
		if (changes.isEmpty()) {
			return;
		}
		String actor = cut(CurrentUser.current().map(CurrentUser::email).orElse(SYSTEM), 254);
		Timestamp now = Timestamp.from(this.clock.instant());
		List<Object[]> rows = changes.stream().map(change -> {
			Map<String, Object> detail = new LinkedHashMap<>();
			detail.put("before", change.before());
			detail.put("after", change.after());
			return new Object[] { now, actor, cut(action, 80), cut(objectType, 60),
					(change.objectId() != null) ? cut(change.objectId().toString(), 80) : null,
					cut(this.json.writeValueAsString(detail), MAX_DETAIL) };
		}).toList();
		this.jdbc.batchUpdate(
				"INSERT INTO audit_entry (occurred_at, actor, action, object_type, object_id, detail) VALUES (?, ?, ?, ?, ?, ?)",
				rows);
	}

	/** Records an action on behalf of a named actor, e.g. a visitor who is not signed in yet. */
	@Transactional
	public AuditEntry recordAs(String actor, String action, String objectType, Object objectId, String detail) {
		AuditRecord record = new AuditRecord(this.clock.instant(), cut(actor, 254), cut(action, 80),
				cut(objectType, 60), (objectId != null) ? cut(objectId.toString(), 80) : null, cut(detail, MAX_DETAIL));
		return this.records.save(record).toEntry();
	}

	@Transactional(readOnly = true)
	public List<AuditEntry> latest(int count) {
		return this.erased.mask(this.records.findByOrderByOccurredAtDescIdDesc(Limit.of(count))
			.stream()
			.map(AuditRecord::toEntry)
			.toList());
	}

	/** The history of one object, oldest first. */
	@Transactional(readOnly = true)
	public List<AuditEntry> historyOf(String objectType, Object objectId) {
		return this.erased.mask(this.records.findByObjectTypeAndObjectIdOrderByOccurredAtAscIdAsc(objectType, objectId.toString())
			.stream()
			.map(AuditRecord::toEntry)
			.toList());
	}

	private static String cut(String value, int max) {
		return (value == null || value.length() <= max) ? value : value.substring(0, max);
	}

}

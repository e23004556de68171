package shop.podium.finance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import shop.podium.accounts.AuditLog;
import shop.podium.accounts.CurrentUser;

/**
 * The discrepancy queue: assign, comment, resolve with a reason. Nothing is deleted; every action is a history
 * row and an audit entry, and a resolved item stays listed under "resolved".
 */
@Service
class Discrepancies {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	Discrepancies(JdbcClient jdbc, AuditLog audit, ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	record Discrepancy(long id, String kind, String subject, String orderNumber, String stripeId, Long amount,
			String currency, String detail, String status, String assignee, String resolution, Instant foundAt,
			Instant resolvedAt, String resolvedBy) {

		public boolean open() {
			return "OPEN".equals(this.status);
		}

	}

	record Event(Instant at, String actor, String action, String body) {
	}

	List<Discrepancy> list(boolean open, int limit) {
		return this.jdbc.sql(SELECT + " WHERE status = :s ORDER BY found_at DESC, id DESC LIMIT :limit")
			.param("s", open ? "OPEN" : "RESOLVED")
			.param("limit", limit)
			.query(Discrepancies::row)
			.list();
	}

	/** The open discrepancies by kind, the most frequent first. */
	Map<String, Integer> openByKind() {
		Map<String, Integer> byKind = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT kind, COUNT(*) FROM finance_discrepancy WHERE status = 'OPEN'
				GROUP BY kind ORDER BY COUNT(*) DESC, kind""")
			.query(rs -> {
				byKind.put(rs.getString(1), rs.getInt(2));
			});
		return byKind;
	}

	/** How many open discrepancies nobody has been assigned. */
	int openUnassigned() {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM finance_discrepancy WHERE status = 'OPEN' AND (assignee IS NULL OR assignee = '')""")
			.query(Integer.class)
			.single();
	}

	Optional<Discrepancy> find(long id) {
		return this.jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(Discrepancies::row).optional();
	}

	List<Event> history(long id) {
		return this.jdbc.sql("""
				SELECT occurred_at, actor, action, body FROM finance_discrepancy_event
				WHERE discrepancy_id = ? ORDER BY id""")
			.param(id)
			.query((rs, n) -> new Event(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	@Transactional
	void assign(long id, String assignee) {
		Discrepancy item = lockOpen(id);
		this.jdbc.sql("UPDATE finance_discrepancy SET assignee = :a WHERE id = :id")
			.param("a", assignee.isBlank() ? null : assignee.strip())
			.param("id", id)
			.update();
		event(id, "ASSIGNED", assignee.strip());
		this.audit.recordChange("finance.discrepancy.assign", "Discrepancy", id, item.assignee(), assignee.strip());
	}

	@Transactional
	void comment(long id, String body) {
		find(id).orElseThrow(DiscrepancyRefused::unknown);
		event(id, "COMMENTED", body.strip());
		this.audit.record("finance.discrepancy.comment", "Discrepancy", id, body.strip());
	}

	@Transactional
	void resolve(long id, String reason) {
		lockOpen(id);
		this.jdbc.sql("""
				UPDATE finance_discrepancy SET status = 'RESOLVED', resolution = :r, resolved_at = :at, resolved_by = :by
				WHERE id = :id""")
			.param("r", reason.strip())
			.param("at", Timestamp.from(this.clock.instant()))
			.param("by", actor())
			.param("id", id)
			.update();
		event(id, "RESOLVED", reason.strip());
		this.audit.record("finance.discrepancy.resolve", "Discrepancy", id, reason.strip());
	}

	private Discrepancy lockOpen(long id) {
		Discrepancy item = this.jdbc.sql(SELECT + " WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(Discrepancies::row)
			.optional()
			.orElseThrow(DiscrepancyRefused::unknown);
		if (!item.open()) {
			throw new DiscrepancyRefused("finance.discrepancy.refused.resolved");
		}
		return item;
	}

	private void event(long id, String action, String body) {
		this.jdbc.sql("""
				INSERT INTO finance_discrepancy_event (discrepancy_id, occurred_at, actor, action, body)
				VALUES (:id, :at, :actor, :action, :body)""")
			.param("id", id)
			.param("at", Timestamp.from(this.clock.instant()))
			.param("actor", actor())
			.param("action", action)
			.param("body", body)
			.update();
	}

	private static String actor() {
		return CurrentUser.current().map(CurrentUser::email).orElse(AuditLog.SYSTEM);
	}

	private static final String SELECT = """
			SELECT id, kind, subject, order_number, stripe_id, amount_minor, currency, detail, status, assignee,
			  resolution, found_at, resolved_at, resolved_by FROM finance_discrepancy""";

	private static Discrepancy row(ResultSet rs, int n) throws SQLException {
		long amount = rs.getLong(6);
		Long boxed = rs.wasNull() ? null : amount;
		Timestamp resolved = rs.getTimestamp(13);
		return new Discrepancy(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), boxed,
				rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
				rs.getTimestamp(12).toInstant(), (resolved != null) ? resolved.toInstant() : null, rs.getString(14));
	}

	/** A queue action finance cannot take, with the message that says why. */
	static class DiscrepancyRefused extends RuntimeException {

		final String messageKey;

		DiscrepancyRefused(String messageKey) {
			super(messageKey);
			this.messageKey = messageKey;
		}

		static DiscrepancyRefused unknown() {
			return new DiscrepancyRefused("finance.discrepancy.refused.unknown");
		}

	}

}

package shop.podium.finance;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Each import with its progress, so the imports page can show a run as it goes and what the last ones did. */
@Repository
class ImportRuns {

	private final JdbcClient jdbc;

	private final Clock clock;

	ImportRuns(JdbcClient jdbc, ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	record Run(long id, String trigger, String startedBy, Instant startedAt, Instant finishedAt, String status,
			int fetched, int inserted, int payouts, int discrepancies, String message, int pages) {

		public boolean running() {
			return "RUNNING".equals(this.status);
		}

	}

	long start(String trigger, String actor) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO finance_import_run (trigger_kind, started_by, started_at, status)
				VALUES (:t, :by, :at, 'RUNNING')""")
			.param("t", trigger)
			.param("by", actor)
			.param("at", now())
			.update(keys);
		return keys.getKey().longValue();
	}

	void progress(long run, int fetched, int inserted) {
		this.jdbc.sql("UPDATE finance_import_run SET fetched = fetched + :f, inserted = inserted + :i WHERE id = :id")
			.param("f", fetched)
			.param("i", inserted)
			.param("id", run)
			.update();
	}

	/** A page of one of Stripe's lists has arrived. */
	void page(long run) {
		this.jdbc.sql("UPDATE finance_import_run SET pages = pages + 1 WHERE id = :id").param("id", run).update();
	}

	void payouts(long run, int payouts) {
		this.jdbc.sql("UPDATE finance_import_run SET payouts = :p WHERE id = :id").param("p", payouts).param("id", run).update();
	}

	void finish(long run, int discrepancies) {
		this.jdbc.sql("""
				UPDATE finance_import_run SET status = 'DONE', finished_at = :at, discrepancies = :d WHERE id = :id""")
			.param("at", now())
			.param("d", discrepancies)
			.param("id", run)
			.update();
	}

	void fail(long run, String message) {
		this.jdbc.sql("UPDATE finance_import_run SET status = 'FAILED', finished_at = :at, message = :m WHERE id = :id")
			.param("at", now())
			.param("m", (message != null && message.length() > 500) ? message.substring(0, 500) : message)
			.param("id", run)
			.update();
	}

	/**
	 * Marks the runs a stopped shop left behind as interrupted, so the page neither waits for them nor keeps
	 * the import button disabled. Returns how many there were.
	 */
	int interruptUnfinished() {
		return this.jdbc.sql("UPDATE finance_import_run SET status = 'INTERRUPTED', finished_at = :at WHERE status = 'RUNNING'")
			.param("at", now())
			.update();
	}

	Optional<Run> find(long id) {
		return this.jdbc.sql(SELECT + " WHERE id = ?").param(id).query(ImportRuns::run).optional();
	}

	List<Run> latest(int count) {
		return this.jdbc.sql(SELECT + " ORDER BY id DESC LIMIT ?").param(count).query(ImportRuns::run).list();
	}

	private static final String SELECT = """
			SELECT id, trigger_kind, started_by, started_at, finished_at, status, fetched, inserted, payouts,
			  discrepancies, message, pages FROM finance_import_run""";

	private static Run run(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		Timestamp finished = rs.getTimestamp(5);
		return new Run(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
				(finished != null) ? finished.toInstant() : null, rs.getString(6), rs.getInt(7), rs.getInt(8),
				rs.getInt(9), rs.getInt(10), rs.getString(11), rs.getInt(12));
	}

	private Timestamp now() {
		return Timestamp.from(this.clock.instant());
	}

}

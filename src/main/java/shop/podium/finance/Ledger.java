package shop.podium.finance;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The imported ledger: balance transactions, payouts and the import cursors. Inserts are {@code INSERT IGNORE}
 * on Stripe's id, so importing the same transaction twice (a re-run, an overlapping page, a report uploaded
 * again) changes nothing.
 */
@Repository
class Ledger {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final Clock clock;

	Ledger(JdbcClient jdbc, JdbcTemplate template, ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.template = template;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** @return how many of the entries were new */
	int insert(List<LedgerEntry> entries, String origin, Long uploadId) {
		if (entries.isEmpty()) {
			return 0;
		}
		// The driver answers a rewritten batch with "success, count unknown": count the new ids before inserting
		Map<String, long[]> held = figures(entries.stream().map(LedgerEntry::id).toList());
		int fresh = (int) entries.stream().map(LedgerEntry::id).filter(id -> !held.containsKey(id)).distinct().count();
		Timestamp now = Timestamp.from(this.clock.instant());
		this.template.batchUpdate("""
				INSERT IGNORE INTO finance_balance_transaction (id, created_at, type, reporting_category, amount_minor,
				  fee_minor, net_minor, currency, exchange_rate, description, source_id, source_amount, source_currency,
				  payment_intent_id, charge_id, metadata_order, origin, upload_id, imported_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", entries, entries.size(),
				(PreparedStatement ps, LedgerEntry e) -> bind(ps, e, origin, uploadId, now));
		return fresh;
	}

	private static void bind(PreparedStatement ps, LedgerEntry e, String origin, Long uploadId, Timestamp now)
			throws SQLException {
		ps.setString(1, e.id());
		ps.setTimestamp(2, Timestamp.from(e.created()));
		ps.setString(3, e.type());
		ps.setString(4, e.reportingCategory());
		ps.setLong(5, e.amount());
		ps.setLong(6, e.fee());
		ps.setLong(7, e.net());
		ps.setString(8, e.currency().toUpperCase(Locale.ROOT));
		ps.setBigDecimal(9, e.exchangeRate());
		ps.setString(10, truncate(e.description(), 500));
		ps.setString(11, e.sourceId());
		if (e.sourceAmount() != null) {
			ps.setLong(12, e.sourceAmount());
		}
		else {
			ps.setNull(12, Types.BIGINT);
		}
		ps.setString(13, (e.sourceCurrency() != null) ? e.sourceCurrency().toUpperCase(Locale.ROOT) : null);
		ps.setString(14, e.paymentIntentId());
		ps.setString(15, e.chargeId());
		ps.setString(16, truncate(e.metadataOrder(), 40));
		ps.setString(17, origin);
		if (uploadId != null) {
			ps.setLong(18, uploadId);
		}
		else {
			ps.setNull(18, Types.BIGINT);
		}
		ps.setTimestamp(19, now);
	}

	/** The figures already held for a transaction id, to tell a duplicate from a conflicting report row. */
	Optional<long[]> figures(String id) {
		return this.jdbc.sql("SELECT amount_minor, fee_minor, net_minor FROM finance_balance_transaction WHERE id = ?")
			.param(id)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) })
			.optional();
	}

	/** The figures held for each of those ids that is already imported (amount, fee, net). */
	Map<String, long[]> figures(Collection<String> ids) {
		Map<String, long[]> held = new HashMap<>();
		if (ids.isEmpty()) {
			return held;
		}
		this.jdbc.sql("SELECT id, amount_minor, fee_minor, net_minor FROM finance_balance_transaction WHERE id IN (:ids)")
			.param("ids", new ArrayList<>(new LinkedHashSet<>(ids)))
			.query(rs -> {
				held.put(rs.getString(1), new long[] { rs.getLong(2), rs.getLong(3), rs.getLong(4) });
			});
		return held;
	}

	void assignPayout(List<String> ids, String payoutId) {
		this.template.batchUpdate("UPDATE finance_balance_transaction SET payout_id = ? WHERE id = ?", ids, ids.size(),
				(ps, id) -> {
					ps.setString(1, payoutId);
					ps.setString(2, id);
				});
	}

	boolean insertPayout(String id, Instant created, Instant arrival, long amount, String currency, String status) {
		return this.jdbc.sql("""
				INSERT IGNORE INTO finance_payout (id, created_at, arrival_date, amount_minor, currency, status, imported_at)
				VALUES (:id, :created, :arrival, :amount, :currency, :status, :now)""")
			.param("id", id)
			.param("created", Timestamp.from(created))
			.param("arrival", (arrival != null) ? Timestamp.from(arrival) : null)
			.param("amount", amount)
			.param("currency", currency.toUpperCase(Locale.ROOT))
			.param("status", status)
			.param("now", Timestamp.from(this.clock.instant()))
			.update() > 0;
	}

	/** Payouts not yet paid, failed or cancelled when last imported. */
	List<String> payoutsOnTheirWay() {
		return this.jdbc.sql("SELECT id FROM finance_payout WHERE status IN ('pending', 'in_transit') ORDER BY created_at")
			.query(String.class)
			.list();
	}

	void updatePayout(String id, String status, Instant arrival) {
		this.jdbc.sql("UPDATE finance_payout SET status = :status, arrival_date = COALESCE(:arrival, arrival_date) WHERE id = :id")
			.param("status", status)
			.param("arrival", (arrival != null) ? Timestamp.from(arrival) : null)
			.param("id", id)
			.update();
	}

	List<String> unlinkedPayouts() {
		return this.jdbc.sql("SELECT id FROM finance_payout WHERE linked = FALSE ORDER BY created_at").query(String.class).list();
	}

	void markLinked(String payoutId) {
		this.jdbc.sql("UPDATE finance_payout SET linked = TRUE WHERE id = ?").param(payoutId).update();
	}

	Optional<Cursor> cursor(String stream) {
		return this.jdbc.sql("SELECT created, last_id FROM finance_import_cursor WHERE stream = ?")
			.param(stream)
			.query((rs, n) -> new Cursor(rs.getLong(1), rs.getString(2)))
			.optional();
	}

	void saveCursor(String stream, Cursor cursor) {
		this.jdbc.sql("""
				INSERT INTO finance_import_cursor (stream, created, last_id) VALUES (:s, :c, :id)
				ON DUPLICATE KEY UPDATE created = VALUES(created), last_id = VALUES(last_id)""")
			.param("s", stream)
			.param("c", cursor.created())
			.param("id", cursor.lastId())
			.update();
	}

	private static String truncate(String value, int max) {
		return (value == null || value.length() <= max) ? value : value.substring(0, max);
	}

	/** The newest object an import has seen: Stripe's {@code created} (seconds) and its id. */
	record Cursor(long created, String lastId) {

		Cursor newer(long created, String id) {
			return (created > this.created) ? new Cursor(created, id) : this;
		}

	}

}

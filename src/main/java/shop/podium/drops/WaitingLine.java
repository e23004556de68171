package shop.podium.drops;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The waiting room's places and the drop's orders, in the database so every instance sees one line, and the
 * figures the pages and admission read from them.
 */
@Repository
class WaitingLine {

	/** A random draw below this separates fans who arrived in the same second. */
	static final long DRAW = 1_000_000L;

	private final JdbcClient jdbc;

	WaitingLine(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Place(long id, long dropId, String regionCode, String fanKey, long lineKey, Instant joinedAt,
			Instant admittedAt, Instant windowEnds, int held) {

		public boolean admitted() {
			return this.admittedAt != null;
		}

		public boolean windowOpen(Instant now) {
			return this.windowEnds != null && now.isBefore(this.windowEnds);
		}

	}

	/**
	 * The line key: the second the fan arrived, never before the start (everyone who came early is equal), then a
	 * random draw that breaks ties.
	 */
	static long lineKey(Instant joinedAt, Instant startsAt) {
		long second = Math.max(joinedAt.getEpochSecond(), startsAt.getEpochSecond());
		return second * DRAW + ThreadLocalRandom.current().nextLong(DRAW);
	}

	/** The fan's place, joining the line if they have none: joining again never changes a place. */
	Place join(long dropId, String regionCode, String fanKey, Instant now, Instant startsAt) {
		try {
			this.jdbc.sql("""
					INSERT INTO drop_place (drop_id, region_code, fan_key, line_key, joined_at)
					VALUES (:drop, :region, :fan, :line, :now)""")
				.param("drop", dropId)
				.param("region", regionCode)
				.param("fan", fanKey)
				.param("line", lineKey(now, startsAt))
				.param("now", Timestamp.from(now))
				.update();
		}
		catch (DuplicateKeyException ex) {
			// already in line (another tab or instance got there first): that place stands
		}
		return find(dropId, fanKey).orElseThrow();
	}

	Optional<Place> find(long dropId, String fanKey) {
		if (fanKey == null) {
			return Optional.empty();
		}
		return this.jdbc.sql("SELECT * FROM drop_place WHERE drop_id = :drop AND fan_key = :fan")
			.param("drop", dropId)
			.param("fan", fanKey)
			.query(WaitingLine::place)
			.optional();
	}

	Optional<Place> find(long placeId) {
		return this.jdbc.sql("SELECT * FROM drop_place WHERE id = :id").param("id", placeId).query(WaitingLine::place).optional();
	}

	/** Gives a guest identity's places to an account that has none in those drops. @return places moved */
	int adopt(String guestKey, String accountKey) {
		int moved = 0;
		for (Long dropId : this.jdbc.sql("SELECT drop_id FROM drop_place WHERE fan_key = :guest")
			.param("guest", guestKey)
			.query(Long.class)
			.list()) {
			if (find(dropId, accountKey).isEmpty()) {
				moved += this.jdbc.sql("UPDATE drop_place SET fan_key = :account WHERE drop_id = :drop AND fan_key = :guest")
					.param("account", accountKey)
					.param("drop", dropId)
					.param("guest", guestKey)
					.update();
			}
		}
		return moved;
	}

	/** Fans still waiting ahead of a line key. */
	long ahead(long dropId, String regionCode, long lineKey) {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM drop_place
				WHERE drop_id = :drop AND region_code = :region AND admitted_at IS NULL AND line_key < :line""")
			.param("drop", dropId)
			.param("region", regionCode)
			.param("line", lineKey)
			.query(Long.class)
			.single();
	}

	long waiting(long dropId, String regionCode) {
		return this.jdbc.sql("SELECT COUNT(*) FROM drop_place WHERE drop_id = :drop AND region_code = :region AND admitted_at IS NULL")
			.param("drop", dropId)
			.param("region", regionCode)
			.query(Long.class)
			.single();
	}

	/** The next fans in line, first first. */
	List<Place> next(long dropId, String regionCode, int count) {
		return this.jdbc.sql("""
				SELECT * FROM drop_place WHERE drop_id = :drop AND region_code = :region AND admitted_at IS NULL
				ORDER BY line_key LIMIT :n""")
			.param("drop", dropId)
			.param("region", regionCode)
			.param("n", count)
			.query(WaitingLine::place)
			.list();
	}

	void admit(long placeId, Instant now, Instant windowEnds, int held) {
		this.jdbc.sql("""
				UPDATE drop_place SET admitted_at = :now, window_ends = :ends, held = :held
				WHERE id = :id AND admitted_at IS NULL""")
			.param("now", Timestamp.from(now))
			.param("ends", Timestamp.from(windowEnds))
			.param("held", held)
			.param("id", placeId)
			.update();
	}

	long admittedSince(long dropId, String regionCode, Instant since) {
		return this.jdbc.sql("SELECT COUNT(*) FROM drop_place WHERE drop_id = :drop AND region_code = :region AND admitted_at >= :since")
			.param("drop", dropId)
			.param("region", regionCode)
			.param("since", Timestamp.from(since))
			.query(Long.class)
			.single();
	}

	/** Units of a region in orders with a status (PENDING, PAID, RELEASED). */
	int units(long dropId, String regionCode, String status) {
		return this.jdbc.sql("""
				SELECT COALESCE(SUM(units), 0) FROM drop_order WHERE drop_id = :drop AND region_code = :region AND status = :status""")
			.param("drop", dropId)
			.param("region", regionCode)
			.param("status", status)
			.query(Integer.class)
			.single();
	}

	/** Units of one variant in a region in pending or paid orders. */
	int unitsOfSku(long dropId, String regionCode, String sku) {
		return this.jdbc.sql("""
				SELECT COALESCE(SUM(units), 0) FROM drop_order
				WHERE drop_id = :drop AND region_code = :region AND sku = :sku AND status IN ('PENDING', 'PAID')""")
			.param("drop", dropId)
			.param("region", regionCode)
			.param("sku", sku)
			.query(Integer.class)
			.single();
	}

	/** Units held by admitted fans whose window is open and not yet in an order. */
	int unusedHolds(long dropId, String regionCode, Instant now) {
		return this.jdbc.sql("""
				SELECT COALESCE(SUM(GREATEST(p.held - COALESCE(o.used, 0), 0)), 0) FROM drop_place p
				LEFT JOIN (SELECT place_id, SUM(units) AS used FROM drop_order
				  WHERE drop_id = :drop AND status IN ('PENDING', 'PAID') GROUP BY place_id) o ON o.place_id = p.id
				WHERE p.drop_id = :drop AND p.region_code = :region AND p.window_ends > :now""")
			.param("drop", dropId)
			.param("region", regionCode)
			.param("now", Timestamp.from(now))
			.query(Integer.class)
			.single();
	}

	/** Units a place has in pending or paid orders. */
	int usedBy(long placeId) {
		return this.jdbc.sql("SELECT COALESCE(SUM(units), 0) FROM drop_order WHERE place_id = :p AND status IN ('PENDING', 'PAID')")
			.param("p", placeId)
			.query(Integer.class)
			.single();
	}

	/** Units a fan has in pending or paid orders of a drop, by account or by email. */
	int usedByFan(long dropId, Long accountId, String email) {
		return this.jdbc.sql("""
				SELECT COALESCE(SUM(units), 0) FROM drop_order
				WHERE drop_id = :drop AND status IN ('PENDING', 'PAID') AND (email = :email OR account_id = :account)""")
			.param("drop", dropId)
			.param("email", email)
			.param("account", (accountId != null) ? accountId : -1L)
			.query(Integer.class)
			.single();
	}

	void order(String number, long dropId, long placeId, String regionCode, String sku, int units, Long accountId,
			String email, Instant windowEnds, Instant now) {
		this.jdbc.sql("""
				INSERT INTO drop_order (order_number, drop_id, place_id, region_code, sku, units, account_id, email, status,
				  window_ends, placed_at)
				VALUES (:number, :drop, :place, :region, :sku, :units, :account, :email, 'PENDING', :ends, :now)""")
			.param("number", number)
			.param("drop", dropId)
			.param("place", placeId)
			.param("region", regionCode)
			.param("sku", sku)
			.param("units", units)
			.param("account", accountId)
			.param("email", email)
			.param("ends", Timestamp.from(windowEnds))
			.param("now", Timestamp.from(now))
			.update();
	}

	/** Pending orders whose window is over: the shop expires their checkout. */
	List<String> pendingPast(Instant now) {
		return this.jdbc.sql("""
				SELECT DISTINCT order_number FROM drop_order WHERE status = 'PENDING' AND window_ends <= :now LIMIT 200""")
			.param("now", Timestamp.from(now))
			.query(String.class)
			.list();
	}

	/** @return the drops the order had units of that changed status now */
	List<Long> settle(String number, String status, Instant now) {
		List<Long> drops = this.jdbc.sql("SELECT DISTINCT drop_id FROM drop_order WHERE order_number = :n AND status <> :s")
			.param("n", number)
			.param("s", status)
			.query(Long.class)
			.list();
		this.jdbc.sql("""
				UPDATE drop_order SET status = :s, paid_at = CASE WHEN :s = 'PAID' THEN :now ELSE paid_at END
				WHERE order_number = :n AND status <> :s AND status <> 'PAID'""")
			.param("s", status)
			.param("now", Timestamp.from(now))
			.param("n", number)
			.update();
		return drops;
	}

	record Bought(long dropId, String sku, int units) {
	}

	List<Bought> bought(String number) {
		return this.jdbc.sql("SELECT drop_id, sku, units FROM drop_order WHERE order_number = :n ORDER BY drop_id, sku")
			.param("n", number)
			.query((rs, i) -> new Bought(rs.getLong(1), rs.getString(2), rs.getInt(3)))
			.list();
	}

	private static Place place(ResultSet rs, int n) throws SQLException {
		return new Place(rs.getLong("id"), rs.getLong("drop_id"), rs.getString("region_code"), rs.getString("fan_key"),
				rs.getLong("line_key"), instant(rs, "joined_at"), instant(rs, "admitted_at"), instant(rs, "window_ends"),
				rs.getInt("held"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return (t != null) ? t.toInstant() : null;
	}

}

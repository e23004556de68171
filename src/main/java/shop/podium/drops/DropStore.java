package shop.podium.drops;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The drops and their units, in the module's own tables. */
@Repository
class DropStore {

	private static final String COLUMNS = """
			id, product_id, product_slug, product_name, licensee_id, licensee_name, edition_name, status, starts_at,
			start_zone, per_fan_limit, window_minutes, numbered, reject_reason, refused, created_at""";

	private final JdbcClient jdbc;

	DropStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record NewDrop(long productId, String productSlug, String productName, long licenseeId, String licenseeName,
			String editionName, Instant startsAt, String startZone, int perFanLimit, int windowMinutes,
			boolean numbered, Instant createdAt, List<Drop.Unit> units) {
	}

	long insert(NewDrop drop) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO drop_release (product_id, product_slug, product_name, licensee_id, licensee_name, edition_name,
				  status, starts_at, start_zone, per_fan_limit, window_minutes, numbered, created_at)
				VALUES (:product, :slug, :name, :licensee, :licenseeName, :edition, 'PROPOSED', :starts, :zone, :limit,
				  :window, :numbered, :created)""")
			.param("product", drop.productId())
			.param("slug", drop.productSlug())
			.param("name", drop.productName())
			.param("licensee", drop.licenseeId())
			.param("licenseeName", drop.licenseeName())
			.param("edition", drop.editionName())
			.param("starts", drop.startsAt())
			.param("zone", drop.startZone())
			.param("limit", drop.perFanLimit())
			.param("window", drop.windowMinutes())
			.param("numbered", drop.numbered())
			.param("created", drop.createdAt())
			.update(keys);
		long id = keys.getKey().longValue();
		for (Drop.Unit unit : drop.units()) {
			this.jdbc.sql("""
					INSERT INTO drop_unit (drop_id, variant_id, sku, label, region_code, units)
					VALUES (:drop, :variant, :sku, :label, :region, :units)""")
				.param("drop", id)
				.param("variant", unit.variantId())
				.param("sku", unit.sku())
				.param("label", unit.label())
				.param("region", unit.regionCode())
				.param("units", unit.units())
				.update();
		}
		if (drop.numbered()) {
			this.jdbc.sql("INSERT INTO drop_serial_counter (drop_id, last_serial) VALUES (:id, 0)").param("id", id).update();
		}
		return id;
	}

	Optional<Drop> find(long id) {
		return withUnits(this.jdbc.sql("SELECT " + COLUMNS + " FROM drop_release WHERE id = :id").param("id", id)
			.query(DropStore::row)
			.list()).stream().findFirst();
	}

	/** Reads the drop's row under a lock: status changes and orders of one drop take turns. */
	Optional<DropStatus> lock(long id) {
		return this.jdbc.sql("SELECT status FROM drop_release WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query((rs, n) -> DropStatus.valueOf(rs.getString(1)))
			.optional();
	}

	List<Drop> ofLicensee(long licenseeId) {
		return withUnits(this.jdbc.sql("SELECT " + COLUMNS + " FROM drop_release WHERE licensee_id = :l ORDER BY id DESC")
			.param("l", licenseeId)
			.query(DropStore::row)
			.list());
	}

	List<Drop> latest(int count) {
		return withUnits(this.jdbc.sql("""
				SELECT %s FROM drop_release ORDER BY CASE status WHEN 'PROPOSED' THEN 0 ELSE 1 END, id DESC LIMIT :n"""
			.formatted(COLUMNS)).param("n", count).query(DropStore::row).list());
	}

	/** The drop fans see for a product now (approved or paused), the newest if several. */
	Optional<Drop> onShowForProduct(long productId) {
		return withUnits(this.jdbc.sql("""
				SELECT %s FROM drop_release WHERE product_id = :p AND status IN ('APPROVED', 'PAUSED')
				ORDER BY id DESC LIMIT 1""".formatted(COLUMNS)).param("p", productId).query(DropStore::row).list())
			.stream()
			.findFirst();
	}

	/** The products that have a drop fans see. */
	Set<Long> productsOnShow() {
		return Set.copyOf(this.jdbc.sql("SELECT DISTINCT product_id FROM drop_release WHERE status IN ('APPROVED', 'PAUSED')")
			.query(Long.class)
			.list());
	}

	/** The variants (by SKU) that a drop fans see governs, in some region. */
	Set<String> skusOnShow() {
		return Set.copyOf(this.jdbc.sql("""
				SELECT DISTINCT u.sku FROM drop_unit u JOIN drop_release d ON d.id = u.drop_id
				WHERE d.status IN ('APPROVED', 'PAUSED')""")
			.query(String.class)
			.list());
	}

	/** The drop on show that governs a variant in a region, if any. */
	Optional<Drop> onShowForSku(String sku, String regionCode) {
		List<Long> ids = this.jdbc.sql("""
				SELECT d.id FROM drop_release d JOIN drop_unit u ON u.drop_id = d.id
				WHERE u.sku = :sku AND u.region_code = :region AND d.status IN ('APPROVED', 'PAUSED')
				ORDER BY d.id DESC LIMIT 1""")
			.param("sku", sku)
			.param("region", regionCode)
			.query(Long.class)
			.list();
		return ids.isEmpty() ? Optional.empty() : find(ids.get(0));
	}

	/** Approved drops whose waiting room is open by now. */
	List<Drop> running(Instant queueOpenFrom) {
		return withUnits(this.jdbc.sql("SELECT " + COLUMNS + " FROM drop_release WHERE status = 'APPROVED' AND starts_at <= :t")
			.param("t", queueOpenFrom)
			.query(DropStore::row)
			.list());
	}

	void status(long id, DropStatus status, String reason) {
		this.jdbc.sql("UPDATE drop_release SET status = :s, reject_reason = COALESCE(:reason, reject_reason) WHERE id = :id")
			.param("s", status.name())
			.param("reason", reason)
			.param("id", id)
			.update();
	}

	void countRefusal(long id) {
		this.jdbc.sql("UPDATE drop_release SET refused = refused + 1 WHERE id = :id").param("id", id).update();
	}

	private List<Drop> withUnits(List<Drop> drops) {
		if (drops.isEmpty()) {
			return drops;
		}
		Map<Long, List<Drop.Unit>> units = new HashMap<>();
		this.jdbc.sql("""
				SELECT drop_id, variant_id, sku, label, region_code, units FROM drop_unit WHERE drop_id IN (:ids)
				ORDER BY region_code, variant_id""")
			.param("ids", drops.stream().map(Drop::id).toList())
			.query(rs -> {
				units.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
					.add(new Drop.Unit(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6)));
			});
		return drops.stream()
			.map(d -> new Drop(d.id(), d.productId(), d.productSlug(), d.productName(), d.licenseeId(),
					d.licenseeName(), d.editionName(), d.status(), d.startsAt(), d.startZone(), d.perFanLimit(),
					d.windowMinutes(), d.numbered(), d.rejectReason(), d.refused(), d.createdAt(),
					units.getOrDefault(d.id(), List.of())))
			.toList();
	}

	private static Drop row(ResultSet rs, int n) throws SQLException {
		return new Drop(rs.getLong("id"), rs.getLong("product_id"), rs.getString("product_slug"),
				rs.getString("product_name"), rs.getLong("licensee_id"), rs.getString("licensee_name"),
				rs.getString("edition_name"), DropStatus.valueOf(rs.getString("status")),
				rs.getTimestamp("starts_at").toInstant(), rs.getString("start_zone"), rs.getInt("per_fan_limit"),
				rs.getInt("window_minutes"), rs.getBoolean("numbered"), rs.getString("reject_reason"),
				rs.getInt("refused"), rs.getTimestamp("created_at").toInstant(), List.of());
	}

}

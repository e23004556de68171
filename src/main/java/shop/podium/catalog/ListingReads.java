package shop.podium.catalog;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The listings of one licensee as their portal lists them, and the counts by status for the dashboard. */
@Component
class ListingReads {

	private final JdbcClient jdbc;

	ListingReads(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param revisionStatus the status of a pending revision of an approved listing, {@code null} when none
	 */
	record Row(long id, String slug, String skuStem, String name, ListingStatus status, String revisionStatus,
			String rejectionReason, int offers, Instant updatedAt) {
	}

	List<Row> of(long licenseeId, ListingStatus status) {
		return this.jdbc.sql("""
				SELECT p.id, p.slug, p.sku_stem, COALESCE(t.name, p.slug) AS name, p.status, r.status AS revision_status,
				  COALESCE(r.rejection_reason, p.rejection_reason) AS reason, p.updated_at,
				  (SELECT COUNT(*) FROM offer o WHERE o.product_id = p.id) AS offers
				FROM product p
				LEFT JOIN product_text t ON t.product_id = p.id AND t.locale = 'en'
				LEFT JOIN product_revision r ON r.product_id = p.id
				WHERE p.licensee_id = :licensee AND (:status IS NULL OR p.status = :status)
				ORDER BY p.updated_at DESC, p.id DESC""")
			.param("licensee", licenseeId)
			.param("status", (status != null) ? status.name() : null)
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("slug"), rs.getString("sku_stem"),
					rs.getString("name"), ListingStatus.valueOf(rs.getString("status")), rs.getString("revision_status"),
					rs.getString("reason"), rs.getInt("offers"), rs.getTimestamp("updated_at").toInstant()))
			.list();
	}

	Map<ListingStatus, Long> countByStatus(long licenseeId) {
		Map<ListingStatus, Long> counts = new EnumMap<>(ListingStatus.class);
		for (ListingStatus status : ListingStatus.values()) {
			counts.put(status, 0L);
		}
		this.jdbc.sql("SELECT status, COUNT(*) AS n FROM product WHERE licensee_id = ? GROUP BY status")
			.param(licenseeId)
			.query(rs -> {
				counts.put(ListingStatus.valueOf(rs.getString("status")), rs.getLong("n"));
			});
		return counts;
	}

	/** Counted as the approval queue lists them. */
	ListingSummaries.Waiting waitingForApproval() {
		return this.jdbc.sql("""
				SELECT (SELECT COUNT(*) FROM product WHERE status = 'SUBMITTED'),
				  (SELECT COUNT(*) FROM product_revision r JOIN product p ON p.id = r.product_id
				   WHERE r.status = 'SUBMITTED' AND p.status = 'APPROVED')""")
			.query((rs, n) -> new ListingSummaries.Waiting(rs.getLong(1), rs.getLong(2)))
			.single();
	}

	long pendingRevisions(long licenseeId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM product_revision r JOIN product p ON p.id = r.product_id WHERE p.licensee_id = ?")
			.param(licenseeId)
			.query(Long.class)
			.single();
	}

}

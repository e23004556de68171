package shop.podium.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import shop.podium.licensing.Licensees;

/**
 * A licensee's approved listings with the variants on sale, as other modules (drops) choose among them: the
 * catalog answers from its own tables, so nobody else reads them.
 */
@Component
public class ApprovedListings {

	private final JdbcClient jdbc;

	private final Licensees licensees;

	ApprovedListings(JdbcClient jdbc, Licensees licensees) {
		this.jdbc = jdbc;
		this.licensees = licensees;
	}

	/** An approved listing, named in English (what staff and the audit log read), with its live variants. */
	public record Approved(long productId, String slug, String name, long licenseeId, String licenseeName,
			String editionName, List<Variant> variants) {
	}

	/** @param label the size, else the colour; {@code null} for a product with a single variant */
	public record Variant(long id, String sku, String label) {
	}

	public List<Approved> ofLicensee(long licenseeId) {
		Map<Long, Approved> found = new LinkedHashMap<>();
		String licenseeName = this.licensees.name(licenseeId).orElse(null);
		this.jdbc.sql("""
				SELECT p.id, p.slug, COALESCE(NULLIF(t.name, ''), p.slug) AS name, p.licensee_id,
				  COALESCE(et.name, e.slug) AS edition_name, v.id AS variant_id, v.sku, v.size, v.colour
				FROM product p
				JOIN edition e ON e.id = p.edition_id
				LEFT JOIN edition_text et ON et.edition_id = e.id AND et.locale = 'en'
				LEFT JOIN product_text t ON t.product_id = p.id AND t.locale = 'en'
				JOIN variant v ON v.product_id = p.id AND v.retired_at IS NULL AND NOT v.awaiting_approval
				WHERE p.licensee_id = :licensee AND p.status = 'APPROVED'
				ORDER BY name, p.id, v.position, v.id""")
			.param("licensee", licenseeId)
			.query(rs -> {
				long id = rs.getLong("id");
				Approved listing = found.computeIfAbsent(id,
						k -> new Approved(k, get(rs, "slug"), get(rs, "name"), licenseeId, licenseeName,
								get(rs, "edition_name"), new ArrayList<>()));
				String size = rs.getString("size");
				String colour = rs.getString("colour");
				String label = (size != null && !size.isBlank()) ? size
						: (colour != null && !colour.isBlank()) ? colour : null;
				listing.variants().add(new Variant(rs.getLong("variant_id"), rs.getString("sku"), label));
			});
		return found.values().stream().map(a -> new Approved(a.productId(), a.slug(), a.name(), a.licenseeId(),
				a.licenseeName(), a.editionName(), List.copyOf(a.variants()))).toList();
	}

	public Optional<Approved> find(long licenseeId, long productId) {
		return ofLicensee(licenseeId).stream().filter(a -> a.productId() == productId).findFirst();
	}

	private static String get(java.sql.ResultSet rs, String column) {
		try {
			return rs.getString(column);
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

package shop.podium.catalog;

import java.util.Currency;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import shop.podium.licensing.LicenceGrants;
import shop.podium.regions.Region;
import shop.podium.regions.Regions;

/**
 * Whether one product is sold in a region right now, by {@link SellableRule}: what a cart asks before it
 * takes a line and again before checkout.
 */
@Service
public class Sellability {

	private final JdbcClient jdbc;

	private final Regions regions;

	private final LicenceGrants grants;

	Sellability(JdbcClient jdbc, Regions regions, LicenceGrants grants) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.grants = grants;
	}

	/** {@link Availability#NOT_SOLD} for an unknown region or product too. */
	public Availability of(String regionCode, String productSlug) {
		Region region = this.regions.find(regionCode).orElse(null);
		if (region == null) {
			return Availability.NOT_SOLD;
		}
		return this.jdbc.sql("""
				SELECT p.status, p.licensee_id, c.slug AS category_slug, e.slug AS edition_slug,
				  o.currency, o.active,
				  EXISTS (SELECT 1 FROM variant v JOIN stock s ON s.variant_id = v.id
				          WHERE v.product_id = p.id AND NOT v.awaiting_approval AND s.region_code = :region AND s.quantity > 0) AS in_stock
				FROM product p
				JOIN category c ON c.id = p.category_id
				JOIN edition e ON e.id = p.edition_id
				LEFT JOIN offer o ON o.product_id = p.id AND o.region_code = :region
				WHERE p.slug = :slug""")
			.param("region", region.code())
			.param("slug", productSlug)
			.query((rs, n) -> {
				String currency = rs.getString("currency");
				return new ListingFacts(ListingStatus.valueOf(rs.getString("status")), rs.getLong("licensee_id"),
						rs.getString("category_slug"), rs.getString("edition_slug"),
						(currency != null) ? Currency.getInstance(currency) : null, rs.getBoolean("active"),
						rs.getBoolean("in_stock"));
			})
			.optional()
			.map(facts -> SellableRule.availability(facts, region, this.grants.activeToday(region.code())))
			.orElse(Availability.NOT_SOLD);
	}

}

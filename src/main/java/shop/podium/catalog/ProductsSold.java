package shop.podium.catalog;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import shop.podium.licensing.LicenceGrants;
import shop.podium.regions.Region;

/**
 * Which products a region sells, by the one {@link SellableRule}, for those who list them all at once (the
 * sitemaps search engines read). Sold-out products are listed: their pages stay up.
 */
@Component
public class ProductsSold {

	private final JdbcClient jdbc;

	private final LicenceGrants grants;

	ProductsSold(JdbcClient jdbc, LicenceGrants grants) {
		this.jdbc = jdbc;
		this.grants = grants;
	}

	/** A product page of a region and when its product last changed. */
	public record ProductPage(String slug, Instant changedAt) {
	}

	public List<ProductPage> in(Region region) {
		SellableRule.SqlCondition sellable = SellableRule.sqlCondition(region, this.grants.activeToday(region.code()));
		Map<String, Object> params = new HashMap<>(sellable.params());
		params.put("region", region.code());
		return this.jdbc.sql("""
				SELECT p.slug, p.updated_at
				FROM product p
				JOIN offer o ON o.product_id = p.id AND o.region_code = :region
				JOIN category c ON c.id = p.category_id
				JOIN edition e ON e.id = p.edition_id
				WHERE\s""" + sellable.sql() + " ORDER BY p.slug")
			.params(params)
			.query((rs, n) -> {
				Timestamp changed = rs.getTimestamp("updated_at");
				return new ProductPage(rs.getString("slug"), (changed != null) ? changed.toInstant() : null);
			})
			.list();
	}

}

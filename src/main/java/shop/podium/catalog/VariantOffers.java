package shop.podium.catalog;

import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import shop.podium.core.Money;
import shop.podium.licensing.LicenceGrant;
import shop.podium.licensing.LicenceGrants;
import shop.podium.licensing.Licensees;
import shop.podium.regions.Region;

/**
 * Variants by SKU with their live price and availability in a region, by {@link SellableRule}: what carts
 * show on every view and what checkout prices an order with. One query however many SKUs.
 */
@Service
public class VariantOffers {

	private final JdbcClient jdbc;

	private final LicenceGrants grants;

	private final Licensees licensees;

	VariantOffers(JdbcClient jdbc, LicenceGrants grants, Licensees licensees) {
		this.licensees = licensees;
		this.jdbc = jdbc;
		this.grants = grants;
	}

	/**
	 * @return the known SKUs, in the order asked; an unknown SKU is missing from the map, a product not sold
	 * in the region is there as {@link Availability#NOT_SOLD}
	 */
	public Map<String, VariantOffer> find(Region region, Collection<String> skus, Locale locale) {
		if (skus.isEmpty()) {
			return Map.of();
		}
		List<LicenceGrant> grants = this.grants.activeToday(region.code());
		Map<String, VariantOffer> found = new LinkedHashMap<>();
		Map<Long, String> holders = this.licensees.names();
		this.jdbc.sql("""
				SELECT v.id AS variant_id, v.sku, v.size, v.colour, p.id AS product_id, p.slug, p.image, p.status,
				  p.licensee_id, c.slug AS category_slug, e.slug AS edition_slug,
				  COALESCE(NULLIF(tl.name, ''), te.name, p.slug) AS name,
				  o.price_minor, o.currency, o.active, COALESCE(s.quantity, 0) AS quantity
				FROM variant v
				JOIN product p ON p.id = v.product_id
				JOIN category c ON c.id = p.category_id
				JOIN edition e ON e.id = p.edition_id
				LEFT JOIN offer o ON o.product_id = p.id AND o.region_code = :region
				LEFT JOIN stock s ON s.variant_id = v.id AND s.region_code = :region
				LEFT JOIN product_text tl ON tl.product_id = p.id AND tl.locale = :locale
				LEFT JOIN product_text te ON te.product_id = p.id AND te.locale = 'en'
				WHERE v.sku IN (:skus) AND v.retired_at IS NULL AND NOT v.awaiting_approval""")
			.param("region", region.code())
			.param("locale", locale.toLanguageTag())
			.param("skus", List.copyOf(skus))
			.query((rs, n) -> {
				String currency = rs.getString("currency");
				int quantity = rs.getInt("quantity");
				ListingFacts facts = new ListingFacts(ListingStatus.valueOf(rs.getString("status")),
						rs.getLong("licensee_id"), rs.getString("category_slug"), rs.getString("edition_slug"),
						(currency != null) ? Currency.getInstance(currency) : null, rs.getBoolean("active"),
						quantity > 0);
				Availability availability = SellableRule.availability(facts, region, grants);
				Money price = (currency != null) ? Money.ofMinor(rs.getLong("price_minor"), currency)
						: Money.zero(region.currency());
				String size = rs.getString("size");
				String colour = rs.getString("colour");
				String label = (size != null && !size.isBlank()) ? size
						: (colour != null && !colour.isBlank()) ? colour : null;
				return new VariantOffer(rs.getString("sku"), rs.getLong("variant_id"), rs.getLong("product_id"),
						rs.getString("slug"), rs.getString("name"), rs.getString("image"), label,
						rs.getLong("licensee_id"), holders.get(rs.getLong("licensee_id")), price, availability, quantity);
			})
			.list()
			.forEach(offer -> found.put(offer.sku(), offer));
		Map<String, VariantOffer> ordered = new LinkedHashMap<>();
		skus.forEach(sku -> {
			if (found.containsKey(sku)) {
				ordered.put(sku, found.get(sku));
			}
		});
		return ordered;
	}

}

package shop.podium.catalog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import shop.podium.licensing.LicenceGrant;
import shop.podium.regions.Region;

/**
 * THE rule saying whether a product is sold in a region, in its two forms: a Java function for one
 * product (product page, cart) and an SQL predicate for listings. Both live here so they change together;
 * a test checks they agree on every case.
 * <p>
 * A product is sold in region R when its listing is approved, a licence in force today held by its licensee
 * covers R, its category and its edition, and it has an active offer in R's currency. Without stock for any
 * variant it stays visible but sold out.
 */
public final class SellableRule {

	private SellableRule() {
	}

	/**
	 * @param grants the licence grants in force in the region today
	 */
	public static Availability availability(ListingFacts product, Region region, List<LicenceGrant> grants) {
		if (!approved(product) || !licensed(product, grants) || !offered(product, region)) {
			return Availability.NOT_SOLD;
		}
		return product.inStock() ? Availability.IN_STOCK : Availability.SOLD_OUT;
	}

	static boolean approved(ListingFacts product) {
		return product.status() == ListingStatus.APPROVED;
	}

	static boolean licensed(ListingFacts product, List<LicenceGrant> grants) {
		return grants.stream()
			.anyMatch(g -> g.covers(product.licenseeId(), product.categorySlug(), product.editionSlug()));
	}

	static boolean offered(ListingFacts product, Region region) {
		return product.offerActive() && region.currency().equals(product.offerCurrency());
	}

	/**
	 * The same rule (without the stock part, which only decides "sold out") as an SQL condition over
	 * {@code product p}, {@code offer o} (joined on the product and the region), {@code category c} and
	 * {@code edition e}, with the named parameters it needs.
	 */
	static SqlCondition sqlCondition(Region region, List<LicenceGrant> grants) {
		Set<List<Object>> tuples = new LinkedHashSet<>();
		for (LicenceGrant grant : grants) {
			for (String category : grant.categorySlugs()) {
				for (String edition : grant.editionSlugs()) {
					tuples.add(List.of(grant.licenseeId(), category, edition));
				}
			}
		}
		if (tuples.isEmpty()) {
			return new SqlCondition("1 = 0", Map.of());
		}
		List<Object[]> rows = new ArrayList<>(tuples.size());
		tuples.forEach(t -> rows.add(t.toArray()));
		return new SqlCondition("""
				p.status = 'APPROVED' AND o.active AND o.currency = :sellableCurrency
				AND (p.licensee_id, c.slug, e.slug) IN (:sellableGrants)""",
				Map.of("sellableCurrency", region.currency().getCurrencyCode(), "sellableGrants", rows));
	}

	record SqlCondition(String sql, Map<String, Object> params) {
	}

}

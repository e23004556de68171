package shop.podium.e2e;

import org.springframework.jdbc.core.simple.JdbcClient;

import shop.podium.catalog.Sellability;

/**
 * Picks what a journey's fan buys: a product the region sells, with plenty of stock in its first variant, so
 * that journeys running one after another never find it sold out.
 */
public final class StockedProducts {

	private StockedProducts() {
	}

	/** The most popular such product of the region. */
	public static String inRegion(JdbcClient jdbc, Sellability sellability, String region) {
		return jdbc.sql("""
				SELECT p.slug FROM product p JOIN variant v ON v.product_id = p.id
				JOIN stock s ON s.variant_id = v.id AND s.region_code = :r
				WHERE s.quantity >= 20 ORDER BY p.popularity DESC, p.id""")
			.param("r", region)
			.query(String.class)
			.list()
			.stream()
			.filter(slug -> sellability.of(region, slug).purchasable())
			.findFirst()
			.orElseThrow();
	}

}

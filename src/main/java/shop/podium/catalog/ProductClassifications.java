package shop.podium.catalog;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The category and edition of products by slug: what an order records about what it sold, so that modules
 * reporting on sales (finance) learn it from the order's events instead of reading the catalog's tables.
 */
@Service
public class ProductClassifications {

	private final JdbcClient jdbc;

	ProductClassifications(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A product's category and edition, by slug. */
	public record Classification(String categorySlug, String editionSlug) {
	}

	/** @return the classification of each of these products that exists (a removed product is left out) */
	public Map<String, Classification> of(Collection<String> productSlugs) {
		Map<String, Classification> found = new HashMap<>();
		if (productSlugs.isEmpty()) {
			return found;
		}
		this.jdbc.sql("""
				SELECT p.slug, c.slug, e.slug FROM product p
				JOIN category c ON c.id = p.category_id JOIN edition e ON e.id = p.edition_id
				WHERE p.slug IN (:slugs)""")
			.param("slugs", productSlugs.stream().distinct().toList())
			.query(rs -> {
				found.put(rs.getString(1), new Classification(rs.getString(2), rs.getString(3)));
			});
		return found;
	}

}

package shop.podium.catalog;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import shop.podium.core.Money;
import shop.podium.licensing.LicenceGrants;
import shop.podium.regions.Region;

/**
 * A plain database search over product names in every language, for when the search cluster cannot answer:
 * every word must occur in a name, most popular first. Slower and without typo tolerance, but it applies
 * {@link SellableRule} exactly like the listings do.
 */
@Service
public class CatalogTextSearch {

	/** More words than this add nothing but cost. */
	static final int MAX_WORDS = 6;

	private final JdbcClient jdbc;

	private final LicenceGrants grants;

	private final CatalogReadModel catalog;

	CatalogTextSearch(JdbcClient jdbc, LicenceGrants grants, CatalogReadModel catalog) {
		this.jdbc = jdbc;
		this.grants = grants;
		this.catalog = catalog;
	}

	/** One page (from 1, clamped to the last) of the products sold in the region whose names hold every word. */
	public Page search(Region region, String query, int requestedPage, int pageSize, Locale locale) {
		List<String> words = Arrays.stream((query == null) ? new String[0] : query.strip().split("\\s+"))
			.filter(w -> !w.isBlank())
			.limit(MAX_WORDS)
			.map(w -> w.length() > 60 ? w.substring(0, 60) : w)
			.toList();
		SellableRule.SqlCondition sellable = SellableRule.sqlCondition(region, this.grants.activeToday(region.code()));
		Map<String, Object> params = new HashMap<>(sellable.params());
		params.put("region", region.code());
		StringBuilder where = new StringBuilder(" WHERE ").append(sellable.sql());
		for (int i = 0; i < words.size(); i++) {
			where.append(" AND EXISTS (SELECT 1 FROM product_text w WHERE w.product_id = p.id AND w.name LIKE :w")
				.append(i)
				.append(" ESCAPE '!')");
			params.put("w" + i, "%" + likeEscaped(words.get(i).toLowerCase(Locale.ROOT)) + "%");
		}
		String from = " FROM product p JOIN offer o ON o.product_id = p.id AND o.region_code = :region"
				+ " JOIN category c ON c.id = p.category_id JOIN edition e ON e.id = p.edition_id";
		long total = this.jdbc.sql("SELECT COUNT(*)" + from + where).params(params).query(Long.class).single();
		int page = Listing.clamp(requestedPage, total, pageSize);
		if (total == 0) {
			return new Page(List.of(), page, pageSize, 0);
		}
		params.put("locale", locale.toLanguageTag());
		params.put("limit", pageSize);
		params.put("offset", (long) (page - 1) * pageSize);
		List<ProductSummary> products = this.jdbc.sql("""
				SELECT p.slug, p.image, o.price_minor, o.currency,
				  COALESCE(NULLIF(tl.name, ''), te.name, p.slug) AS name,
				  EXISTS (SELECT 1 FROM variant v JOIN stock s ON s.variant_id = v.id
				          WHERE v.product_id = p.id AND NOT v.awaiting_approval AND s.region_code = :region AND s.quantity > 0) AS in_stock
				""" + from + """
				 LEFT JOIN product_text tl ON tl.product_id = p.id AND tl.locale = :locale
				 LEFT JOIN product_text te ON te.product_id = p.id AND te.locale = 'en'
				""" + where + " ORDER BY p.popularity DESC, p.id LIMIT :limit OFFSET :offset")
			.params(params)
			.query((rs, n) -> new ProductSummary(rs.getString("slug"), rs.getString("name"), rs.getString("image"),
					Money.ofMinor(rs.getLong("price_minor"), rs.getString("currency")), rs.getBoolean("in_stock")))
			.list();
		return new Page(products, page, pageSize, total);
	}

	/** The region's most popular products, for a search that found nothing. */
	public List<ProductSummary> popular(Region region, int count, Locale locale) {
		return this.catalog.listing(region, null, ListingSort.POPULAR, 1, count, locale)
			.products()
			.stream()
			.map(c -> new ProductSummary(c.slug(), c.name(), c.image(), c.price(), c.inStock()))
			.toList();
	}

	/** LIKE's wildcards taken literally; '!' is the escape character because '\' means different things in MySQL modes. */
	static String likeEscaped(String word) {
		return word.replace("!", "!!").replace("%", "!%").replace("_", "!_");
	}

	/**
	 * @param page the page shown, from 1
	 * @param total how many products match in all
	 */
	public record Page(List<ProductSummary> products, int page, int pageSize, long total) {
	}

}

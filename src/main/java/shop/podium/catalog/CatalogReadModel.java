package shop.podium.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import shop.podium.core.Money;
import shop.podium.licensing.LicenceGrants;
import shop.podium.licensing.Licensees;
import shop.podium.regions.Region;

/**
 * The storefront's reads, in hand-written SQL so each page costs a small, fixed number of statements:
 * a listing page is one count and one page query, a product page one product and one variant query.
 * Names come in the reader's language, falling back to English.
 */
@Component
class CatalogReadModel {

	private static final String NAME = "COALESCE(NULLIF(tl.name, ''), te.name, p.slug)";

	private static final String SELLABLE_FROM = """
			FROM product p
			JOIN offer o ON o.product_id = p.id AND o.region_code = :region
			JOIN category c ON c.id = p.category_id
			JOIN edition e ON e.id = p.edition_id
			""";

	private final JdbcClient jdbc;

	private final LicenceGrants grants;

	private final Licensees licensees;

	CatalogReadModel(JdbcClient jdbc, LicenceGrants grants, Licensees licensees) {
		this.licensees = licensees;
		this.jdbc = jdbc;
		this.grants = grants;
	}

	Taxonomy taxonomy(Locale locale) {
		List<Facet> facets = this.jdbc.sql("""
				SELECT 'EDITION' AS kind, x.slug, COALESCE(NULLIF(tl.name, ''), te.name, x.slug) AS name, x.position
				FROM edition x
				LEFT JOIN edition_text tl ON tl.edition_id = x.id AND tl.locale = :locale
				LEFT JOIN edition_text te ON te.edition_id = x.id AND te.locale = 'en'
				UNION ALL
				SELECT 'CATEGORY', x.slug, COALESCE(NULLIF(tl.name, ''), te.name, x.slug), x.position
				FROM category x
				LEFT JOIN category_text tl ON tl.category_id = x.id AND tl.locale = :locale
				LEFT JOIN category_text te ON te.category_id = x.id AND te.locale = 'en'
				UNION ALL
				SELECT 'SPORT', x.slug, COALESCE(NULLIF(tl.name, ''), te.name, x.slug), x.position
				FROM sport x
				LEFT JOIN sport_text tl ON tl.sport_id = x.id AND tl.locale = :locale
				LEFT JOIN sport_text te ON te.sport_id = x.id AND te.locale = 'en'
				ORDER BY kind, position, slug""")
			.param("locale", locale.toLanguageTag())
			.query((rs, n) -> new Facet(Facet.Kind.valueOf(rs.getString("kind")), rs.getString("slug"),
					rs.getString("name")))
			.list();
		Map<Facet.Kind, List<Facet>> byKind = new HashMap<>();
		facets.forEach(f -> byKind.computeIfAbsent(f.kind(), k -> new ArrayList<>()).add(f));
		return new Taxonomy(byKind.getOrDefault(Facet.Kind.EDITION, List.of()),
				byKind.getOrDefault(Facet.Kind.CATEGORY, List.of()), byKind.getOrDefault(Facet.Kind.SPORT, List.of()));
	}

	/**
	 * A page of the products sold in the region, optionally only those of one edition, category or sport.
	 * A page past the end shows the last page.
	 */
	Listing listing(Region region, Facet facet, ListingSort sort, int requestedPage, int pageSize, Locale locale) {
		SellableRule.SqlCondition sellable = SellableRule.sqlCondition(region, this.grants.activeToday(region.code()));
		Map<String, Object> params = new HashMap<>(sellable.params());
		params.put("region", region.code());
		String where = "WHERE " + sellable.sql() + facetCondition(facet, params);
		long total = this.jdbc.sql("SELECT COUNT(*) " + SELLABLE_FROM + where)
			.params(params)
			.query(Long.class)
			.single();
		int page = Listing.clamp(requestedPage, total, pageSize);
		if (total == 0) {
			return new Listing(List.of(), page, pageSize, 0);
		}
		params.put("locale", locale.toLanguageTag());
		params.put("limit", pageSize);
		params.put("offset", (page - 1) * pageSize);
		List<ProductCard> cards = this.jdbc.sql("""
				SELECT p.slug, p.image, o.price_minor, o.currency, %s AS name,
				  EXISTS (SELECT 1 FROM variant v JOIN stock s ON s.variant_id = v.id
				          WHERE v.product_id = p.id AND NOT v.awaiting_approval AND s.region_code = :region AND s.quantity > 0) AS in_stock
				%s
				LEFT JOIN product_text tl ON tl.product_id = p.id AND tl.locale = :locale
				LEFT JOIN product_text te ON te.product_id = p.id AND te.locale = 'en'
				%s
				ORDER BY %s
				LIMIT :limit OFFSET :offset""".formatted(NAME, SELLABLE_FROM, where, sort.orderBy()))
			.params(params)
			.query((rs, n) -> new ProductCard(rs.getString("slug"), rs.getString("name"), rs.getString("image"),
					Money.ofMinor(rs.getLong("price_minor"), rs.getString("currency")), rs.getBoolean("in_stock")))
			.list();
		return new Listing(cards, page, pageSize, total);
	}

	private static String facetCondition(Facet facet, Map<String, Object> params) {
		if (facet == null) {
			return "";
		}
		params.put("facet", facet.slug());
		return switch (facet.kind()) {
			case CATEGORY -> " AND c.slug = :facet";
			case EDITION -> " AND e.slug = :facet";
			case SPORT -> " AND EXISTS (SELECT 1 FROM product_sport ps JOIN sport s ON s.id = ps.sport_id"
					+ " WHERE ps.product_id = p.id AND s.slug = :facet)";
		};
	}

	/**
	 * The product page of a product sold in the region (sold out included); empty when it is not sold there.
	 */
	Optional<ProductDetails> product(Region region, String slug, Locale locale) {
		Optional<ProductRow> found = this.jdbc.sql("""
				SELECT p.id, p.slug, p.sku_stem, p.image, p.status, p.licensee_id, c.slug AS category_slug, c.sized, COALESCE(NULLIF(ctl.name, ''), cte.name, c.slug) AS category_name,
				  e.slug AS edition_slug, COALESCE(NULLIF(etl.name, ''), ete.name, e.slug) AS edition_name,
				  %s AS name, COALESCE(NULLIF(tl.description, ''), te.description, '') AS description,
				  o.price_minor, o.currency, o.active
				FROM product p
				JOIN category c ON c.id = p.category_id
				JOIN edition e ON e.id = p.edition_id
				LEFT JOIN offer o ON o.product_id = p.id AND o.region_code = :region
				LEFT JOIN product_text tl ON tl.product_id = p.id AND tl.locale = :locale
				LEFT JOIN product_text te ON te.product_id = p.id AND te.locale = 'en'
				LEFT JOIN category_text ctl ON ctl.category_id = c.id AND ctl.locale = :locale
				LEFT JOIN category_text cte ON cte.category_id = c.id AND cte.locale = 'en'
				LEFT JOIN edition_text etl ON etl.edition_id = e.id AND etl.locale = :locale
				LEFT JOIN edition_text ete ON ete.edition_id = e.id AND ete.locale = 'en'
				WHERE p.slug = :slug""".formatted(NAME))
			.param("region", region.code())
			.param("locale", locale.toLanguageTag())
			.param("slug", slug)
			.query(CatalogReadModel::productRow)
			.optional();
		if (found.isEmpty()) {
			return Optional.empty();
		}
		ProductRow row = found.get();
		List<ProductDetails.VariantOption> variants = this.jdbc.sql("""
				SELECT v.sku, v.size, v.colour, COALESCE(s.quantity, 0) AS quantity
				FROM variant v
				LEFT JOIN stock s ON s.variant_id = v.id AND s.region_code = :region
				WHERE v.product_id = :product AND v.retired_at IS NULL AND NOT v.awaiting_approval
				ORDER BY v.position, v.id""")
			.param("region", region.code())
			.param("product", row.id())
			.query((rs, n) -> new ProductDetails.VariantOption(rs.getString("sku"), rs.getString("size"),
					rs.getString("colour"), rs.getInt("quantity")))
			.list();
		ListingFacts facts = row.facts(variants.stream().anyMatch(ProductDetails.VariantOption::inStock));
		Availability availability = SellableRule.availability(facts, region, this.grants.activeToday(region.code()));
		if (!availability.visible()) {
			return Optional.empty();
		}
		return Optional.of(new ProductDetails(row.id(), row.slug(), row.skuStem(), row.name(), row.description(),
				row.image(), this.licensees.name(row.licenseeId()).orElse(null), new Facet(Facet.Kind.EDITION, row.editionSlug(), row.editionName()),
				new Facet(Facet.Kind.CATEGORY, row.categorySlug(), row.categoryName()), row.sized(),
				Money.ofMinor(row.priceMinor(), row.currency()), availability, variants));
	}

	private static ProductRow productRow(ResultSet rs, int n) throws SQLException {
		String currency = rs.getString("currency");
		return new ProductRow(rs.getLong("id"), rs.getString("slug"), rs.getString("sku_stem"), rs.getString("image"),
				ListingStatus.valueOf(rs.getString("status")), rs.getLong("licensee_id"),
				rs.getString("category_slug"), rs.getBoolean("sized"),
				rs.getString("category_name"), rs.getString("edition_slug"), rs.getString("edition_name"),
				rs.getString("name"), rs.getString("description"), rs.getLong("price_minor"), currency,
				rs.getBoolean("active"));
	}

	private record ProductRow(long id, String slug, String skuStem, String image, ListingStatus status,
			long licenseeId, String categorySlug, boolean sized, String categoryName,
			String editionSlug, String editionName, String name, String description, long priceMinor,
			String currency, boolean offerActive) {

		ListingFacts facts(boolean inStock) {
			return new ListingFacts(this.status, this.licenseeId, this.categorySlug, this.editionSlug,
					(this.currency != null) ? java.util.Currency.getInstance(this.currency) : null, this.offerActive,
					inStock);
		}

	}

}

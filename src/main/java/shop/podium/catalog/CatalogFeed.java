package shop.podium.catalog;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import shop.podium.licensing.Licensees;

/**
 * The catalog as search indexes it: whole products with their texts in every language and their offers in
 * every region, read in batches with a fixed number of statements per batch (five), whatever its size.
 */
@Service
public class CatalogFeed {

	private final JdbcClient jdbc;

	private final Licensees licensees;

	CatalogFeed(JdbcClient jdbc, Licensees licensees) {
		this.jdbc = jdbc;
		this.licensees = licensees;
	}

	public TaxonomyNames taxonomyNames() {
		return new TaxonomyNames(names("edition"), names("category"), names("sport"));
	}

	private Map<String, Map<String, String>> names(String table) {
		Map<String, Map<String, String>> names = new LinkedHashMap<>();
		this.jdbc.sql("SELECT x.slug, t.locale, t.name FROM %1$s x JOIN %1$s_text t ON t.%1$s_id = x.id ORDER BY x.position, x.slug"
			.formatted(table)).query(rs -> {
				names.computeIfAbsent(rs.getString(1), s -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
			});
		names.replaceAll((slug, byLocale) -> Map.copyOf(byLocale));
		return names;
	}

	public long productCount() {
		return this.jdbc.sql("SELECT COUNT(*) FROM product").query(Long.class).single();
	}

	/** Hands every product to the consumer, {@code batchSize} at a time, in id order. */
	public void forEachBatch(int batchSize, Consumer<List<IndexableProduct>> consumer) {
		long after = 0;
		while (true) {
			List<Long> ids = this.jdbc.sql("SELECT id FROM product WHERE id > :after ORDER BY id LIMIT :n")
				.param("after", after)
				.param("n", batchSize)
				.query(Long.class)
				.list();
			if (ids.isEmpty()) {
				return;
			}
			consumer.accept(products(ids));
			after = ids.get(ids.size() - 1);
		}
	}

	public List<Long> productIdsOfLicensees(Collection<Long> licenseeIds) {
		if (licenseeIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("SELECT id FROM product WHERE licensee_id IN (:licensees) ORDER BY id")
			.param("licensees", licenseeIds)
			.query(Long.class)
			.list();
	}

	/** The products with these ids that exist, in id order. */
	public List<IndexableProduct> products(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Set<Long> unique = new LinkedHashSet<>(ids);
		Map<Long, Map<String, String>> names = new HashMap<>();
		Map<Long, Map<String, String>> descriptions = new HashMap<>();
		this.jdbc.sql("SELECT product_id, locale, name, description FROM product_text WHERE product_id IN (:ids)")
			.param("ids", unique)
			.query(rs -> {
				long id = rs.getLong(1);
				names.computeIfAbsent(id, k -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
				descriptions.computeIfAbsent(id, k -> new HashMap<>()).put(rs.getString(2), rs.getString(4));
			});
		Map<Long, List<String>> sports = new HashMap<>();
		this.jdbc.sql("""
				SELECT ps.product_id, s.slug FROM product_sport ps JOIN sport s ON s.id = ps.sport_id
				WHERE ps.product_id IN (:ids) ORDER BY s.position, s.slug""")
			.param("ids", unique)
			.query(rs -> {
				sports.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
			});
		Map<Long, Set<String>> sizes = new HashMap<>();
		Map<Long, Set<String>> colours = new HashMap<>();
		this.jdbc.sql("SELECT product_id, size, colour FROM variant WHERE product_id IN (:ids) AND retired_at IS NULL AND NOT awaiting_approval ORDER BY position, id")
			.param("ids", unique)
			.query(rs -> {
				long id = rs.getLong(1);
				addIfPresent(sizes.computeIfAbsent(id, k -> new LinkedHashSet<>()), rs.getString(2));
				addIfPresent(colours.computeIfAbsent(id, k -> new LinkedHashSet<>()), rs.getString(3));
			});
		Map<Long, Map<String, IndexableProduct.RegionOffer>> offers = new HashMap<>();
		this.jdbc.sql("""
				SELECT o.product_id, o.region_code, o.price_minor, o.currency, o.active,
				  EXISTS (SELECT 1 FROM variant v JOIN stock s ON s.variant_id = v.id
				          WHERE v.product_id = o.product_id AND NOT v.awaiting_approval AND s.region_code = o.region_code AND s.quantity > 0) AS in_stock
				FROM offer o WHERE o.product_id IN (:ids)""")
			.param("ids", unique)
			.query(rs -> {
				offers.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
					.put(rs.getString(2), new IndexableProduct.RegionOffer(rs.getLong(3),
							Currency.getInstance(rs.getString(4)), rs.getBoolean(5), rs.getBoolean(6)));
			});
		Map<Long, Licensees.Named> holders = this.licensees.all();
		return this.jdbc.sql("""
				SELECT p.id, p.slug, p.sku_stem, p.image, p.status, p.licensee_id, c.slug AS category_slug,
				  e.slug AS edition_slug, e.year, p.popularity, p.created_at
				FROM product p
				JOIN category c ON c.id = p.category_id
				JOIN edition e ON e.id = p.edition_id
				WHERE p.id IN (:ids) ORDER BY p.id""")
			.param("ids", unique)
			.query((rs, n) -> {
				long id = rs.getLong("id");
				Licensees.Named holder = holders.get(rs.getLong("licensee_id"));
				return new IndexableProduct(id, rs.getString("slug"), rs.getString("sku_stem"), rs.getString("image"),
						ListingStatus.valueOf(rs.getString("status")), rs.getLong("licensee_id"),
						(holder != null) ? holder.code() : null, (holder != null) ? holder.name() : null,
						rs.getString("category_slug"),
						rs.getString("edition_slug"), rs.getInt("year"), sports.getOrDefault(id, List.of()),
						names.getOrDefault(id, Map.of()), descriptions.getOrDefault(id, Map.of()),
						rs.getInt("popularity"),
						rs.getObject("created_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
						List.copyOf(sizes.getOrDefault(id, Set.of())), List.copyOf(colours.getOrDefault(id, Set.of())),
						offers.getOrDefault(id, Map.of()));
			})
			.list();
	}

	private static void addIfPresent(Set<String> values, String value) {
		if (value != null && !value.isBlank()) {
			values.add(value.strip());
		}
	}

}

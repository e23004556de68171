package shop.podium.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import shop.podium.accounts.AuditLog;
import shop.podium.core.Money;

/**
 * Writes a checked import plan in one transaction: all of it or none of it. New listings, variants, offers and
 * stock go in as multi-row statements of a few hundred rows each, which is what makes 10,000 rows a matter of
 * seconds; the few listings whose content changed go through the listing workflow one by one. Every offer whose
 * price changes is audited with its before and after, in batches as well.
 */
@Service
class ListingImportWriter {

	private static final int CHUNK = 500;

	private final JdbcTemplate jdbc;

	private final ListingStore store;

	private final ListingEditor editor;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ListingImportWriter(JdbcTemplate jdbc, ListingStore store, ListingEditor editor, AuditLog audit,
			ApplicationEventPublisher events, ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.store = store;
		this.editor = editor;
		this.audit = audit;
		this.events = events;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Transactional
	void apply(long licenseeId, ListingImport.Plan plan) {
		if (!plan.ok()) {
			throw new IllegalArgumentException("An import plan with problems is never applied");
		}
		Instant now = this.clock.instant();
		Map<String, Long> categories = this.store.ids("category");
		Map<String, Long> editions = this.store.ids("edition");
		Map<String, Long> sports = this.store.ids("sport");
		List<ListingImport.PlannedListing> fresh = plan.listings().stream().filter(l -> l.existingId() == null).toList();
		Map<String, Long> productIds = new HashMap<>();
		Set<String> usedSlugs = new java.util.HashSet<>();
		List<Object[]> products = new ArrayList<>();
		for (ListingImport.PlannedListing listing : fresh) {
			String slug = this.editor.slugFor(listing.content().name(), listing.skuStem());
			if (!usedSlugs.add(slug)) {
				slug = slug + "-" + listing.skuStem().toLowerCase(java.util.Locale.ROOT);
				usedSlugs.add(slug);
			}
			products.add(new Object[] { slug, licenseeId, listing.skuStem(), categories.get(listing.content().categorySlug()),
					editions.get(listing.content().editionSlug()), "DRAFT", java.sql.Timestamp.from(now),
					java.sql.Timestamp.from(now) });
		}
		insert("product (slug, licensee_id, sku_stem, category_id, edition_id, status, created_at, updated_at)", 8, products, "");
		if (!fresh.isEmpty()) {
			this.jdbc.query("SELECT id, sku_stem FROM product WHERE licensee_id = ?", rs -> {
				productIds.put(rs.getString("sku_stem"), rs.getLong("id"));
			}, licenseeId);
		}
		List<Object[]> texts = new ArrayList<>();
		List<Object[]> productSports = new ArrayList<>();
		for (ListingImport.PlannedListing listing : fresh) {
			long id = productIds.get(listing.skuStem());
			listing.content().texts().forEach((locale, text) -> {
				if (!text.isEmpty()) {
					texts.add(new Object[] { id, locale, text.name(), text.description() });
				}
			});
			listing.content().sports().forEach(sport -> productSports.add(new Object[] { id, sports.get(sport) }));
		}
		insert("product_text (product_id, locale, name, description)", 4, texts, "");
		insert("product_sport (product_id, sport_id)", 2, productSports, "");
		Set<Long> onSale = new java.util.HashSet<>();
		for (ListingImport.PlannedListing listing : plan.listings()) {
			if (listing.existingId() != null) {
				productIds.put(listing.skuStem(), listing.existingId());
				ListingStore.StoredListing stored = this.store.find(listing.existingId()).orElseThrow();
				if (stored.approved()) {
					onSale.add(stored.id());
				}
				this.editor.importContent(stored, listing.content());
			}
		}
		List<AuditLog.Change> priceChanges = priceChanges(plan.listings(), productIds);
		for (long productId : writeInventory(plan.listings(), productIds, onSale)) {
			this.editor.variantsChanged(productId);
		}
		this.audit.recordChanges("OFFER_IMPORTED", "Offer", priceChanges);
		this.audit.record("LISTINGS_IMPORTED", "Licensee", licenseeId, "rows=" + plan.rows() + ", listings="
				+ plan.listings().size() + ", new=" + fresh.size() + ", offers=" + plan.offers());
		if (!plan.listings().isEmpty()) {
			this.events.publishEvent(new ProductChanged(plan.listings()
				.stream()
				.map(listing -> productIds.get(listing.skuStem()))
				.collect(Collectors.toSet())));
		}
	}

	/**
	 * The before and after of every offer whose price or active flag the import sets to something else than what
	 * is stored (an offer new to its listing has no before), keyed like the offer screen's entries
	 * ({@code product/region}). The stored offers are read in chunks, before anything is written.
	 */
	private List<AuditLog.Change> priceChanges(List<ListingImport.PlannedListing> listings, Map<String, Long> productIds) {
		Map<String, Map<String, Object>> stored = new HashMap<>();
		List<Long> existing = listings.stream().map(ListingImport.PlannedListing::existingId).filter(java.util.Objects::nonNull)
			.distinct().toList();
		for (int from = 0; from < existing.size(); from += CHUNK) {
			List<Long> chunk = existing.subList(from, Math.min(existing.size(), from + CHUNK));
			this.jdbc.query("SELECT product_id, region_code, price_minor, currency, active FROM offer WHERE product_id IN ("
					+ "?,".repeat(chunk.size() - 1) + "?)", rs -> {
						stored.put(rs.getLong("product_id") + "/" + rs.getString("region_code"), auditable(
								Money.ofMinor(rs.getLong("price_minor"), rs.getString("currency")), rs.getBoolean("active")));
					}, chunk.toArray());
		}
		List<AuditLog.Change> changes = new ArrayList<>();
		for (ListingImport.PlannedListing listing : listings) {
			long id = productIds.get(listing.skuStem());
			listing.offers().forEach((region, offer) -> {
				String key = id + "/" + region;
				Map<String, Object> before = stored.get(key);
				Map<String, Object> after = auditable(offer.price(), offer.active());
				if (!after.equals(before)) {
					changes.add(new AuditLog.Change(key, before, after));
				}
			});
		}
		return changes;
	}

	private static Map<String, Object> auditable(Money price, boolean active) {
		Map<String, Object> offer = new java.util.LinkedHashMap<>();
		offer.put("price", price.toString());
		offer.put("active", active);
		return offer;
	}

	/**
	 * On a listing on sale, a new variant awaits approval and a size or colour change of a variant on sale is kept
	 * as pending values, as in the portal. A row with the approved values leaves a pending change alone: the export
	 * shows the approved values, so exporting and importing the file again changes nothing.
	 * @return the listings on sale whose variants now have changes to approve
	 */
	private Set<Long> writeInventory(List<ListingImport.PlannedListing> listings, Map<String, Long> productIds,
			Set<Long> onSale) {
		Map<String, StoredVariant> stored = storedVariants(onSale);
		Set<Long> changed = new java.util.HashSet<>();
		List<Object[]> variants = new ArrayList<>();
		List<Object[]> pendingEdits = new ArrayList<>();
		List<Object[]> offers = new ArrayList<>();
		for (ListingImport.PlannedListing listing : listings) {
			long id = productIds.get(listing.skuStem());
			boolean live = onSale.contains(id);
			int position = 1;
			for (ListingImport.PlannedVariant variant : listing.variants()) {
				String size = blankToNull(variant.size());
				String colour = blankToNull(variant.colour());
				StoredVariant before = live ? stored.get(variant.sku().toUpperCase(java.util.Locale.ROOT)) : null;
				if (before != null && !before.awaiting()) {
					if (!before.sells(size, colour)) {
						pendingEdits.add(new Object[] { id, variant.sku(), before.size(), before.colour(), position, true,
								size, colour });
						if (!before.pending(size, colour)) {
							changed.add(id);
						}
					}
				}
				else {
					variants.add(new Object[] { id, variant.sku(), size, colour, position, live });
					if (live && (before == null || !before.sells(size, colour))) {
						changed.add(id);
					}
				}
				position++;
			}
			listing.offers().forEach((region, offer) -> offers.add(new Object[] { id, region, offer.price().minorUnits(),
					offer.price().currency().getCurrencyCode(), offer.active() }));
		}
		insert("variant (product_id, sku, size, colour, position, awaiting_approval)", 6, variants,
				" ON DUPLICATE KEY UPDATE size = VALUES(size), colour = VALUES(colour)");
		insert("variant (product_id, sku, size, colour, position, pending_edit, pending_size, pending_colour)", 8,
				pendingEdits, " ON DUPLICATE KEY UPDATE pending_edit = VALUES(pending_edit),"
						+ " pending_size = VALUES(pending_size), pending_colour = VALUES(pending_colour)");
		insert("offer (product_id, region_code, price_minor, currency, active)", 5, offers,
				" ON DUPLICATE KEY UPDATE price_minor = VALUES(price_minor), currency = VALUES(currency), active = VALUES(active), version = version + 1");
		Map<String, Long> variantIds = new HashMap<>();
		if (!productIds.isEmpty()) {
			List<Long> ids = List.copyOf(new LinkedHashSet<>(productIds.values()));
			for (int from = 0; from < ids.size(); from += CHUNK) {
				List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
				this.jdbc.query("SELECT id, sku FROM variant WHERE product_id IN (" + "?,".repeat(chunk.size() - 1) + "?)",
						rs -> {
							variantIds.put(rs.getString("sku"), rs.getLong("id"));
						}, chunk.toArray());
			}
		}
		List<Object[]> stock = new ArrayList<>();
		for (ListingImport.PlannedListing listing : listings) {
			for (ListingImport.PlannedVariant variant : listing.variants()) {
				variant.stock().forEach((region, quantity) -> stock.add(new Object[] { variantIds.get(variant.sku()), region, quantity }));
			}
		}
		insert("stock (variant_id, region_code, quantity)", 3, stock,
				" ON DUPLICATE KEY UPDATE quantity = VALUES(quantity), version = version + 1");
		return changed;
	}

	private record StoredVariant(boolean awaiting, String size, String colour, boolean pendingEdit, String pendingSize,
			String pendingColour) {

		boolean sells(String size, String colour) {
			return Objects.equals(size, this.size) && Objects.equals(colour, this.colour);
		}

		boolean pending(String size, String colour) {
			return this.pendingEdit && Objects.equals(size, this.pendingSize) && Objects.equals(colour, this.pendingColour);
		}

	}

	/** The variants of the listings on sale, by SKU in capitals as the import reads them. */
	private Map<String, StoredVariant> storedVariants(Set<Long> productIds) {
		Map<String, StoredVariant> variants = new HashMap<>();
		List<Long> ids = List.copyOf(productIds);
		for (int from = 0; from < ids.size(); from += CHUNK) {
			List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
			this.jdbc.query("SELECT sku, size, colour, awaiting_approval, pending_edit, pending_size, pending_colour"
					+ " FROM variant WHERE retired_at IS NULL AND product_id IN (" + "?,".repeat(chunk.size() - 1) + "?)",
					rs -> {
						variants.put(rs.getString("sku").toUpperCase(java.util.Locale.ROOT), new StoredVariant(
								rs.getBoolean("awaiting_approval"), rs.getString("size"), rs.getString("colour"),
								rs.getBoolean("pending_edit"), rs.getString("pending_size"), rs.getString("pending_colour")));
					}, chunk.toArray());
		}
		return variants;
	}

	/** INSERT INTO table VALUES (…), (…), … in chunks; the suffix is e.g. an ON DUPLICATE KEY UPDATE clause. */
	private void insert(String table, int columns, List<Object[]> rows, String suffix) {
		String tuple = "(" + "?,".repeat(columns - 1) + "?)";
		for (int from = 0; from < rows.size(); from += CHUNK) {
			List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
			StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" VALUES ");
			List<Object> args = new ArrayList<>(chunk.size() * columns);
			for (int i = 0; i < chunk.size(); i++) {
				sql.append((i == 0) ? "" : ",").append(tuple);
				args.addAll(java.util.Arrays.asList(chunk.get(i)));
			}
			this.jdbc.update(sql.append(suffix).toString(), args.toArray());
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}

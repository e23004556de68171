package shop.podium.catalog;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import shop.podium.accounts.AuditLog;
import shop.podium.core.Money;
import shop.podium.regions.Region;
import shop.podium.regions.Regions;

/**
 * Variants, regional offers and stock of a licensee's listings. Prices and stock apply at once, without approval:
 * they are not a change of what the rights holder approved. A variant's size and colour are: on an approved
 * listing, a new variant and a size or colour edit wait for approval with the listing's pending revision (see
 * {@link PendingVariants}). Each offer is checked against the licence (territory, category, edition) and the
 * region's currency.
 */
@Service
class Inventory {

	private final JdbcClient jdbc;

	private final ListingEditor listings;

	private final LicenceCheck licence;

	private final Regions regions;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Inventory(JdbcClient jdbc, ListingEditor listings, LicenceCheck licence, Regions regions, AuditLog audit,
			ApplicationEventPublisher events, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.listings = listings;
		this.licence = licence;
		this.regions = regions;
		this.audit = audit;
		this.events = events;
	}

	/**
	 * A variant as its licensee sees it: on an approved listing, a new one awaits approval before it is sold, and an
	 * edited one is sold with its approved size and colour while the pending ones wait.
	 */
	record VariantRow(long id, String sku, String size, String colour, int position, boolean awaitingApproval,
			boolean pendingEdit, String pendingSize, String pendingColour) {

		/** The values the licensee last entered: the pending ones while they wait. */
		public String workingSize() {
			return this.pendingEdit ? this.pendingSize : this.size;
		}

		public String workingColour() {
			return this.pendingEdit ? this.pendingColour : this.colour;
		}

	}

	/** A variant taken off sale but kept for the orders that name it. */
	record RetiredVariant(String sku, String size, String colour, Instant retiredAt) {
	}

	/** What became of a removed variant. */
	enum Removal {

		/** Never reserved for an order: gone. */
		DELETED,
		/** Ordered or reserved once: off sale, kept for the orders. */
		RETIRED

	}

	/** An offer with the stock of every variant in its region (0 where none was set). */
	record OfferRow(String region, Money price, boolean active, Map<Long, Integer> stock) {
	}

	/**
	 * The variants on offer: a retired one is no longer among them. Those awaiting approval are, as their licensee
	 * may stock them before they are sold.
	 */
	List<VariantRow> variants(long productId) {
		return this.jdbc.sql("""
				SELECT id, sku, size, colour, position, awaiting_approval, pending_edit, pending_size, pending_colour
				FROM variant WHERE product_id = ? AND retired_at IS NULL
				ORDER BY position, id""")
			.param(productId)
			.query((rs, n) -> new VariantRow(rs.getLong("id"), rs.getString("sku"), rs.getString("size"),
					rs.getString("colour"), rs.getInt("position"), rs.getBoolean("awaiting_approval"),
					rs.getBoolean("pending_edit"), rs.getString("pending_size"), rs.getString("pending_colour")))
			.list();
	}

	List<RetiredVariant> retiredVariants(long productId) {
		return this.jdbc.sql("""
				SELECT sku, size, colour, retired_at FROM variant WHERE product_id = ? AND retired_at IS NOT NULL
				ORDER BY retired_at, id""")
			.param(productId)
			.query((rs, n) -> new RetiredVariant(rs.getString("sku"), rs.getString("size"), rs.getString("colour"),
					rs.getTimestamp("retired_at").toInstant()))
			.list();
	}

	List<OfferRow> offers(long productId) {
		Map<String, Map<Long, Integer>> stock = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT s.region_code, s.variant_id, s.quantity FROM stock s JOIN variant v ON v.id = s.variant_id
				WHERE v.product_id = ? AND v.retired_at IS NULL""").param(productId).query(rs -> {
			stock.computeIfAbsent(rs.getString("region_code"), r -> new LinkedHashMap<>())
				.put(rs.getLong("variant_id"), rs.getInt("quantity"));
		});
		return this.jdbc.sql("SELECT region_code, price_minor, currency, active FROM offer WHERE product_id = ? ORDER BY region_code")
			.param(productId)
			.query((rs, n) -> new OfferRow(rs.getString("region_code"),
					Money.ofMinor(rs.getLong("price_minor"), rs.getString("currency")), rs.getBoolean("active"),
					stock.getOrDefault(rs.getString("region_code"), Map.of())))
			.list();
	}

	/** On an approved listing the new variant awaits approval: it can be stocked, but it is not sold before. */
	@Transactional
	long addVariant(long licenseeId, long productId, VariantForm form) {
		ListingStore.StoredListing listing = this.listings.owned(licenseeId, productId);
		requireFreeSku(form.sku(), null);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO variant (product_id, sku, size, colour, position, awaiting_approval)
				VALUES (:p, :sku, :size, :colour, (SELECT COALESCE(MAX(x.position), 0) + 1 FROM variant x WHERE x.product_id = :p),
				  :awaiting)""")
			.param("p", productId)
			.param("sku", form.sku())
			.param("size", blankToNull(form.size()))
			.param("colour", blankToNull(form.colour()))
			.param("awaiting", listing.approved())
			.update(keys);
		long id = keys.getKey().longValue();
		this.audit.recordChange("VARIANT_ADDED", "Variant", id, null, form);
		if (listing.approved()) {
			this.listings.variantsChanged(productId);
		}
		this.events.publishEvent(new ProductChanged(productId));
		return id;
	}

	/**
	 * The SKU is the shop's own reference and changes at once. Size and colour of a variant on sale of an approved
	 * listing are kept as pending values until approved; entering the approved ones again drops the pending ones.
	 * @return whether a size or colour change waits for approval
	 */
	@Transactional
	boolean updateVariant(long licenseeId, long productId, long variantId, VariantForm form) {
		ListingStore.StoredListing listing = this.listings.owned(licenseeId, productId);
		VariantRow before = variant(productId, variantId);
		requireFreeSku(form.sku(), variantId);
		String size = blankToNull(form.size());
		String colour = blankToNull(form.colour());
		boolean live = listing.approved() && !before.awaitingApproval();
		boolean pending = live && !(Objects.equals(size, before.size()) && Objects.equals(colour, before.colour()));
		this.jdbc.sql("""
				UPDATE variant SET sku = :sku, size = :size, colour = :colour, pending_edit = :pending,
				  pending_size = :pendingSize, pending_colour = :pendingColour WHERE id = :id""")
			.param("sku", form.sku())
			.param("size", live ? before.size() : size)
			.param("colour", live ? before.colour() : colour)
			.param("pending", pending)
			.param("pendingSize", pending ? size : null)
			.param("pendingColour", pending ? colour : null)
			.param("id", variantId)
			.update();
		this.audit.recordChange("VARIANT_EDITED", "Variant", variantId, before, form);
		boolean customerFacing = !(Objects.equals(size, before.workingSize())
				&& Objects.equals(colour, before.workingColour()));
		if (listing.approved() && customerFacing) {
			this.listings.variantsChanged(productId);
		}
		this.events.publishEvent(new ProductChanged(productId));
		return pending || (listing.approved() && before.awaitingApproval());
	}

	/**
	 * Removes a variant from the listing. One that was ever reserved for an order (paid, pending or abandoned) is
	 * retired: off sale at once, its stock gone from every region, its SKU kept for the orders and reports that
	 * name it and never given to another variant. One that never was is deleted.
	 */
	@Transactional
	Removal removeVariant(long licenseeId, long productId, long variantId) {
		VariantRow before = ownedVariant(licenseeId, productId, variantId);
		boolean ordered = this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM stock_reservation WHERE variant_id = ?)")
			.param(variantId)
			.query(Boolean.class)
			.single();
		Removal removal;
		if (ordered) {
			this.jdbc.sql("UPDATE variant SET retired_at = ? WHERE id = ?")
				.params(Timestamp.from(this.clock.instant()), variantId)
				.update();
			this.jdbc.sql("DELETE FROM stock WHERE variant_id = ?").param(variantId).update();
			this.audit.recordChange("VARIANT_RETIRED", "Variant", variantId, before, null);
			removal = Removal.RETIRED;
		}
		else {
			this.jdbc.sql("DELETE FROM variant WHERE id = ?").param(variantId).update();
			this.audit.recordChange("VARIANT_REMOVED", "Variant", variantId, before, null);
			removal = Removal.DELETED;
		}
		if (before.awaitingApproval() || before.pendingEdit()) {
			this.listings.variantsChanged(productId); // perhaps nothing is left to approve
		}
		this.events.publishEvent(new ProductChanged(productId));
		return removal;
	}

	/**
	 * Sets the price, active flag and stock of the product in one region, all or nothing.
	 * @param stock quantity per variant id as typed; variants not named keep their stock
	 */
	/**
	 * The price the licensee typed, read in their language, when it differs from the offer's price today: what must
	 * be shown to them, and confirmed, before it applies. Empty when the price stays as it is.
	 * @throws ListingProblem when the price cannot be read, the listing is not theirs or the region unknown
	 */
	@Transactional(readOnly = true)
	Optional<Money> priceChange(long licenseeId, long productId, String regionCode, String priceText, Locale locale) {
		Region region = offerable(licenseeId, productId, regionCode);
		Money price = Prices.parse(priceText, region.currency(), locale);
		boolean same = offers(productId).stream()
			.anyMatch(o -> o.region().equals(region.code()) && o.price().equals(price));
		return same ? Optional.empty() : Optional.of(price);
	}

	@Transactional
	void saveOffer(long licenseeId, long productId, String regionCode, String priceText, Locale locale, boolean active,
			Map<Long, String> stock) {
		Region region = offerable(licenseeId, productId, regionCode);
		Money price = Prices.parse(priceText, region.currency(), locale);
		List<Long> variantIds = variants(productId).stream().map(VariantRow::id).toList();
		Map<Long, Integer> quantities = new LinkedHashMap<>();
		stock.forEach((variantId, text) -> {
			if (!variantIds.contains(variantId)) {
				throw new ListingNotFound();
			}
			quantities.put(variantId, Prices.stock(text));
		});
		OfferRow before = offers(productId).stream().filter(o -> o.region().equals(region.code())).findFirst().orElse(null);
		upsertOffer(productId, region.code(), price, active);
		quantities.forEach((variantId, quantity) -> upsertStock(variantId, region.code(), quantity));
		OfferRow after = new OfferRow(region.code(), price, active, quantities);
		if (!Objects.equals(before, after)) {
			this.audit.recordChange("OFFER_SAVED", "Offer", productId + "/" + region.code(), auditable(before),
					auditable(after));
		}
		this.events.publishEvent(new ProductChanged(productId));
	}

	/** The region, when the listing is the licensee's and their licence lets them sell it there. */
	private Region offerable(long licenseeId, long productId, String regionCode) {
		ListingStore.StoredListing listing = this.listings.owned(licenseeId, productId);
		Region region = this.regions.find(regionCode).orElseThrow(() -> new ListingProblem("region",
				"portal.offer.region.unknown", regionCode));
		// the live category and edition are the ones that sell; a pending revision must fit the licence too
		this.licence.offer(licenseeId, region.code(), listing.live().categorySlug(), listing.live().editionSlug());
		if (listing.revision() != null) {
			this.licence.offer(licenseeId, region.code(), listing.working().categorySlug(),
					listing.working().editionSlug());
		}
		return region;
	}

	@Transactional
	void removeOffer(long licenseeId, long productId, String regionCode) {
		this.listings.owned(licenseeId, productId);
		OfferRow before = offers(productId).stream().filter(o -> o.region().equals(regionCode)).findFirst()
			.orElseThrow(ListingNotFound::new);
		this.jdbc.sql("DELETE FROM offer WHERE product_id = ? AND region_code = ?").params(productId, regionCode).update();
		this.audit.recordChange("OFFER_REMOVED", "Offer", productId + "/" + regionCode, auditable(before), null);
		this.events.publishEvent(new ProductChanged(productId));
	}

	void upsertOffer(long productId, String region, Money price, boolean active) {
		int updated = this.jdbc.sql("""
				UPDATE offer SET price_minor = :price, currency = :currency, active = :active, version = version + 1
				WHERE product_id = :p AND region_code = :r""")
			.param("price", price.minorUnits())
			.param("currency", price.currency().getCurrencyCode())
			.param("active", active)
			.param("p", productId)
			.param("r", region)
			.update();
		if (updated == 0) {
			this.jdbc.sql("INSERT INTO offer (product_id, region_code, price_minor, currency, active) VALUES (?, ?, ?, ?, ?)")
				.params(productId, region, price.minorUnits(), price.currency().getCurrencyCode(), active)
				.update();
		}
	}

	void upsertStock(long variantId, String region, int quantity) {
		int updated = this.jdbc.sql("UPDATE stock SET quantity = ?, version = version + 1 WHERE variant_id = ? AND region_code = ?")
			.params(quantity, variantId, region)
			.update();
		if (updated == 0) {
			this.jdbc.sql("INSERT INTO stock (variant_id, region_code, quantity) VALUES (?, ?, ?)")
				.params(variantId, region, quantity)
				.update();
		}
	}

	private VariantRow ownedVariant(long licenseeId, long productId, long variantId) {
		this.listings.owned(licenseeId, productId);
		return variant(productId, variantId);
	}

	private VariantRow variant(long productId, long variantId) {
		return variants(productId).stream().filter(v -> v.id() == variantId).findFirst().orElseThrow(ListingNotFound::new);
	}

	private void requireFreeSku(String sku, Long exceptVariant) {
		long taken = this.jdbc.sql("SELECT COUNT(*) FROM variant WHERE sku = ? AND id <> ?")
			.params(sku, (exceptVariant != null) ? exceptVariant : -1L)
			.query(Long.class)
			.single();
		if (taken > 0) {
			throw new ListingProblem("sku", "portal.variant.sku.taken", sku);
		}
	}

	private static Map<String, Object> auditable(OfferRow offer) {
		if (offer == null) {
			return null;
		}
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("price", offer.price().toString());
		map.put("active", offer.active());
		map.put("stock", new ArrayList<>(offer.stock().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
		return map;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}

package shop.podium.drops;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import shop.podium.accounts.AuditLog;
import shop.podium.catalog.ApprovedListings;
import shop.podium.catalog.ProductChanged;
import shop.podium.catalog.VariantOffer;
import shop.podium.catalog.VariantOffers;
import shop.podium.core.cluster.ChangeFeed;
import shop.podium.core.cluster.ChangeKey;
import shop.podium.regions.Region;
import shop.podium.regions.Regions;

/**
 * The drop's review flow: a licensee proposes, the rights holder approves or rejects with a reason, then may pause,
 * resume and end. Every change is in the audit log; a change fans see empties the product's cached pages.
 */
@Service
public class Drops {

	static final int MAX_LIMIT = 10;

	static final int MIN_WINDOW = 2;

	static final int MAX_WINDOW = 60;

	static final int MAX_UNITS = 100_000;

	private final DropStore store;

	private final ApprovedListings listings;

	private final VariantOffers offers;

	private final Regions regions;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final DropsProperties properties;

	private final Clock clock;

	private final ChangeFeed changes;

	Drops(DropStore store, ApprovedListings listings, VariantOffers offers, Regions regions, AuditLog audit,
			ApplicationEventPublisher events, DropsProperties properties, ObjectProvider<Clock> clock,
			ChangeFeed changes) {
		this.changes = changes;
		this.store = store;
		this.listings = listings;
		this.offers = offers;
		this.regions = regions;
		this.audit = audit;
		this.events = events;
		this.properties = properties;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** What the audit log keeps of a drop's review state. */
	record Reviewed(String status, String reason) {
	}

	/**
	 * @return the new drop's id
	 * @throws DropRefused when anything typed cannot be used; nothing is saved then
	 */
	@Transactional
	public long propose(long licenseeId, DropForm form) {
		long productId = number(form.product(), "drops.refused.product", 1, Long.MAX_VALUE);
		ApprovedListings.Approved listing = this.listings.find(licenseeId, productId)
			.orElseThrow(() -> new DropRefused("drops.refused.product"));
		Region startRegion = this.regions.find(String.valueOf(form.startRegion()))
			.orElseThrow(() -> new DropRefused("drops.refused.startRegion"));
		ZoneId zone = this.properties.zoneOf(startRegion.code());
		Instant startsAt = start(form.startsAt(), zone);
		int limit = (int) number(form.perFanLimit(), "drops.refused.limit", 1, MAX_LIMIT);
		int window = (int) number(form.windowMinutes(), "drops.refused.window", MIN_WINDOW, MAX_WINDOW);
		List<Drop.Unit> units = units(listing, form);
		long id = this.store.insert(new DropStore.NewDrop(productId, listing.slug(), listing.name(), licenseeId,
				listing.licenseeName(), listing.editionName(), startsAt, zone.getId(), limit, window,
				Boolean.TRUE.equals(form.numbered()), this.clock.instant(), units));
		Map<String, Object> proposed = new LinkedHashMap<>();
		proposed.put("product", listing.name());
		proposed.put("startsAt", startsAt.toString());
		proposed.put("perFanLimit", limit);
		proposed.put("windowMinutes", window);
		proposed.put("numbered", Boolean.TRUE.equals(form.numbered()));
		proposed.put("units", units.stream().map(u -> u.sku() + "@" + u.regionCode() + "=" + u.units()).toList());
		this.audit.recordChange("drop.propose", "drop", id, null, proposed);
		return id;
	}

	/**
	 * Approves, rejects, pauses, resumes or ends a drop.
	 * @throws DropRefused when the drop is unknown, the action does not apply to its status now, or a rejection
	 * has no reason
	 */
	@Transactional
	public void review(long id, DropStatus.Action action, String reason) {
		DropStatus status = this.store.lock(id).orElseThrow(() -> new DropRefused("drops.refused.unknown"));
		String why = (reason != null) ? reason.strip() : "";
		if (action == DropStatus.Action.REJECT && why.isEmpty()) {
			throw new DropRefused("drops.refused.reason");
		}
		if (why.length() > 500) {
			throw new DropRefused("drops.refused.reasonLength", 500);
		}
		DropStatus next = status.after(action)
			.orElseThrow(() -> new DropRefused("drops.refused.action." + action.name().toLowerCase(Locale.ROOT)));
		this.store.status(id, next, (action == DropStatus.Action.REJECT) ? why : null);
		this.audit.recordChange("drop." + action.name().toLowerCase(Locale.ROOT), "drop", id,
				new Reviewed(status.name(), null), new Reviewed(next.name(), why.isEmpty() ? null : why));
		this.store.find(id).ifPresent(drop -> this.events.publishEvent(new ProductChanged(drop.productId())));
		// every instance reads again which products have a drop on show, once this change is committed
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				Drops.this.changes.publish(new ChangeKey(DropBlocks.CHANGE, Long.toString(id)));
			}
		});
	}

	private List<Drop.Unit> units(ApprovedListings.Approved listing, DropForm form) {
		Map<String, ApprovedListings.Variant> variants = new LinkedHashMap<>();
		listing.variants().forEach(v -> variants.put(v.sku(), v));
		List<Drop.Unit> units = new ArrayList<>();
		for (int i = 0; i < form.cells().size(); i++) {
			String typed = (i < form.units().size()) ? form.units().get(i).strip() : "";
			if (typed.isEmpty() || typed.equals("0")) {
				continue;
			}
			String[] cell = form.cells().get(i).split("@", 2);
			ApprovedListings.Variant variant = variants.get(cell[0]);
			Region region = (cell.length == 2) ? this.regions.find(cell[1]).orElse(null) : null;
			if (variant == null || region == null) {
				throw new DropRefused("drops.refused.product");
			}
			int count = (int) number(typed, "drops.refused.units", 0, MAX_UNITS);
			VariantOffer offer = this.offers.find(region, List.of(variant.sku()), Locale.ENGLISH).get(variant.sku());
			if (offer == null || !offer.availability().visible()) {
				throw new DropRefused("drops.refused.notSold", region.name());
			}
			if (count > offer.available()) {
				throw new DropRefused("drops.refused.shelf", variant.sku(), region.name(), offer.available());
			}
			units.add(new Drop.Unit(variant.id(), variant.sku(), variant.label(), region.code(), count));
		}
		if (units.isEmpty()) {
			throw new DropRefused("drops.refused.noUnits");
		}
		return units;
	}

	private Instant start(String typed, ZoneId zone) {
		try {
			Instant at = LocalDateTime.parse(String.valueOf(typed).strip()).atZone(zone).toInstant();
			if (!at.isAfter(this.clock.instant())) {
				throw new DropRefused("drops.refused.startPast");
			}
			return at;
		}
		catch (DateTimeParseException ex) {
			throw new DropRefused("drops.refused.start");
		}
	}

	private static long number(String typed, String key, long min, long max) {
		try {
			long value = Long.parseLong(String.valueOf(typed).strip());
			if (value < min || value > max) {
				throw new DropRefused(key, min, max);
			}
			return value;
		}
		catch (NumberFormatException ex) {
			throw new DropRefused(key, min, max);
		}
	}

}

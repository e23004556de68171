package shop.podium.drops;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import shop.podium.cart.CartGate;
import shop.podium.cart.CartRefused;
import shop.podium.regions.Region;

/**
 * A drop's variant goes into a cart, and out of it as an order, only with a valid admission pass, within its
 * window, up to the per-fan limit (per place, and by account and email across orders) and while its units last.
 * The order's units are recorded in the placing transaction, under the drop's row lock, so two orders of one drop
 * never count the same unit.
 */
@Component
class DropGate implements CartGate {

	private final DropStore store;

	private final WaitingLine line;

	private final Passes passes;

	private final WaitingRoom room;

	private final TransactionTemplate ownTransaction;

	private final DropBlocks onShow;

	DropGate(DropStore store, WaitingLine line, Passes passes, WaitingRoom room, PlatformTransactionManager transactions,
			DropBlocks onShow) {
		this.onShow = onShow;
		this.store = store;
		this.line = line;
		this.passes = passes;
		this.room = room;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Override
	public void beforeAdd(Region region, String sku, int wanted) {
		if (!this.onShow.mayGovern(sku)) {
			return;
		}
		Optional<Drop> found = this.store.onShowForSku(sku, region.code());
		if (found.isEmpty()) {
			return;
		}
		Drop drop = found.get();
		WaitingLine.Place place = admittedPlace(drop, region, this.room.now());
		checkUnits(drop, region, sku, place, wanted);
	}

	@Override
	public void beforeOrder(Region region, String orderNumber, String email, Long accountId,
			Map<String, Integer> quantities) {
		Instant now = this.room.now();
		for (Map.Entry<String, Integer> entry : quantities.entrySet()) {
			if (!this.onShow.mayGovern(entry.getKey())) {
				continue;
			}
			Optional<Drop> found = this.store.onShowForSku(entry.getKey(), region.code());
			if (found.isEmpty()) {
				continue;
			}
			Drop drop = found.get();
			WaitingLine.Place place = admittedPlace(drop, region, now);
			this.store.lock(drop.id());
			int units = entry.getValue();
			checkUnits(drop, region, entry.getKey(), place, units);
			if (this.line.usedByFan(drop.id(), accountId, email) + units > drop.perFanLimit()) {
				throw new CartRefused("drops.cart.limitReached", drop.perFanLimit());
			}
			this.line.order(orderNumber, drop.id(), place.id(), region.code(), entry.getKey(), units, accountId, email,
					place.windowEnds(), now);
		}
	}

	private WaitingLine.Place admittedPlace(Drop drop, Region region, Instant now) {
		if (drop.status() == DropStatus.PAUSED) {
			throw new CartRefused("drops.cart.paused");
		}
		if (now.isBefore(drop.startsAt())) {
			throw new CartRefused("drops.cart.notYet");
		}
		Optional<Passes.Pass> pass = this.passes.of(currentRequest(), drop.id(), now);
		Optional<WaitingLine.Place> place = pass.flatMap(p -> this.line.find(p.placeId()))
			.filter(p -> p.dropId() == drop.id() && p.regionCode().equals(region.code()));
		if (place.isEmpty()) {
			// a request without a pass skipped the waiting room: counted for the live page, outside the refused change
			this.ownTransaction.executeWithoutResult(s -> this.store.countRefusal(drop.id()));
			throw new CartRefused("drops.cart.noPass");
		}
		if (!place.get().windowOpen(now)) {
			throw new CartRefused("drops.cart.windowOver");
		}
		return place.get();
	}

	private void checkUnits(Drop drop, Region region, String sku, WaitingLine.Place place, int wanted) {
		int used = this.line.usedBy(place.id());
		if (used + wanted > drop.perFanLimit()) {
			throw new CartRefused("drops.cart.limit", drop.perFanLimit(), Math.max(0, drop.perFanLimit() - used));
		}
		int units = drop.unitsIn(region.code()).stream().filter(u -> u.sku().equals(sku)).mapToInt(Drop.Unit::units).sum();
		if (this.line.unitsOfSku(drop.id(), region.code(), sku) + wanted > units) {
			throw new CartRefused("drops.cart.variantGone");
		}
	}

	private static HttpServletRequest currentRequest() {
		return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
				? attributes.getRequest() : null;
	}

}

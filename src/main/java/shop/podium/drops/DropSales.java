package shop.podium.drops;

import java.time.Clock;
import java.time.Instant;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import shop.podium.orders.OrderPaid;
import shop.podium.orders.OrderRefunded;

/**
 * A paid order's drop units become sold, and numbered ones get their serials, in the transaction that records the
 * payment: a serial exists exactly when its payment does. A refund voids the order's serials.
 */
@Component
class DropSales {

	private final WaitingLine line;

	private final DropStore store;

	private final Serials serials;

	private final Clock clock;

	DropSales(WaitingLine line, DropStore store, Serials serials, ObjectProvider<Clock> clock) {
		this.line = line;
		this.store = store;
		this.serials = serials;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@EventListener
	void on(OrderPaid paid) {
		Instant now = this.clock.instant();
		this.line.settle(paid.orderNumber(), "PAID", now);
		for (WaitingLine.Bought bought : this.line.bought(paid.orderNumber())) {
			this.store.find(bought.dropId())
				.filter(Drop::numbered)
				.ifPresent(drop -> this.serials.number(drop.id(), paid.orderNumber(), bought.sku(), bought.units(), now));
		}
	}

	@ApplicationModuleListener
	void on(OrderRefunded refunded) {
		this.serials.voidOrder(refunded.orderNumber(), this.clock.instant());
	}

}

package shop.podium.orders;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import shop.podium.accounts.AuditLog;

/**
 * Licensees ship their own lines of paid orders; an order whose every line has shipped (or had all its units
 * put back on a refund) is fulfilled.
 */
@Service
class Fulfilment {

	private final OrderStore orders;

	private final AuditLog audit;

	private final Clock clock;

	Fulfilment(OrderStore orders, AuditLog audit, ObjectProvider<Clock> clock) {
		this.orders = orders;
		this.audit = audit;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Transactional
	void ship(String number, long lineId, long licenseeId, String carrier, String tracking) {
		// another licensee's order or line does not exist for this one: say nothing about it
		Order order = this.orders.lock(number)
			.filter(found -> found.lines().stream().anyMatch(l -> l.id() == lineId && l.licenseeId() == licenseeId))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (order.status() != OrderStatus.PAID) {
			throw new RefundRefused("orders.fulfilment.refused.notPaid");
		}
		if (!this.orders.ship(order.id(), lineId, licenseeId, carrier, tracking, this.clock.instant())) {
			throw new RefundRefused("orders.fulfilment.refused.line");
		}
		this.audit.record("order.ship", "Order", number, "line " + lineId + " " + carrier + " " + tracking);
		Order after = this.orders.find(order.id()).orElseThrow();
		if (after.nothingLeftToShip()) {
			this.orders.changeStatus(after, OrderStatus.FULFILLED, this.clock.instant(), null);
		}
	}

}

package shop.podium.orders;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import shop.podium.accounts.AuditLog;

/**
 * Licensees ship their own lines of paid orders; an order whose every line has shipped is fulfilled.
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
		Order order = this.orders.lock(number).orElseThrow(() -> new RefundRefused("orders.refund.refused.unknown"));
		if (order.status() != OrderStatus.PAID) {
			throw new RefundRefused("orders.fulfilment.refused.notPaid");
		}
		if (!this.orders.ship(order.id(), lineId, licenseeId, carrier, tracking, this.clock.instant())) {
			throw new RefundRefused("orders.fulfilment.refused.line");
		}
		this.audit.record("order.ship", "Order", number, "line " + lineId + " " + carrier + " " + tracking);
		Order after = this.orders.find(order.id()).orElseThrow();
		if (after.lines().stream().allMatch(Order.Line::shipped)) {
			this.orders.changeStatus(after, OrderStatus.FULFILLED, this.clock.instant(), null);
		}
	}

}

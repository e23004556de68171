package shop.podium.orders;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * How long the checkout success link opens an order's receipt (number and status, nothing personal) in a browser
 * other than the one that placed the order: a payment app or a second device may open it there, which is worth
 * a reassuring "paid" page, but a link found later in a history or a log must open nothing. The window runs from
 * the payment (or, while the payment is not known, from the end of the Checkout Session, when it could still be
 * paid). The browser that placed the order sees it in full at any time, as its order page.
 */
@Component
class ConfirmationLinks {

	private final Duration openFor;

	private final Clock clock;

	ConfirmationLinks(ConfirmationLinkProperties properties, ObjectProvider<Clock> clock) {
		this.openFor = properties.openFor();
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	boolean open(Order order) {
		return open(order, this.clock.instant());
	}

	boolean open(Order order, Instant now) {
		Instant from = (order.paidAt() != null) ? order.paidAt()
				: (order.sessionExpiresAt() != null) ? order.sessionExpiresAt() : order.createdAt();
		return now.isBefore(from.plus(this.openFor));
	}

}

package shop.podium.orders;

import java.util.Optional;

/**
 * The order's payment life as a function: given where an order is and a fact about its payment, where it goes
 * (empty: nowhere, the fact changes nothing). Tolerates every order and repetition of Stripe's events: an
 * expiry after a payment, a late "completed" after the asynchronous success, the same event ten times.
 */
final class OrderStateMachine {

	private OrderStateMachine() {
	}

	static Optional<OrderStatus> next(OrderStatus current, PaymentFact fact) {
		OrderStatus next = switch (fact) {
			// money arrived: even for an order given up on, since a paid order must never be lost
			case PAID -> switch (current) {
				case PENDING_PAYMENT, PAYMENT_PROCESSING, EXPIRED, PAYMENT_FAILED -> OrderStatus.PAID;
				default -> null;
			};
			case PROCESSING -> (current == OrderStatus.PENDING_PAYMENT) ? OrderStatus.PAYMENT_PROCESSING : null;
			case FAILED -> current.awaitingPayment() ? OrderStatus.PAYMENT_FAILED : null;
			// a session with a payment processing is complete and cannot expire: only an unpaid one does
			case EXPIRED -> (current == OrderStatus.PENDING_PAYMENT) ? OrderStatus.EXPIRED : null;
			case OPEN -> null;
		};
		return Optional.ofNullable(next);
	}

}

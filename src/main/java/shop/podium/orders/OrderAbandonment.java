package shop.podium.orders;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import shop.podium.payments.CheckoutSession;
import shop.podium.payments.CheckoutSessions;
import shop.podium.payments.PaymentServiceUnavailable;

/**
 * A fan turned back from the payment page (or started another checkout): the session is expired at Stripe so
 * it can no longer be paid, and what Stripe then says is applied — normally "expired", releasing the stock; if
 * it was paid meanwhile, the order is paid.
 */
@Component
class OrderAbandonment {

	private static final Logger log = LoggerFactory.getLogger(OrderAbandonment.class);

	private final OrderStore orders;

	private final CheckoutSessions sessions;

	private final OrderPayments payments;

	OrderAbandonment(OrderStore orders, CheckoutSessions sessions, OrderPayments payments) {
		this.orders = orders;
		this.sessions = sessions;
		this.payments = payments;
	}

	void abandon(String number) {
		Order order = this.orders.find(number).orElse(null);
		if (order == null || order.status() != OrderStatus.PENDING_PAYMENT || order.stripeSessionId() == null) {
			return;
		}
		CheckoutSession session = this.sessions.expire(order.stripeSessionId());
		this.payments.apply(session, PaymentFact.of(session), "abandoned by the customer");
	}

	void abandonQuietly(String number) {
		try {
			abandon(number);
		}
		catch (PaymentServiceUnavailable ex) {
			log.info("Could not abandon order {} now; the sweep will: {}", number, ex.getMessage());
		}
	}

}

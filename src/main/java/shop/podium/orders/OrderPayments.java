package shop.podium.orders;

import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import shop.podium.cart.Carts;
import shop.podium.catalog.StockReservations;
import shop.podium.core.LogSafe;
import shop.podium.payments.CheckoutSession;
import shop.podium.payments.CheckoutSessions;
import shop.podium.payments.PaymentEvent;

/**
 * Applies what Stripe says about an order's payment, however the shop learns it: a webhook (in the transaction
 * that records the event as handled), the success page or the sweep asking Stripe. Each application locks the
 * order's row and moves it by {@link OrderStateMachine}; only a paid session makes an order paid.
 */
@Service
class OrderPayments {

	private static final Logger log = LoggerFactory.getLogger(OrderPayments.class);

	private final OrderStore orders;

	private final StockReservations reservations;

	private final CheckoutSessions sessions;

	private final Carts carts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	OrderPayments(OrderStore orders, StockReservations reservations, CheckoutSessions sessions, Carts carts,
			ApplicationEventPublisher events, ObjectProvider<Clock> clock) {
		this.orders = orders;
		this.reservations = reservations;
		this.sessions = sessions;
		this.carts = carts;
		this.events = events;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@EventListener
	@Transactional
	public void on(PaymentEvent.SessionEvent event) {
		PaymentFact fact = switch (event.kind()) {
			case COMPLETED -> PaymentFact.of(event.session());
			case ASYNC_PAYMENT_SUCCEEDED -> PaymentFact.PAID;
			case ASYNC_PAYMENT_FAILED -> PaymentFact.FAILED;
			case EXPIRED -> PaymentFact.EXPIRED;
		};
		apply(event.session(), fact, "stripe event " + event.eventId());
	}

	/**
	 * Asks Stripe how the order's session stands and applies it: for the success page when the webhook has
	 * not arrived yet, and for the sweep.
	 * @return the order as it is afterwards
	 */
	@Transactional
	public Optional<Order> confirm(String number) {
		Order order = this.orders.find(number).orElse(null);
		if (order == null || order.stripeSessionId() == null || !order.status().awaitingPayment()) {
			return Optional.ofNullable(order);
		}
		CheckoutSession session = this.sessions.retrieve(order.stripeSessionId());
		apply(session, PaymentFact.of(session), "confirmed with Stripe");
		return this.orders.find(number);
	}

	/** Applies a fact about a session to its order. */
	@Transactional
	public void apply(CheckoutSession session, PaymentFact fact, String source) {
		String number = (session.orderNumber() != null) ? session.orderNumber()
				: this.orders.numberOfSession(session.id()).orElse(null);
		Order order = (number != null) ? this.orders.lock(number).orElse(null) : null;
		if (order == null) {
			log.warn("Stripe reports on Checkout Session {} for an order the shop does not know ({})",
					LogSafe.secret(session.id()), number);
			return;
		}
		if (order.stripeSessionId() != null && !order.stripeSessionId().equals(session.id())) {
			log.warn("Ignored Checkout Session {}: order {} was placed with session {}", LogSafe.secret(session.id()),
					number, LogSafe.secret(order.stripeSessionId()));
			return;
		}
		if (order.stripeSessionId() == null) {
			// the session was opened but the shop stopped before noting it
			this.orders.attachSession(order.id(), session.id(), session.url(), session.expiresAt());
		}
		if (session.paymentIntentId() != null) {
			this.orders.attachPaymentIntent(order.id(), session.paymentIntentId());
		}
		Optional<OrderStatus> next = OrderStateMachine.next(order.status(), fact);
		if (next.isEmpty()) {
			return;
		}
		String note = source;
		switch (next.get()) {
			case PAID -> {
				if (session.amountTotal() != null && session.amountTotal() != order.total().minorUnits()) {
					log.error("Order {} total {} differs from the amount Stripe collected: {}", number, order.total(),
							session.amountTotal());
					note += "; amount collected " + session.amountTotal() + " differs from the order total";
				}
				if (!order.status().awaitingPayment() && !this.reservations.reclaim(number)) {
					log.error("Order {} was paid after its stock was released and some is gone", number);
					note += "; paid after expiry, stock short: needs attention";
				}
				this.reservations.commit(number);
				if (order.userId() != null) {
					this.carts.clear(order.userId(), order.regionCode());
				}
			}
			case PAYMENT_FAILED, EXPIRED -> this.reservations.release(number);
			default -> {
			}
		}
		this.orders.changeStatus(order, next.get(), this.clock.instant(), note);
		if (next.get() == OrderStatus.PAID) {
			// after the change, so that the facts say paid and when
			this.events.publishEvent(new OrderPaid(number, this.orders.facts(number).orElseThrow()));
		}
		log.info("Order {} is now {} ({})", number, next.get(), source);
	}

}

package shop.podium.orders;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import shop.podium.accounts.AuditLog;
import shop.podium.accounts.CurrentUser;
import shop.podium.catalog.StockReservations;
import shop.podium.core.Money;
import shop.podium.payments.PaymentEvent;
import shop.podium.payments.Refunds;

/**
 * Money going back: partial and full refunds issued from the shop through Stripe, cancellation before shipment
 * (refund and stock back on the shelf), and refunds made elsewhere (Stripe's dashboard) picked up from
 * {@code charge.refunded}. Each Stripe refund is recorded once by its id, whichever way the shop hears of it
 * first. Public for the finance screens.
 */
@Service
public class OrderRefunds {

	private static final Logger log = LoggerFactory.getLogger(OrderRefunds.class);

	private final OrderStore orders;

	private final Refunds refunds;

	private final StockReservations reservations;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	OrderRefunds(OrderStore orders, Refunds refunds, StockReservations reservations, AuditLog audit,
			ApplicationEventPublisher events, ObjectProvider<Clock> clock) {
		this.orders = orders;
		this.refunds = refunds;
		this.reservations = reservations;
		this.audit = audit;
		this.events = events;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/**
	 * Refunds part of a paid order. The order stays locked while Stripe is asked, so two clicks cannot refund
	 * twice; the idempotency key (order, amount refunded so far, amount) makes a retried request safe too.
	 * @throws RefundRefused when the order is not paid or the amount is not between 0 and what is left
	 */
	@Transactional
	public void refund(String number, Money amount, String reason) {
		Order order = this.orders.lock(number).orElseThrow(() -> new RefundRefused("orders.refund.refused.unknown"));
		if (!order.status().paid() || order.paymentIntentId() == null) {
			throw new RefundRefused("orders.refund.refused.notPaid");
		}
		if (!amount.currency().equals(order.total().currency()) || amount.minorUnits() <= 0
				|| amount.compareTo(order.refundable()) > 0) {
			throw new RefundRefused("orders.refund.refused.amount", order.refundable());
		}
		String key = "refund-" + number + "-" + order.refunded().minorUnits() + "-" + amount.minorUnits();
		String refundId = this.refunds.refund(order.paymentIntentId(), amount, number, key);
		record(order, refundId, amount.minorUnits(), reason, "SHOP");
		this.audit.record("order.refund", "Order", number, amount + " " + ((reason != null) ? reason : ""));
	}

	/**
	 * Cancels a paid order none of whose lines has shipped: refunds what is left and puts the stock back.
	 */
	@Transactional
	public void cancel(String number, String reason) {
		Order order = this.orders.lock(number).orElseThrow(() -> new RefundRefused("orders.refund.refused.unknown"));
		if (order.status() != OrderStatus.PAID || order.anyShipped()) {
			throw new RefundRefused("orders.cancel.refused");
		}
		if (order.refundable().minorUnits() > 0) {
			String refundId = this.refunds.refund(order.paymentIntentId(), order.refundable(), number,
					"cancel-" + number);
			this.orders.addRefund(order.id(), refundId, order.refundable().minorUnits(), reason, "SHOP", actor(),
					this.clock.instant());
			this.events.publishEvent(new OrderRefunded(number, order.refundable().minorUnits(),
					order.total().currency().getCurrencyCode()));
		}
		restock(order);
		this.orders.changeStatus(order, OrderStatus.CANCELLED, this.clock.instant(), reason);
		this.audit.record("order.cancel", "Order", number, reason);
	}

	@EventListener
	@Transactional
	public void on(PaymentEvent.ChargeRefunded event) {
		String number = this.orders.numberOfPaymentIntent(event.paymentIntentId()).orElse(null);
		Order order = (number != null) ? this.orders.lock(number).orElse(null) : null;
		if (order == null) {
			log.warn("Charge {} was refunded for a payment the shop does not know", event.chargeId());
			return;
		}
		if (!event.refunds().isEmpty()) {
			event.refunds().forEach(r -> record(order, r.id(), r.amount(), null, "STRIPE"));
		}
		else {
			long missing = event.amountRefunded() - order.refunded().minorUnits();
			if (missing > 0) {
				record(order, null, missing, null, "STRIPE");
			}
		}
	}

	@EventListener
	@Transactional
	public void on(PaymentEvent.DisputeOpened event) {
		this.orders.numberOfPaymentIntent(event.paymentIntentId()).flatMap(this.orders::lock).ifPresentOrElse(order -> {
			this.orders.markDisputed(order.id());
			this.orders.recordStatus(order.id(), order.status(), this.clock.instant(),
					"dispute opened: " + event.reason());
			log.warn("Order {} is disputed ({})", order.number(), event.reason());
		}, () -> log.warn("Dispute on charge {} for a payment the shop does not know", event.chargeId()));
	}

	/** Records one refund (once per Stripe id) and moves a fully refunded order to REFUNDED. */
	private void record(Order order, String refundId, long amount, String reason, String source) {
		Instant now = this.clock.instant();
		long room = order.total().minorUnits() - currentRefunded(order);
		if (amount > room) {
			log.error("Refund {} of {} on order {} exceeds what is left ({})", refundId, amount, order.number(), room);
			amount = room;
		}
		if (amount <= 0 || !this.orders.addRefund(order.id(), refundId, amount, reason, source, actor(), now)) {
			return;
		}
		this.events.publishEvent(new OrderRefunded(order.number(), amount, order.total().currency().getCurrencyCode()));
		Order after = this.orders.find(order.id()).orElseThrow();
		if (after.refundable().isZero() && after.status().paid()) {
			if (!after.anyShipped()) {
				restock(after);
			}
			this.orders.changeStatus(after, OrderStatus.REFUNDED, now, (source.equals("STRIPE")) ? "refunded in Stripe" : reason);
		}
	}

	private long currentRefunded(Order order) {
		return this.orders.find(order.id()).orElseThrow().refunded().minorUnits();
	}

	private void restock(Order order) {
		order.lines().forEach(l -> this.reservations.restock(l.variantId(), order.regionCode(), l.quantity()));
	}

	private static String actor() {
		return CurrentUser.current().map(CurrentUser::email).orElse(AuditLog.SYSTEM);
	}

}

package shop.podium.orders;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

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
 * Money going back: partial and full refunds issued from the shop through Stripe, with the units staff choose
 * put back on the shelf, cancellation before shipment (refund and stock back on the shelf), and refunds made
 * elsewhere (Stripe's dashboard) picked up from {@code charge.refunded}. Each Stripe refund is recorded once by
 * its id, whichever way the shop hears of it first; each unit goes back on the shelf at most once, counted on its
 * order line. Public for the finance screens.
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

	private final RefundThresholds thresholds;

	OrderRefunds(OrderStore orders, Refunds refunds, StockReservations reservations, AuditLog audit,
			ApplicationEventPublisher events, ObjectProvider<Clock> clock, RefundThresholds thresholds) {
		this.thresholds = thresholds;
		this.orders = orders;
		this.refunds = refunds;
		this.reservations = reservations;
		this.audit = audit;
		this.events = events;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/**
	 * Refunds part of a paid order, an amount with a reason and no stock back (finance's refunds).
	 * @throws RefundRefused when the order is not paid or the amount is not between 0 and what is left
	 */
	@Transactional
	public void refund(String number, Money amount, String reason) {
		refund(number, new RefundRequest(null, amount, reason, Map.of()));
	}

	/**
	 * Refunds an amount with a reason and no stock back, once per form: {@code requestKey} is drawn when the form
	 * is shown, so the same form sent twice (or at once) is one refund, and it is Stripe's idempotency key.
	 * @return the amount refunded, or empty when this form's refund was recorded before
	 * @throws RefundRefused when the key is not one the shop draws, the order is not paid or the amount is not
	 * between 0 and what is left
	 */
	@Transactional
	public Optional<Money> refund(String number, Money amount, String reason, String requestKey) {
		if (requestKey == null || !RefundForm.REQUEST_KEY.matcher(requestKey).matches()) {
			throw new RefundRefused("orders.refund.refused.form");
		}
		return refund(number, new RefundRequest(requestKey, amount, reason, Map.of()));
	}

	/**
	 * Refunds part or all of a paid order and puts the units staff chose back on the shelf, in one transaction:
	 * the stock goes back if and only if the refund is recorded. The order stays locked while Stripe is asked, so
	 * requests for one order queue up; a request whose form was handled before changes nothing, and its key is
	 * Stripe's idempotency key, so a retry after a lost answer gets the same Stripe refund back.
	 * @return the amount refunded, or empty when this form's refund was recorded before
	 * @throws RefundRefused when the order is not paid, a line or a count of units is wrong, or the amount is not
	 * between 0 and what is left
	 */
	@Transactional
	Optional<Money> refund(String number, RefundRequest request) {
		return refund(number, request, false);
	}

	/**
	 * As {@link #refund(String, RefundRequest)}; a refund above the currency's four-eyes threshold is made only
	 * once a second person approved it ({@link RefundApprovals}), and refused otherwise.
	 */
	@Transactional
	Optional<Money> refund(String number, RefundRequest request, boolean approved) {
		Order order = this.orders.lock(number).orElseThrow(() -> new RefundRefused("orders.refund.refused.unknown"));
		if (request.requestKey() != null && this.orders.refundRequested(order.id(), request.requestKey())) {
			return Optional.empty();
		}
		if (!order.status().paid() || order.paymentIntentId() == null) {
			throw new RefundRefused("orders.refund.refused.notPaid");
		}
		Money value = request.valueIn(order);
		if (request.amount() == null && value.isZero()) {
			throw new RefundRefused("orders.refund.refused.nothing");
		}
		// without a typed amount, the units' value, as far as what is left to refund allows
		Money amount = (request.amount() != null) ? request.amount()
				: (value.compareTo(order.refundable()) > 0) ? order.refundable() : value;
		if (!amount.currency().equals(order.total().currency()) || amount.minorUnits() <= 0
				|| amount.compareTo(order.refundable()) > 0) {
			throw new RefundRefused("orders.refund.refused.amount", order.refundable());
		}
		if (!approved && this.thresholds.needsApproval(amount)) {
			throw new RefundRefused("orders.refund.refused.approval", this.thresholds.of(amount.currency()));
		}
		String key = (request.requestKey() != null) ? "refund-" + number + "-" + request.requestKey()
				: "refund-" + number + "-" + order.refunded().minorUnits() + "-" + amount.minorUnits();
		String refundId = this.refunds.refund(order.paymentIntentId(), amount, number, key);
		// the chosen units first, so that a refund of everything left puts back only the units still out
		order.lines().forEach(l -> putBack(order, l, request.restock().getOrDefault(l.id(), 0)));
		record(order, refundId, request.requestKey(), amount.minorUnits(), request.reason(), "SHOP");
		Order after = this.orders.find(order.id()).orElseThrow();
		if (after.status() == OrderStatus.PAID && after.nothingLeftToShip()) {
			this.orders.changeStatus(after, OrderStatus.FULFILLED, this.clock.instant(), "nothing left to ship");
		}
		String restocked = request.describe(order);
		this.audit.record("order.refund", "Order", number, amount + " " + ((request.reason() != null) ? request.reason() : "")
				+ (restocked.isEmpty() ? "" : "; put back " + restocked));
		return Optional.of(amount);
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
		if (order.refundable().minorUnits() > 0 && this.thresholds.needsApproval(order.refundable())) {
			// a cancellation refunds everything left: above the threshold, a second person approves it as a refund
			throw new RefundRefused("orders.cancel.refused.approval");
		}
		if (order.refundable().minorUnits() > 0) {
			String refundId = this.refunds.refund(order.paymentIntentId(), order.refundable(), number,
					"cancel-" + number);
			this.orders.addRefund(order.id(), refundId, order.refundable().minorUnits(), reason, "SHOP", actor(),
					this.clock.instant());
			this.events.publishEvent(new OrderRefunded(number, order.refundable().minorUnits(),
					order.total().currency().getCurrencyCode(), this.orders.facts(number).orElseThrow()));
		}
		putBackAll(order);
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
			event.refunds().forEach(r -> record(order, r.id(), null, r.amount(), null, "STRIPE"));
		}
		else {
			long missing = event.amountRefunded() - order.refunded().minorUnits();
			if (missing > 0) {
				record(order, null, null, missing, null, "STRIPE");
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

	/**
	 * Records one refund (once per Stripe id) and moves a fully refunded order to REFUNDED, putting back every
	 * unit still out when none has shipped. A refund found in Stripe cannot say which units it is for, so a
	 * partial one puts none back.
	 */
	private void record(Order order, String refundId, String requestKey, long amount, String reason, String source) {
		Instant now = this.clock.instant();
		if (refundId != null && this.orders.refundRecorded(refundId)) {
			// known already: its webhook after the form, or the form after its webhook
			if (requestKey != null) {
				this.orders.claimRefundRequest(refundId, requestKey);
			}
			return;
		}
		long room = order.total().minorUnits() - currentRefunded(order);
		if (amount > room) {
			log.error("Refund {} of {} on order {} exceeds what is left ({})", refundId, amount, order.number(), room);
			amount = room;
		}
		if (amount <= 0) {
			return;
		}
		if (!this.orders.addRefund(order.id(), refundId, requestKey, amount, reason, source, actor(), now)) {
			if (requestKey != null) {
				this.orders.claimRefundRequest(refundId, requestKey);
			}
			return;
		}
		this.events.publishEvent(new OrderRefunded(order.number(), amount, order.total().currency().getCurrencyCode(),
				this.orders.facts(order.number()).orElseThrow()));
		Order after = this.orders.find(order.id()).orElseThrow();
		if (after.refundable().isZero() && after.status().paid()) {
			if (!after.anyShipped()) {
				putBackAll(after);
			}
			this.orders.changeStatus(after, OrderStatus.REFUNDED, now, (source.equals("STRIPE")) ? "refunded in Stripe" : reason);
		}
	}

	private long currentRefunded(Order order) {
		return this.orders.find(order.id()).orElseThrow().refunded().minorUnits();
	}

	private void putBackAll(Order order) {
		order.lines().forEach(l -> putBack(order, l, l.restockable()));
	}

	/** Puts units of a line back on sale, counting them on the line so that no unit goes back twice. */
	private void putBack(Order order, Order.Line line, int units) {
		if (units <= 0) {
			return;
		}
		if (!this.orders.restock(order.id(), line.id(), units)) {
			throw new IllegalStateException("Line " + line.id() + " of order " + order.number() + " has fewer than "
					+ units + " units out");
		}
		this.reservations.restock(line.variantId(), order.regionCode(), units);
	}

	private static String actor() {
		return CurrentUser.current().map(CurrentUser::email).orElse(AuditLog.SYSTEM);
	}

}

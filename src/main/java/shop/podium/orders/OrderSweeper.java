package shop.podium.orders;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import shop.podium.catalog.StockReservations;
import shop.podium.core.cluster.ClusterLocks;
import shop.podium.payments.CheckoutSession;
import shop.podium.payments.CheckoutSessions;
import shop.podium.payments.PaymentServiceUnavailable;

/**
 * Settles orders whose payment news never came. On start-up every order still waiting on Stripe is checked
 * against its session (a payment made while the shop was down is found and the order paid); every minute,
 * orders whose checkout time is over are asked about again: paid ones become paid, open sessions are expired
 * at Stripe, and the stock of the unpaid ones goes back on the shelf.
 */
@Component
class OrderSweeper {

	private static final Logger log = LoggerFactory.getLogger(OrderSweeper.class);

	/** Time for Stripe's own expiry event to arrive before the shop asks. */
	private static final Duration GRACE = Duration.ofMinutes(2);

	private final OrderStore orders;

	private final OrderPayments payments;

	private final CheckoutSessions sessions;

	private final StockReservations reservations;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final ClusterLocks locks;

	OrderSweeper(OrderStore orders, OrderPayments payments, CheckoutSessions sessions,
			StockReservations reservations, TransactionTemplate transactions, ObjectProvider<Clock> clock,
			ClusterLocks locks) {
		this.locks = locks;
		this.orders = orders;
		this.payments = payments;
		this.sessions = sessions;
		this.reservations = reservations;
		this.transactions = transactions;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@EventListener(ApplicationReadyEvent.class)
	void reconcileOnStart() {
		// once across the instances: an instance starting while another reconciles leaves it to that one
		Thread.ofVirtual().name("order-reconciliation").start(() -> this.locks.runOnce("orders-reconcile-on-start",
				Duration.ofMinutes(30), Duration.ZERO, this::reconcileOpenSessions));
	}

	/** Asks Stripe about every order that still waits for a payment. @return how many were asked about */
	int reconcileOpenSessions() {
		int checked = 0;
		for (String number : this.orders.withOpenSessions()) {
			try {
				this.payments.confirm(number);
				checked++;
			}
			catch (PaymentServiceUnavailable ex) {
				log.warn("Cannot reconcile orders with Stripe now; the sweep tries again: {}", ex.getMessage());
				break;
			}
			catch (RuntimeException ex) {
				log.error("Cannot reconcile order {} with Stripe", number, ex);
			}
		}
		if (checked > 0) {
			log.info("Reconciled {} orders awaiting payment with Stripe", checked);
		}
		return checked;
	}

	/** Once per interval across the instances; a sweep asks Stripe about each order, so it may take minutes. */
	@Scheduled(fixedDelayString = "${podium.orders.sweep-interval:60s}", initialDelayString = "30s")
	@SchedulerLock(name = "orders-sweep", lockAtLeastFor = "${podium.orders.sweep-interval:60s}",
			lockAtMostFor = "PT15M")
	void sweep() {
		sweep(this.clock.instant());
	}

	int sweep(Instant now) {
		int settled = 0;
		for (String number : this.orders.awaitingPaymentSince(now.minus(Duration.ofHours(1)), now.minus(GRACE))) {
			try {
				settle(number);
				settled++;
			}
			catch (PaymentServiceUnavailable ex) {
				log.warn("Stripe unavailable, the sweep tries again later: {}", ex.getMessage());
				break;
			}
		}
		return settled;
	}

	private void settle(String number) {
		Order order = this.orders.find(number).orElseThrow();
		if (order.stripeSessionId() == null) {
			// Stripe never gave it a session: nobody can have paid, so the stock goes back
			this.transactions.executeWithoutResult(s -> this.orders.lock(number).ifPresent(locked -> {
				OrderStateMachine.next(locked.status(), PaymentFact.EXPIRED).ifPresent(next -> {
					this.reservations.release(number);
					this.orders.changeStatus(locked, next, this.clock.instant(), "checkout never reached Stripe");
				});
			}));
			return;
		}
		CheckoutSession session = this.sessions.retrieve(order.stripeSessionId());
		if (session.open()) {
			session = this.sessions.expire(session.id());
		}
		this.payments.apply(session, PaymentFact.of(session), "sweep");
	}

}

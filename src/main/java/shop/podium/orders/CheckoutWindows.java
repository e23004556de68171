package shop.podium.orders;

import java.time.Clock;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import shop.podium.catalog.StockReservations;

/**
 * Closes an order's checkout before Stripe's own expiry (which cannot be under 30 minutes): a drop gives an
 * admitted fan a shorter window. The session is expired at Stripe and what Stripe then says is applied, so an order
 * paid at the last moment is paid, and an unpaid one expires and gives its stock back.
 */
@Component
public class CheckoutWindows {

	private final OrderStore orders;

	private final OrderAbandonment abandonment;

	private final StockReservations reservations;

	private final TransactionTemplate transactions;

	private final Clock clock;

	CheckoutWindows(OrderStore orders, OrderAbandonment abandonment, StockReservations reservations,
			TransactionTemplate transactions, ObjectProvider<Clock> clock) {
		this.orders = orders;
		this.abandonment = abandonment;
		this.reservations = reservations;
		this.transactions = transactions;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/**
	 * @return the order's status once closed, empty for an unknown order
	 * @throws shop.podium.payments.PaymentServiceUnavailable when Stripe cannot be reached: try again later
	 */
	public Optional<OrderStatus> close(String number) {
		Order order = this.orders.find(number).orElse(null);
		if (order == null) {
			return Optional.empty();
		}
		if (order.status().awaitingPayment() && order.stripeSessionId() == null) {
			// never reached Stripe: nobody can have paid
			this.transactions.executeWithoutResult(s -> this.orders.lock(number).ifPresent(locked -> OrderStateMachine
				.next(locked.status(), PaymentFact.EXPIRED)
				.ifPresent(next -> {
					this.reservations.release(number);
					this.orders.changeStatus(locked, next, this.clock.instant(), "checkout window over");
				})));
		}
		else if (order.status().awaitingPayment()) {
			this.abandonment.abandon(number);
		}
		return this.orders.find(number).map(Order::status);
	}

}

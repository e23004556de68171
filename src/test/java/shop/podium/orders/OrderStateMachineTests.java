package shop.podium.orders;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.podium.orders.OrderStateMachine.next;

/**
 * The order's payment life tolerates Stripe's events in any order and any number of times.
 */
class OrderStateMachineTests {

	@Test
	void aPaidSessionPaysAnOrderAwaitingPayment() {
		assertThat(next(OrderStatus.PENDING_PAYMENT, PaymentFact.PAID)).contains(OrderStatus.PAID);
		assertThat(next(OrderStatus.PAYMENT_PROCESSING, PaymentFact.PAID)).contains(OrderStatus.PAID);
	}

	@Test
	void aPaymentIsNeverLostEvenAfterTheOrderWasGivenUp() {
		assertThat(next(OrderStatus.EXPIRED, PaymentFact.PAID)).contains(OrderStatus.PAID);
		assertThat(next(OrderStatus.PAYMENT_FAILED, PaymentFact.PAID)).contains(OrderStatus.PAID);
	}

	@Test
	void repeatedOrLateNewsChangesNothing() {
		for (OrderStatus settled : new OrderStatus[] { OrderStatus.PAID, OrderStatus.FULFILLED, OrderStatus.CANCELLED,
				OrderStatus.REFUNDED }) {
			for (PaymentFact fact : PaymentFact.values()) {
				assertThat(next(settled, fact)).as(settled + " + " + fact).isEmpty();
			}
		}
	}

	@Test
	void anExpiryAfterACompletedAsynchronousPaymentIsIgnored() {
		assertThat(next(OrderStatus.PAYMENT_PROCESSING, PaymentFact.EXPIRED)).isEmpty();
		assertThat(next(OrderStatus.PAYMENT_PROCESSING, PaymentFact.PROCESSING)).isEmpty();
	}

	@Test
	void unpaidCheckoutsExpireOrFail() {
		assertThat(next(OrderStatus.PENDING_PAYMENT, PaymentFact.EXPIRED)).contains(OrderStatus.EXPIRED);
		assertThat(next(OrderStatus.PENDING_PAYMENT, PaymentFact.PROCESSING)).contains(OrderStatus.PAYMENT_PROCESSING);
		assertThat(next(OrderStatus.PAYMENT_PROCESSING, PaymentFact.FAILED)).contains(OrderStatus.PAYMENT_FAILED);
		assertThat(next(OrderStatus.PENDING_PAYMENT, PaymentFact.OPEN)).isEmpty();
	}

}

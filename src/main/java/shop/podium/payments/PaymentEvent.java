package shop.podium.payments;

/**
 * What Stripe told the shop about a payment, published (synchronously, inside the transaction that records
 * the Stripe event as handled) for the orders module to apply. If applying fails, the transaction rolls back,
 * the webhook answers 500 and Stripe delivers the event again.
 */
public sealed interface PaymentEvent {

	String eventId();

	/** {@code checkout.session.*}: the session's state after the event. */
	record SessionEvent(String eventId, Kind kind, CheckoutSession session) implements PaymentEvent {

		public enum Kind {
			COMPLETED, ASYNC_PAYMENT_SUCCEEDED, ASYNC_PAYMENT_FAILED, EXPIRED
		}

	}

	/**
	 * {@code charge.refunded}: the charge's refunded total so far, however the refunds were made.
	 * @param refunds the charge's refunds as Stripe listed them with it (empty when it did not)
	 */
	record ChargeRefunded(String eventId, String paymentIntentId, String chargeId, long amountRefunded,
			String currency, java.util.List<RefundLine> refunds) implements PaymentEvent {
	}

	/** One refund of a charge, in minor units. */
	record RefundLine(String id, long amount) {
	}

	/** {@code charge.dispute.created}. */
	record DisputeOpened(String eventId, String paymentIntentId, String chargeId, long amount, String currency,
			String reason) implements PaymentEvent {
	}

}

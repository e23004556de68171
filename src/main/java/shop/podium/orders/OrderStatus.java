package shop.podium.orders;

/**
 * Where an order is in its life. Stock is held from {@link #PENDING_PAYMENT} on, kept for good once
 * {@link #PAID}, and given back when the payment never comes ({@link #EXPIRED}, {@link #PAYMENT_FAILED}).
 */
public enum OrderStatus {

	/** Created with its stock reserved; the fan is (or was) on Stripe's payment page. */
	PENDING_PAYMENT,
	/** Paid with a method that settles later (bank debit): stock still held. */
	PAYMENT_PROCESSING,
	/** Stripe says the money is there. */
	PAID,
	/** Every line shipped. */
	FULFILLED,
	/** The checkout was abandoned or timed out: nothing paid, stock released. */
	EXPIRED,
	/** The asynchronous payment failed: stock released. */
	PAYMENT_FAILED,
	/** Cancelled by an admin before shipment: refunded, stock returned. */
	CANCELLED,
	/** Refunded in full. */
	REFUNDED;

	public boolean awaitingPayment() {
		return this == PENDING_PAYMENT || this == PAYMENT_PROCESSING;
	}

	/** Whether money was taken (and not yet all given back). */
	public boolean paid() {
		return this == PAID || this == FULFILLED;
	}

}

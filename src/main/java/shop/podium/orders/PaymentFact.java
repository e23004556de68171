package shop.podium.orders;

import shop.podium.payments.CheckoutSession;

/**
 * What the shop has learnt about an order's payment, from a webhook or from asking Stripe. Facts are
 * absolute ("the session is paid"), not deltas, so learning the same fact twice or in any order is harmless.
 */
enum PaymentFact {

	PAID, PROCESSING, FAILED, EXPIRED, OPEN;

	/** The fact a session's state states. */
	static PaymentFact of(CheckoutSession session) {
		if (session.paid()) {
			return PAID;
		}
		if (session.complete()) {
			return PROCESSING;
		}
		return session.expired() ? EXPIRED : OPEN;
	}

}

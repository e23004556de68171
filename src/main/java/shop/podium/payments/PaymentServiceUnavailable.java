package shop.podium.payments;

/**
 * Stripe could not be reached or did not answer in time. Nothing is known to have happened there: the caller
 * may try again with the same request, whose idempotency key makes the retry safe.
 */
public class PaymentServiceUnavailable extends RuntimeException {

	PaymentServiceUnavailable(String message, Throwable cause) {
		super(message, cause);
	}

}

package shop.podium.payments;

/**
 * Stripe answered but refused the request (invalid parameters, a refund above what is left, an unknown id).
 * Retrying the same request will not help.
 */
public class PaymentRejected extends RuntimeException {

	private final String code;

	PaymentRejected(String message, String code, Throwable cause) {
		super(message, cause);
		this.code = code;
	}

	/** Stripe's error code when it gave one, e.g. {@code charge_already_refunded}. */
	public String code() {
		return this.code;
	}

}

package shop.podium.orders;

/** Checkout cannot go on, for a reason the fan can act on (message key and arguments). */
class CheckoutRefused extends RuntimeException {

	final String messageKey;

	final Object[] arguments;

	CheckoutRefused(String messageKey, Object... arguments) {
		super(messageKey);
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

}

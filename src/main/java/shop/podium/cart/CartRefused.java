package shop.podium.cart;

/**
 * A cart change the shop will not make, with the message (key and arguments) that tells the fan why.
 */
public class CartRefused extends RuntimeException {

	private final String messageKey;

	private final Object[] arguments;

	public CartRefused(String messageKey, Object... arguments) {
		super(messageKey);
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	public String messageKey() {
		return this.messageKey;
	}

	public Object[] arguments() {
		return this.arguments.clone();
	}

}

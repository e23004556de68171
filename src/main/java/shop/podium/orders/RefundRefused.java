package shop.podium.orders;

/** A refund or cancellation the shop will not make, with the message that says why. */
public class RefundRefused extends RuntimeException {

	private final String messageKey;

	private final Object[] arguments;

	RefundRefused(String messageKey, Object... arguments) {
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

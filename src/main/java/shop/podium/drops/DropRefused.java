package shop.podium.drops;

/**
 * Something a licensee, an admin or a fan asked of a drop that the shop will not do, with the message (key and
 * arguments, in the drops bundle) that tells them why. Nothing is saved when it is thrown.
 */
public class DropRefused extends RuntimeException {

	private final String messageKey;

	private final Object[] arguments;

	public DropRefused(String messageKey, Object... arguments) {
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

package shop.podium.catalog;

/**
 * Something the licensee asked for that the rules refuse, with the message key (and its arguments) that tells
 * them which rule. Thrown before anything is written, so nothing is half-applied.
 *
 * @param field the form field at fault, or {@code null} for the whole form
 */
class ListingProblem extends RuntimeException {

	private final String field;

	private final String messageKey;

	private final Object[] arguments;

	ListingProblem(String field, String messageKey, Object... arguments) {
		super(messageKey);
		this.field = field;
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	String field() {
		return this.field;
	}

	String messageKey() {
		return this.messageKey;
	}

	Object[] arguments() {
		return this.arguments.clone();
	}

}

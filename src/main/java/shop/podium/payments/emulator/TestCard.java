package shop.podium.payments.emulator;

import java.util.Arrays;
import java.util.Optional;

/**
 * The cards the emulator's checkout page accepts, as in Stripe's test mode. Any future expiry date and any
 * CVC will do.
 */
enum TestCard {

	/** Succeeds at once. */
	SUCCEEDS("4242424242424242"),

	/** Declined: the page says so and the session stays open for another card. */
	DECLINED("4000000000000002"),

	/**
	 * Accepted, settles a few seconds later: {@code checkout.session.completed} with {@code payment_status=unpaid},
	 * then {@code checkout.session.async_payment_succeeded} (the emulator's own convention).
	 */
	SETTLES_LATER("4000000000000077"),

	/** Accepted, then fails a few seconds later: {@code checkout.session.async_payment_failed}. */
	FAILS_LATER("4000000000000085"),

	/** Succeeds, then the cardholder disputes it ({@code charge.dispute.created}), as Stripe's 0259 card. */
	DISPUTED("4000000000000259");

	final String number;

	TestCard(String number) {
		this.number = number;
	}

	String last4() {
		return this.number.substring(this.number.length() - 4);
	}

	/** The card a person typed, spaces and dashes ignored. */
	static Optional<TestCard> of(String typed) {
		String digits = (typed != null) ? typed.replaceAll("[\\s-]", "") : "";
		return Arrays.stream(values()).filter(card -> card.number.equals(digits)).findFirst();
	}

}

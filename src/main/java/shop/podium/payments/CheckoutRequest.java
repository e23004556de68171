package shop.podium.payments;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import shop.podium.core.Money;

/**
 * What to ask Stripe to collect for one order. The shop computes every amount (tax and shipping included)
 * and Stripe only collects: the items' sum is the order total.
 *
 * @param orderNumber goes into the session's metadata and client reference, and makes the idempotency key
 * @param attempt a new attempt (after an abandoned session) needs a new idempotency key
 */
public record CheckoutRequest(String orderNumber, int attempt, String customerEmail, List<Item> items,
		String successUrl, String cancelUrl, Instant expiresAt, Locale locale) {

	public CheckoutRequest {
		items = List.copyOf(items);
		if (items.isEmpty()) {
			throw new IllegalArgumentException("A checkout needs at least one item");
		}
	}

	public Money total() {
		return this.items.stream().map(Item::total).reduce(Money::plus).orElseThrow();
	}

	/** One line on Stripe's page, priced with {@code price_data}. */
	public record Item(String name, String description, Money unitPrice, int quantity) {

		public Money total() {
			return this.unitPrice.times(this.quantity);
		}

	}

}

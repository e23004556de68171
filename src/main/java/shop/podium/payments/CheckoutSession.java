package shop.podium.payments;

import java.time.Instant;

/**
 * A Checkout Session as Stripe reports it.
 *
 * @param status {@code open}, {@code complete} or {@code expired}
 * @param paymentStatus {@code paid}, {@code unpaid} (an asynchronous payment still processing, or none yet)
 * @param orderNumber the order it was created for (from its metadata), {@code null} for a session the shop did
 * not create
 */
public record CheckoutSession(String id, String url, String status, String paymentStatus, String paymentIntentId,
		String orderNumber, Long amountTotal, String currency, Instant expiresAt) {

	public boolean paid() {
		return "paid".equals(this.paymentStatus) || "no_payment_required".equals(this.paymentStatus);
	}

	public boolean complete() {
		return "complete".equals(this.status);
	}

	public boolean expired() {
		return "expired".equals(this.status);
	}

	public boolean open() {
		return "open".equals(this.status);
	}

}

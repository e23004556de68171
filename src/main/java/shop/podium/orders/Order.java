package shop.podium.orders;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import shop.podium.core.Money;

/**
 * An order as its pages and mails show it.
 */
public record Order(long id, String number, String regionCode, Locale locale, Long userId, String email,
		Address address, String shippingCode, Money subtotal, Money shipping, Money tax, boolean taxInclusive,
		String taxLabel, Money total, Money refunded, OrderStatus status, String stripeSessionId,
		String stripeSessionUrl, String paymentIntentId, Instant sessionExpiresAt, boolean disputed,
		Instant createdAt, Instant paidAt, List<Line> lines, List<StatusChange> history, List<Refund> refunds) {

	public record Address(String name, String line1, String line2, String city, String postcode, String country) {
	}

	public record Line(long id, int position, long variantId, String sku, String productSlug, String productName,
			String variantLabel, long licenseeId, String licenseeName, Money unitPrice, int quantity, Money tax,
			String carrier, String trackingNumber, Instant shippedAt) {

		public Money total() {
			return this.unitPrice.times(this.quantity);
		}

		public boolean shipped() {
			return this.shippedAt != null;
		}

	}

	public record StatusChange(OrderStatus status, Instant at, String note) {
	}

	public record Refund(Money amount, String reason, String source, Instant at) {
	}

	public Money refundable() {
		return this.total.minus(this.refunded);
	}

	public boolean anyShipped() {
		return this.lines.stream().anyMatch(Line::shipped);
	}

	public boolean partiallyRefunded() {
		return !this.refunded.isZero() && this.refunded.compareTo(this.total) < 0;
	}

}

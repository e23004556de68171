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
			String carrier, String trackingNumber, Instant shippedAt, int restocked) {

		public Money total() {
			return this.unitPrice.times(this.quantity);
		}

		public boolean shipped() {
			return this.shippedAt != null;
		}

		/** Units bought and not put back on the shelf yet: at most what a refund can still restock. */
		public int restockable() {
			return this.quantity - this.restocked;
		}

		/** Whether a licensee still has something of this line to send: units not shipped nor put back. */
		public boolean awaitsShipment() {
			return !shipped() && restockable() > 0;
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

	/** Whether every line has shipped or had all its units put back, with at least one shipped. */
	public boolean nothingLeftToShip() {
		return anyShipped() && this.lines.stream().noneMatch(Line::awaitsShipment);
	}

	/**
	 * What a number of a line's units cost the fan: their price, plus in a region that adds tax their share of
	 * the line's tax. The share is counted after the units already put back, so a line put back unit by unit
	 * adds up to exactly its tax.
	 */
	public Money valueOf(Line line, int units) {
		Money price = line.unitPrice().times(units);
		if (this.taxInclusive || units == 0) {
			return price;
		}
		long tax = line.tax().minorUnits();
		long share = taxShare(tax, line.restocked() + units, line.quantity()) - taxShare(tax, line.restocked(), line.quantity());
		return price.plus(new Money(share, price.currency()));
	}

	private static long taxShare(long tax, int units, int quantity) {
		return Math.multiplyExact(tax, units) / quantity;
	}

	public boolean partiallyRefunded() {
		return !this.refunded.isZero() && this.refunded.compareTo(this.total) < 0;
	}

}

package shop.podium.orders;

import java.time.Instant;
import java.util.List;

import shop.podium.core.Money;

/**
 * What other modules may know of an order, as it stands after a change: enough for finance to keep its own
 * ledger of sales and refunds without reading the orders tables. {@code version} grows with every change of
 * the order, so a listener keeps the newest facts and ignores a replayed or late older one.
 *
 * @param orderId the order's id in the orders module (stable; discrepancy subjects and reports refer to it)
 * @param total what the fan was charged, shipping and tax included
 * @param tax the order's tax, included in the prices when {@code taxInclusive}
 * @param paidAt when the order became paid, {@code null} until it is
 */
public record OrderFacts(long orderId, String number, long version, String regionCode, String currency,
		OrderStatus status, Money total, Money tax, boolean taxInclusive, Instant createdAt, Instant paidAt,
		String checkoutSessionId, String paymentIntentId, List<LineFacts> lines, List<RefundFacts> refunds) {

	public OrderFacts {
		lines = List.copyOf(lines);
		refunds = List.copyOf(refunds);
	}

	/**
	 * One line: what was sold, by whom, of which category and edition (as the catalog classed the product when
	 * the facts were taken; {@code null} for a product no longer in the catalog).
	 * @param unitPrice the unit price, tax included where the region includes it
	 * @param tax the line's tax
	 */
	public record LineFacts(int position, long licenseeId, String licenseeName, String productSlug,
			String categorySlug, String editionSlug, Money unitPrice, int quantity, Money tax) {
	}

	/** A refund given back to the fan; {@code stripeRefundId} is null for a refund Stripe never had. */
	public record RefundFacts(long refundId, String stripeRefundId, Money amount, String reason, Instant createdAt) {
	}

}

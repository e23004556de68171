package shop.podium.orders;

/**
 * Money went back to a fan for an order (from the shop or found in Stripe).
 * @param amountMinor the amount of this refund in the order's currency's minor units
 * @param order the order's facts after the refund (its refunds included), for listeners that reverse a share of
 * the sale without reading the orders tables
 */
public record OrderRefunded(String orderNumber, long amountMinor, String currency, OrderFacts order) {
}

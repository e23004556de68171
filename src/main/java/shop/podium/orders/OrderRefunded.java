package shop.podium.orders;

/**
 * Money went back to a fan for an order (from the shop or found in Stripe).
 * @param amountMinor the amount of this refund in the order's currency's minor units
 */
public record OrderRefunded(String orderNumber, long amountMinor, String currency) {
}

package shop.podium.orders;

/**
 * An order was placed or changed (its checkout session or payment recorded, its status moved, a refund
 * recorded), with the facts as they stand afterwards. Published in the transaction that made the change,
 * through the event publication registry, so a listener that fails is retried rather than missing a sale.
 */
public record OrderChanged(OrderFacts order) {
}

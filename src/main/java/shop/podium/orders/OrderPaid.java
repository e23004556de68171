package shop.podium.orders;

/**
 * An order was paid: its stock is committed. Published through the event publication registry, so the
 * confirmation email (and anyone else listening) is retried until done.
 *
 * @param order the order's facts once paid: its lines with their licensees, categories and editions, amounts,
 * tax and currency, for listeners that settle or account for the sale without reading the orders tables
 */
public record OrderPaid(String orderNumber, OrderFacts order) {
}

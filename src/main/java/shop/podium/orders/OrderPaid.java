package shop.podium.orders;

/**
 * An order was paid: its stock is committed. Published through the event publication registry, so the
 * confirmation email (and anyone else listening) is retried until done.
 */
public record OrderPaid(String orderNumber) {
}

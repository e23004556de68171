/**
 * Checkout and orders: an order is priced from the catalog, its stock reserved and a Stripe Checkout Session
 * opened before the fan is sent to pay; Stripe's events (through {@code payments}) move it along its life —
 * paid, fulfilled by each licensee for their lines, cancelled, refunded — with its status history, the
 * confirmation page and email, the fan's order history, and the licensee's and admin's order screens.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Orders")
package shop.podium.orders;

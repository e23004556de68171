/**
 * Payments through Stripe: Checkout Sessions for orders, refunds, and the webhook endpoint that turns
 * Stripe's signed events into the shop's payment events, each applied exactly once. Without a configured
 * Stripe secret key, everything talks to the local Stripe emulator ({@code payments.emulator}) instead.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Payments")
package shop.podium.payments;

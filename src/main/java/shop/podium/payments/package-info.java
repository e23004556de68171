/**
 * Payments through Stripe: Checkout Sessions for orders, refunds, and the webhook endpoint that turns
 * Stripe's signed events into the shop's payment events, each applied exactly once. In development and tests
 * ({@code podium.stripe.emulator.enabled=true}), everything talks to the local Stripe emulator
 * ({@code payments.emulator}) instead; a shop with neither keys nor that setting refuses to start.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Payments")
package shop.podium.payments;

/**
 * The local Stripe emulator: the slice of Stripe's API the shop uses (Checkout Sessions, PaymentIntents,
 * charges, refunds, disputes won or lost, balance transactions with Stripe-like fees and currency conversion into
 * the account's settlement currency, payouts paid at once or pending), a hosted checkout page
 * where a person types a test card, and signed webhook delivery with retries. It is a Connect platform too:
 * Express connected accounts onboarded on a hosted page through account links ({@code account.updated}),
 * transfers and their reversals, each connected account's own balance, balance transactions and payouts, and
 * calls made as a connected account with the {@code Stripe-Account} header. Its objects have every field Stripe
 * sends for the API version stripe-java is pinned to, and no other ({@code StripeContractTests} checks them
 * against Stripe's published types); what it must remember beside them is kept apart. It is the payment provider in
 * development only, when {@code podium.stripe.emulator.enabled=true} and no Stripe key is configured, and what the
 * tests pay with; its dashboard is for admins. Its state lives in tables of its own, so
 * payments and undelivered webhooks survive a restart as they would at Stripe.
 */
package shop.podium.payments.emulator;

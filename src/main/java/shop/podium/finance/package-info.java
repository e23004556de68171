/**
 * Finance: reconciliation of orders against Stripe balance transactions and payouts, the discrepancy queue,
 * refunds, royalty statements per licensee and period, and their exports.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Finance")
package shop.podium.finance;

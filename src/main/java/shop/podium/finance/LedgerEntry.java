package shop.podium.finance;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One balance transaction as finance keeps it: Stripe's figures untouched (settlement currency, minor units)
 * plus what matching needs from its source object (presentment amount and currency, PaymentIntent, charge,
 * the order number in its metadata).
 */
record LedgerEntry(String id, Instant created, String type, String reportingCategory, long amount, long fee,
		long net, String currency, BigDecimal exchangeRate, String description, String sourceId, Long sourceAmount,
		String sourceCurrency, String paymentIntentId, String chargeId, String metadataOrder) {

}

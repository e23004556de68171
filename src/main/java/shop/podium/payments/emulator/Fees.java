package shop.podium.payments.emulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * Stripe-like processing fees per currency: a percentage plus a fixed amount in minor units, rounded half up.
 * Not Stripe's price list, but the same shape, so fees, nets and payouts reconcile like real ones.
 */
final class Fees {

	record Rate(BigDecimal percent, long fixedMinor) {
	}

	private static final Rate DEFAULT = new Rate(new BigDecimal("2.9"), 30);

	private static final Map<String, Rate> RATES = Map.of("usd", new Rate(new BigDecimal("2.9"), 30), "eur",
			new Rate(new BigDecimal("2.5"), 25), "gbp", new Rate(new BigDecimal("2.5"), 20), "aud",
			new Rate(new BigDecimal("2.9"), 30), "jpy", new Rate(new BigDecimal("3.6"), 0), "krw",
			new Rate(new BigDecimal("3.4"), 0), "cny", new Rate(new BigDecimal("3.4"), 0));

	private static final Map<String, Long> DISPUTE_FEES = Map.of("jpy", 2000L, "krw", 20000L, "cny", 10000L);

	private Fees() {
	}

	static long charge(long amount, String currency) {
		Rate rate = RATES.getOrDefault(currency, DEFAULT);
		return BigDecimal.valueOf(amount)
			.multiply(rate.percent())
			.movePointLeft(2)
			.setScale(0, RoundingMode.HALF_UP)
			.longValueExact() + rate.fixedMinor();
	}

	static long dispute(String currency) {
		return DISPUTE_FEES.getOrDefault(currency, 1500L);
	}

}

package shop.podium.payments;

import java.util.Set;

import shop.podium.core.Money;

/**
 * Amounts as Stripe reads them: the currency's smallest unit, which for zero-decimal currencies (JPY, KRW …)
 * is the whole unit. {@link Money} already holds minor units by the ISO 4217 exponent; this checks that the
 * two agree for the currencies where Stripe's list is known to differ from ISO, instead of sending a wrong
 * amount.
 */
final class StripeAmounts {

	/** Stripe's zero-decimal currencies (stripe.com/docs/currencies#zero-decimal). */
	static final Set<String> ZERO_DECIMAL = Set.of("BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG",
			"RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF");

	private StripeAmounts() {
	}

	static long of(Money money) {
		String code = money.currency().getCurrencyCode();
		int isoDigits = money.currency().getDefaultFractionDigits();
		boolean stripeZero = ZERO_DECIMAL.contains(code);
		if (stripeZero != (isoDigits == 0) || isoDigits > 2) {
			throw new IllegalArgumentException("Stripe and ISO 4217 disagree on the minor unit of " + code);
		}
		return money.minorUnits();
	}

}

package shop.podium.payments.emulator;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the emulated account settles money, as a real Stripe account does: a charge in a currency the account has
 * a bank account for stays in that currency; any other is converted into the settlement (default) currency, and
 * its balance transaction carries the converted amount, fee and net with the {@code exchange_rate} applied.
 * Refunds and disputes of a converted charge are converted the same way. The rates are a fixed table (what one
 * unit of each currency was worth in euros on one day), not live rates, so the tests can compute the figures.
 *
 * @param currency the settlement (default) currency, lower case
 * @param bankAccounts the currencies the account can be paid out in, the settlement currency among them
 */
record Settlement(String currency, List<String> bankAccounts) {

	private static final Map<String, BigDecimal> EUROS_PER_UNIT = Map.of("eur", BigDecimal.ONE, "usd",
			new BigDecimal("0.92"), "gbp", new BigDecimal("1.17"), "jpy", new BigDecimal("0.0062"), "krw",
			new BigDecimal("0.00068"), "aud", new BigDecimal("0.61"), "cny", new BigDecimal("0.128"), "chf",
			new BigDecimal("1.06"), "cad", new BigDecimal("0.68"));

	/** An amount as the balance books it: in which currency, and the rate it was converted at ({@code null}: not). */
	record Settled(long amount, String currency, BigDecimal exchangeRate) {
	}

	Settlement {
		currency = currency.toLowerCase(Locale.ROOT);
		bankAccounts = bankAccounts.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
	}

	boolean settlesIn(String presentment) {
		return this.currency.equals(presentment) || this.bankAccounts.contains(presentment);
	}

	/** The rate Stripe applies from that currency into the settlement currency: major units times rate. */
	BigDecimal rate(String presentment) {
		BigDecimal from = EUROS_PER_UNIT.get(presentment);
		BigDecimal into = EUROS_PER_UNIT.get(this.currency);
		if (from == null || into == null) {
			throw EmulatorError.invalid("The emulator cannot convert " + presentment + " into " + this.currency);
		}
		return from.divide(into, new MathContext(8, RoundingMode.HALF_EVEN)).stripTrailingZeros();
	}

	/** An amount in minor units of the presentment currency, as the balance books it. */
	Settled settle(long amount, String presentment) {
		if (settlesIn(presentment)) {
			return new Settled(amount, presentment, null);
		}
		return convert(amount, presentment, rate(presentment));
	}

	/** Converts at a rate already applied, as Stripe does for the refunds and disputes of a converted charge. */
	Settled convert(long amount, String presentment, BigDecimal rate) {
		BigDecimal major = BigDecimal.valueOf(amount).movePointLeft(digits(presentment));
		long converted = major.multiply(rate)
			.movePointRight(digits(this.currency))
			.setScale(0, RoundingMode.HALF_UP)
			.longValueExact();
		return new Settled(converted, this.currency, rate);
	}

	private static int digits(String currency) {
		return Math.max(0, Currency.getInstance(currency.toUpperCase(Locale.ROOT)).getDefaultFractionDigits());
	}

}

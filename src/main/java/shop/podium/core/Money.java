package shop.podium.core;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * An amount in a currency, held in the currency's minor unit (cents, pence; whole yen and won), which is
 * also what Stripe speaks. Never a bare number.
 */
public record Money(long minorUnits, Currency currency) implements Comparable<Money> {

	public Money {
		Objects.requireNonNull(currency, "currency");
	}

	public static Money ofMinor(long minorUnits, String currencyCode) {
		return new Money(minorUnits, Currency.getInstance(currencyCode));
	}

	public static Money zero(Currency currency) {
		return new Money(0, currency);
	}

	/**
	 * Reads a decimal amount in major units ("12.50" EUR, "1200" JPY).
	 * @throws ArithmeticException when the amount has more decimals than the currency allows
	 */
	public static Money of(BigDecimal major, Currency currency) {
		return new Money(major.movePointRight(currency.getDefaultFractionDigits()).longValueExact(), currency);
	}

	public BigDecimal toMajor() {
		return BigDecimal.valueOf(this.minorUnits, this.currency.getDefaultFractionDigits());
	}

	public Money plus(Money other) {
		requireSameCurrency(other);
		return new Money(Math.addExact(this.minorUnits, other.minorUnits), this.currency);
	}

	public Money minus(Money other) {
		requireSameCurrency(other);
		return new Money(Math.subtractExact(this.minorUnits, other.minorUnits), this.currency);
	}

	public Money times(long quantity) {
		return new Money(Math.multiplyExact(this.minorUnits, quantity), this.currency);
	}

	public boolean isZero() {
		return this.minorUnits == 0;
	}

	/** The amount formatted for people: the currency's symbol and grouping as the locale writes them. */
	public String format(Locale locale) {
		NumberFormat format = NumberFormat.getCurrencyInstance(locale);
		format.setCurrency(this.currency);
		int digits = this.currency.getDefaultFractionDigits();
		format.setMinimumFractionDigits(digits);
		format.setMaximumFractionDigits(digits);
		return format.format(toMajor());
	}

	@Override
	public int compareTo(Money other) {
		requireSameCurrency(other);
		return Long.compare(this.minorUnits, other.minorUnits);
	}

	private void requireSameCurrency(Money other) {
		if (!this.currency.equals(other.currency)) {
			throw new IllegalArgumentException("Cannot combine " + this.currency + " with " + other.currency);
		}
	}

	@Override
	public String toString() {
		return toMajor().toPlainString() + " " + this.currency.getCurrencyCode();
	}

}

package shop.podium.regions;

import java.math.BigDecimal;
import java.math.RoundingMode;

import shop.podium.core.Money;

/**
 * How a region taxes a sale. Inclusive regions (VAT, GST) show prices with the tax in them; an exclusive
 * region (the US) shows prices before tax and adds it at checkout.
 *
 * @param label the tax's name as customers know it (VAT, GST, consumption tax), shown next to prices
 * @param localLabel its name in the region's default language (消費税, TVA), or null when {@code label} is that
 */
public record TaxRule(Mode mode, BigDecimal rate, String label, String localLabel) {

	public TaxRule(Mode mode, BigDecimal rate, String label) {
		this(mode, rate, label, null);
	}

	public enum Mode {
		INCLUSIVE, EXCLUSIVE
	}

	public boolean inclusive() {
		return this.mode == Mode.INCLUSIVE;
	}

	/** The tax contained in (inclusive) or to be added to (exclusive) a price, rounded to the minor unit. */
	public Money taxOn(Money price) {
		BigDecimal minor = BigDecimal.valueOf(price.minorUnits());
		BigDecimal tax = inclusive()
				? minor.multiply(this.rate).divide(BigDecimal.ONE.add(this.rate), 0, RoundingMode.HALF_UP)
				: minor.multiply(this.rate).setScale(0, RoundingMode.HALF_UP);
		return new Money(tax.longValueExact(), price.currency());
	}

	/** The rate as a percentage for display, e.g. 20 or 8.875. */
	public BigDecimal percent() {
		return this.rate.movePointRight(2).stripTrailingZeros();
	}

}

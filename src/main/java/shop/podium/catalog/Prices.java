package shop.podium.catalog;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

import shop.podium.core.Money;
import shop.podium.core.MoneyInput;

/**
 * Reads a price a licensee typed for a region, in major units as their language writes them ("58,00 €" in French,
 * "GBP 58" in English), through core's {@link MoneyInput}. A code other than the region's currency is refused, not
 * converted.
 */
final class Prices {

	/** The highest price a listing may carry, in major units: beyond it, a typing mistake is more likely. */
	static final BigDecimal MAX = new BigDecimal("10000000");


	private Prices() {
	}

	/**
	 * Reads a price as the licensee typed it, in their language ({@code 12,50} in French), or from a file that names
	 * no language when {@code locale} is {@code null} (see {@link MoneyInput#parseWithoutLocale}).
	 * @throws ListingProblem on field {@code price}, naming what is wrong and what to type
	 */
	static Money parse(String text, Currency currency, Locale locale) {
		Money price;
		try {
			price = (locale != null) ? MoneyInput.parse(text, currency, locale)
					: MoneyInput.parseWithoutLocale(text, currency);
		}
		catch (MoneyInput.AmountRefused refused) {
			throw new ListingProblem("price", refused.messageKey(), refused.arguments());
		}
		if (price.isZero()) {
			throw new ListingProblem("price", "portal.offer.price.positive");
		}
		if (price.toMajor().compareTo(MAX) > 0) {
			throw new ListingProblem("price", "portal.offer.price.tooHigh");
		}
		return price;
	}

	/** Reads a stock quantity: a whole number from 0 to 1,000,000. */
	static int stock(String text) {
		String value = (text != null) ? text.strip() : "";
		if (value.isEmpty()) {
			return 0;
		}
		if (!value.matches("-?[0-9]{1,9}")) {
			throw new ListingProblem("stock", "portal.offer.stock.invalid", text);
		}
		int quantity = Integer.parseInt(value);
		if (quantity < 0) {
			throw new ListingProblem("stock", "portal.offer.stock.negative", text);
		}
		if (quantity > 1_000_000) {
			throw new ListingProblem("stock", "portal.offer.stock.tooHigh", text);
		}
		return quantity;
	}

}

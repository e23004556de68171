package shop.podium.catalog;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import shop.podium.core.Money;

/**
 * Reads a price a licensee typed for a region: a decimal in major units, optionally with an ISO currency code
 * ("58.00", "58.00 GBP", "GBP 58"). A code other than the region's currency is refused, not converted.
 */
final class Prices {

	/** The highest price a listing may carry, in major units: beyond it, a typing mistake is more likely. */
	static final BigDecimal MAX = new BigDecimal("10000000");

	private static final Pattern PRICE = Pattern.compile("(?:([A-Za-z]{3})\\s*)?([0-9]+(?:[.][0-9]+)?)(?:\\s*([A-Za-z]{3}))?");

	private Prices() {
	}

	/**
	 * @throws ListingProblem on field {@code price}, naming what is wrong
	 */
	static Money parse(String text, Currency currency) {
		String value = (text != null) ? text.strip().replace(",", "") : "";
		if (value.isEmpty()) {
			throw new ListingProblem("price", "portal.offer.price.required");
		}
		if (value.startsWith("-")) {
			throw new ListingProblem("price", "portal.offer.price.positive");
		}
		Matcher m = PRICE.matcher(value);
		if (!m.matches()) {
			throw new ListingProblem("price", "portal.offer.price.invalid", text);
		}
		String code = (m.group(1) != null) ? m.group(1) : m.group(3);
		if (m.group(1) != null && m.group(3) != null) {
			throw new ListingProblem("price", "portal.offer.price.invalid", text);
		}
		if (code != null && !code.toUpperCase(Locale.ROOT).equals(currency.getCurrencyCode())) {
			throw new ListingProblem("price", "portal.offer.price.currency", code.toUpperCase(Locale.ROOT),
					currency.getCurrencyCode());
		}
		BigDecimal amount = new BigDecimal(m.group(2));
		if (amount.stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
			throw new ListingProblem("price", "portal.offer.price.decimals", currency.getCurrencyCode(),
					currency.getDefaultFractionDigits());
		}
		if (amount.signum() <= 0) {
			throw new ListingProblem("price", "portal.offer.price.positive");
		}
		if (amount.compareTo(MAX) > 0) {
			throw new ListingProblem("price", "portal.offer.price.tooHigh");
		}
		return Money.of(amount.setScale(currency.getDefaultFractionDigits()), currency);
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

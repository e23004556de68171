package shop.podium.orders;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import shop.podium.core.Money;

/**
 * The staff refund form as sent, kept as typed so that a refused form comes back filled in.
 *
 * @param request the key drawn when the form was shown
 * @param amount the amount typed, blank for the value of the units put back
 * @param units what was typed for each line, by field name ({@value #UNITS_PREFIX} and the line's id)
 */
record RefundForm(String request, String amount, String reason, Map<String, String> units) implements Serializable {

	static final String UNITS_PREFIX = "restock-";

	static final Pattern REQUEST_KEY = Pattern.compile("[A-Za-z0-9-]{8,64}");

	static RefundForm of(Map<String, String> params) {
		Map<String, String> units = new LinkedHashMap<>();
		params.forEach((name, value) -> {
			if (name.startsWith(UNITS_PREFIX)) {
				units.put(name, value.strip());
			}
		});
		return new RefundForm(params.getOrDefault("request", "").strip(), params.getOrDefault("amount", "").strip(),
				params.getOrDefault("reason", "").strip(), units);
	}

	/**
	 * What the form asks for, in the order's currency.
	 * @throws RefundRefused when a field cannot be read: the form was not shown by the shop, the amount or a count
	 * is not a number, the reason is too long
	 */
	RefundRequest toRequest(Currency currency) {
		if (!REQUEST_KEY.matcher(this.request).matches()) {
			throw new RefundRefused("orders.refund.refused.form");
		}
		if (this.reason.length() > 500) {
			throw new RefundRefused("orders.refund.refused.reason", 500);
		}
		Map<Long, Integer> restock = new LinkedHashMap<>();
		this.units.forEach((name, typed) -> restock.put(lineId(name), count(typed)));
		return new RefundRequest(this.request, money(currency), this.reason.isEmpty() ? null : this.reason, restock);
	}

	/** What was typed for a line, for the form shown again. */
	public String unitsOf(long lineId) {
		return this.units.getOrDefault(UNITS_PREFIX + lineId, "0");
	}

	private Money money(Currency currency) {
		if (this.amount.isEmpty()) {
			return null;
		}
		try {
			return Money.of(new BigDecimal(this.amount), currency);
		}
		catch (NumberFormatException | ArithmeticException ex) {
			throw new RefundRefused("orders.refund.refused.format");
		}
	}

	private static long lineId(String name) {
		try {
			return Long.parseLong(name.substring(UNITS_PREFIX.length()));
		}
		catch (NumberFormatException ex) {
			throw new RefundRefused("orders.refund.refused.line");
		}
	}

	private static int count(String typed) {
		if (typed.isEmpty()) {
			return 0;
		}
		try {
			return Integer.parseInt(typed);
		}
		catch (NumberFormatException ex) {
			throw new RefundRefused("orders.refund.refused.unitsFormat");
		}
	}

}

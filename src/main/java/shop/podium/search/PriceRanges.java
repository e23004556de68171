package shop.podium.search;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import shop.podium.core.Money;

/**
 * The price bands of the price facet, in the region's currency: round amounts that mean the same thing in
 * each currency ("under 25" dollars, euros or pounds; "under 3,000" yen). In URLs a band is its bounds in
 * major units, {@code 25-50}, {@code 200-}.
 */
final class PriceRanges {

	private static final List<Long> DEFAULT = List.of(25L, 50L, 100L, 200L);

	private static final Map<String, List<Long>> BY_CURRENCY = Map.of("JPY", List.of(3000L, 6000L, 12000L, 25000L),
			"KRW", List.of(30000L, 60000L, 120000L, 250000L), "CNY", List.of(150L, 300L, 600L, 1200L));

	private PriceRanges() {
	}

	static List<Range> of(Currency currency) {
		List<Long> bounds = BY_CURRENCY.getOrDefault(currency.getCurrencyCode(), DEFAULT);
		List<Range> ranges = new ArrayList<>();
		Long from = null;
		for (Long to : bounds) {
			ranges.add(new Range(currency, from, to));
			from = to;
		}
		ranges.add(new Range(currency, from, null));
		return ranges;
	}

	static Optional<Range> find(Currency currency, String key) {
		return of(currency).stream().filter(r -> r.key().equals(key)).findFirst();
	}

	/**
	 * A band of prices in major units, {@code from} included and {@code to} excluded; {@code null} is open.
	 */
	record Range(Currency currency, Long from, Long to) {

		String key() {
			return ((this.from != null) ? this.from.toString() : "0") + "-" + ((this.to != null) ? this.to : "");
		}

		Long fromMinor() {
			return (this.from != null) ? minor(this.from) : null;
		}

		Long toMinor() {
			return (this.to != null) ? minor(this.to) : null;
		}

		private long minor(long major) {
			return BigDecimal.valueOf(major).movePointRight(this.currency.getDefaultFractionDigits()).longValueExact();
		}

		Money fromMoney() {
			return (this.from != null) ? Money.of(BigDecimal.valueOf(this.from), this.currency) : null;
		}

		Money toMoney() {
			return (this.to != null) ? Money.of(BigDecimal.valueOf(this.to), this.currency) : null;
		}

	}

}

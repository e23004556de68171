package shop.podium.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import shop.podium.licensing.GuaranteePeriod;
import shop.podium.licensing.LicenceSummary;

/**
 * The royalty rules, as plain functions:
 * <ul>
 * <li>a line's royalty base is what the fan paid for it without tax (shipping earns no royalty);</li>
 * <li>a refund is shared among the order's lines in proportion to their base over the order's total, rounded
 * half-up to the minor unit per line;</li>
 * <li>the licence is the one in force on the payment day that covers the order's region, the product's
 * category and edition; a sale no licence covers is billed at rate 0 under "unlicensed" so it shows;</li>
 * <li>royalty = net × rate, rounded half-up to the currency's minor unit (none for JPY and KRW);</li>
 * <li>the minimum guarantee is owed per guarantee period of the licence (calendar month, quarter or year), in its
 * own currency, pro rata by days when the licence starts or ends inside one; its shortfall is the guarantee less
 * the royalties due over that whole guarantee period, and is billed on the statement whose period holds the
 * guarantee period's last day (or the licence's); royalties in another currency count towards it converted at
 * the rate Stripe applied to the licensee's charges (their balance transactions' exchange_rate).
 * Without such a rate (Stripe settled in the sale's currency) that currency is not converted: the shortfall counts
 * only what could be, and the statement lists the currencies left out;</li>
 * <li>the statement's lines are also shown converted into the currency Stripe settled the licensee's charges in,
 * at the same rates, each rounded half-up to the minor unit, and totalled.</li>
 * </ul>
 */
final class RoyaltyCalculator {

	static final String UNLICENSED = "unlicensed";

	private RoyaltyCalculator() {
	}

	record Sale(String currency, String region, String category, String edition, LocalDate paidOn, long base,
			long returned, boolean adjustment) {
	}

	static long share(long refund, long lineBase, long orderTotal) {
		if (orderTotal == 0) {
			return 0;
		}
		return BigDecimal.valueOf(refund)
			.multiply(BigDecimal.valueOf(lineBase))
			.divide(BigDecimal.valueOf(orderTotal), 0, RoundingMode.HALF_UP)
			.longValueExact();
	}

	static Optional<LicenceSummary> licenceFor(List<LicenceSummary> licences, Sale sale) {
		return licences.stream()
			.filter(l -> !sale.paidOn().isBefore(l.validFrom()) && !sale.paidOn().isAfter(l.validTo()))
			.filter(l -> l.territories().contains(sale.region()) && l.categories().contains(sale.category())
					&& l.editions().contains(sale.edition()))
			.findFirst();
	}

	static List<RoyaltyStatement.Line> lines(List<LicenceSummary> licences, List<Sale> sales) {
		Map<String, long[]> totals = new TreeMap<>();
		Map<String, BigDecimal> rates = new LinkedHashMap<>();
		for (Sale sale : sales) {
			Optional<LicenceSummary> licence = licenceFor(licences, sale);
			String reference = licence.map(LicenceSummary::reference).orElse(UNLICENSED);
			String key = reference + "|" + sale.currency();
			rates.putIfAbsent(key, licence.map(LicenceSummary::royaltyRate).orElse(BigDecimal.ZERO));
			long[] t = totals.computeIfAbsent(key, k -> new long[3]);
			t[0] += sale.base();
			t[sale.adjustment() ? 2 : 1] += sale.returned();
		}
		List<RoyaltyStatement.Line> lines = new ArrayList<>();
		totals.forEach((key, t) -> {
			String[] parts = key.split("\\|");
			BigDecimal rate = rates.get(key);
			lines.add(new RoyaltyStatement.Line(parts[0], parts[1], t[0], t[1], t[2], rate,
					royalty(t[0] - t[1] - t[2], rate)));
		});
		return lines;
	}

	static long royalty(long net, BigDecimal rate) {
		return BigDecimal.valueOf(net).multiply(rate).setScale(0, RoundingMode.HALF_UP).longValueExact();
	}

	/**
	 * A guarantee period of a licence as far as the licence runs in it.
	 * @param endExclusive the day after its last day
	 * @param guaranteed the guarantee for those days, in minor units of the guarantee's currency
	 */
	record GuaranteeWindow(LocalDate from, LocalDate endExclusive, long guaranteed) {
	}

	/**
	 * The guarantee periods of a licence whose shortfall falls due in a statement period: those whose last day (or
	 * the licence's last day, when it ends first) lies in it.
	 */
	static List<GuaranteeWindow> guaranteesDueIn(LicenceSummary licence, LocalDate start, LocalDate endExclusive) {
		List<GuaranteeWindow> due = new ArrayList<>();
		if (licence.minimumGuaranteeMinor() <= 0) {
			return due;
		}
		GuaranteePeriod every = licence.minimumGuaranteePeriod();
		for (LocalDate from = every.startOf(start); from.isBefore(endExclusive); from = every.endAfter(from)) {
			LocalDate until = every.endAfter(from);
			LocalDate cutFrom = from.isBefore(licence.validFrom()) ? licence.validFrom() : from;
			LocalDate cutUntil = until.isAfter(licence.validTo().plusDays(1)) ? licence.validTo().plusDays(1) : until;
			if (!cutFrom.isBefore(cutUntil) || !cutUntil.isAfter(start) || cutUntil.isAfter(endExclusive)) {
				continue;
			}
			long days = ChronoUnit.DAYS.between(from, until);
			long runs = ChronoUnit.DAYS.between(cutFrom, cutUntil);
			long guaranteed = BigDecimal.valueOf(licence.minimumGuaranteeMinor())
				.multiply(BigDecimal.valueOf(runs))
				.divide(BigDecimal.valueOf(days), 0, RoundingMode.HALF_UP)
				.longValueExact();
			due.add(new GuaranteeWindow(cutFrom, cutUntil, guaranteed));
		}
		return due;
	}

	/**
	 * An amount in minor units of one currency, in minor units of another at a rate in major units (Stripe's
	 * {@code exchange_rate}), rounded half-up.
	 */
	static long convert(long minor, String from, String into, BigDecimal exchangeRate) {
		int scale = Currency.getInstance(into).getDefaultFractionDigits() - Currency.getInstance(from).getDefaultFractionDigits();
		return BigDecimal.valueOf(minor)
			.multiply(exchangeRate)
			.scaleByPowerOfTen(scale)
			.setScale(0, RoundingMode.HALF_UP)
			.longValueExact();
	}

	/**
	 * The lines in one currency.
	 * @param rates per currency, {@code into} per unit of it in major units; {@code into} itself need not be there
	 */
	static RoyaltyStatement.Conversion conversion(List<RoyaltyStatement.Line> lines, String into,
			Map<String, BigDecimal> rates) {
		List<RoyaltyStatement.Converted> converted = new ArrayList<>();
		TreeSet<String> unconverted = new TreeSet<>();
		for (RoyaltyStatement.Line line : lines) {
			BigDecimal rate = line.currency().equals(into) ? BigDecimal.ONE : rates.get(line.currency());
			if (rate == null) {
				unconverted.add(line.currency());
				continue;
			}
			converted.add(new RoyaltyStatement.Converted(line.licenceReference(), line.currency(), rate,
					convert(line.net(), line.currency(), into, rate), convert(line.royalty(), line.currency(), into, rate)));
		}
		return new RoyaltyStatement.Conversion(into, converted, String.join(", ", unconverted));
	}

	/**
	 * @param lines the licensee's royalty lines over the guarantee window
	 * @param rates per currency, the guarantee's currency per unit of it in major units (Stripe's exchange rate)
	 */
	static RoyaltyStatement.Guarantee guarantee(LicenceSummary licence, GuaranteeWindow window,
			List<RoyaltyStatement.Line> lines, Map<String, BigDecimal> rates) {
		String currency = licence.minimumGuaranteeCurrency();
		long converted = 0;
		TreeSet<String> unconverted = new TreeSet<>();
		for (RoyaltyStatement.Line line : lines) {
			if (!line.licenceReference().equals(licence.reference())) {
				continue;
			}
			if (line.currency().equals(currency)) {
				converted += line.royalty();
			}
			else if (rates.containsKey(line.currency())) {
				converted += convert(line.royalty(), line.currency(), currency, rates.get(line.currency()));
			}
			else if (line.royalty() != 0) {
				unconverted.add(line.currency());
			}
		}
		long shortfall = Math.max(0, window.guaranteed() - converted);
		return new RoyaltyStatement.Guarantee(licence.reference(), currency, licence.minimumGuaranteePeriod(),
				window.from(), window.endExclusive().minusDays(1), window.guaranteed(), converted, shortfall,
				String.join(", ", unconverted));
	}

}

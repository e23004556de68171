package shop.podium.finance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A billing period: a month ({@code 2026-03}) or a quarter ({@code 2026-Q1}), in UTC, Stripe's reporting zone.
 */
record RoyaltyPeriod(String key, LocalDate start, LocalDate endExclusive) {

	private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");

	private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

	/** @throws IllegalArgumentException when the key is neither form */
	static RoyaltyPeriod parse(String key) {
		Matcher month = MONTH.matcher((key != null) ? key : "");
		if (month.matches()) {
			YearMonth ym = YearMonth.of(Integer.parseInt(month.group(1)), Integer.parseInt(month.group(2)));
			return new RoyaltyPeriod(key, ym.atDay(1), ym.plusMonths(1).atDay(1));
		}
		Matcher quarter = QUARTER.matcher((key != null) ? key : "");
		if (quarter.matches()) {
			LocalDate start = LocalDate.of(Integer.parseInt(quarter.group(1)), (Integer.parseInt(quarter.group(2)) - 1) * 3 + 1, 1);
			return new RoyaltyPeriod(key, start, start.plusMonths(3));
		}
		throw new IllegalArgumentException("Not a period: " + key);
	}

	boolean quarter() {
		return this.key.contains("Q");
	}

	/** The months of a quarter, or the month itself. */
	java.util.List<RoyaltyPeriod> months() {
		java.util.List<RoyaltyPeriod> months = new java.util.ArrayList<>();
		for (LocalDate day = this.start; day.isBefore(this.endExclusive); day = day.plusMonths(1)) {
			months.add(month(day));
		}
		return months;
	}

	/** The quarter a month is in. */
	RoyaltyPeriod quarterOf() {
		return parse(this.start.getYear() + "-Q" + ((this.start.getMonthValue() - 1) / 3 + 1));
	}

	static RoyaltyPeriod month(LocalDate day) {
		return parse(YearMonth.from(day).toString());
	}

	Instant from() {
		return this.start.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	Instant until() {
		return this.endExclusive.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	boolean overlaps(RoyaltyPeriod other) {
		return this.start.isBefore(other.endExclusive) && other.start.isBefore(this.endExclusive);
	}

	boolean endedBy(LocalDate today) {
		return !today.isBefore(this.endExclusive);
	}

}

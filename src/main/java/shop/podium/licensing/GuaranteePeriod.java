package shop.podium.licensing;

import java.time.LocalDate;

/**
 * How often a licence's minimum guarantee falls due: per calendar month, quarter or year (UTC, like the royalty
 * statements). The guarantee is owed for each such period the licence runs in, pro rata by days when the licence
 * starts or ends inside it.
 */
public enum GuaranteePeriod {

	MONTH(1), QUARTER(3), YEAR(12);

	private final int months;

	GuaranteePeriod(int months) {
		this.months = months;
	}

	/** The first day of the guarantee period that holds {@code day}. */
	public LocalDate startOf(LocalDate day) {
		int firstMonth = (day.getMonthValue() - 1) / this.months * this.months + 1;
		return LocalDate.of(day.getYear(), firstMonth, 1);
	}

	/** The day after the guarantee period that starts on {@code start}. */
	public LocalDate endAfter(LocalDate start) {
		return start.plusMonths(this.months);
	}

}

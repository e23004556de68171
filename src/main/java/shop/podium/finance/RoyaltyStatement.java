package shop.podium.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import shop.podium.licensing.GuaranteePeriod;

/**
 * A licensee's royalties for one period: per licence and currency, gross sales of their lines (tax excluded),
 * returns refunded in the period, adjustments (refunds in this period of sales billed in a closed one), net,
 * the licence's rate and the royalty due; and, for each minimum guarantee period that ends in this period, the
 * guarantee with its shortfall over that whole guarantee period, in the guarantee's currency.
 *
 * @param frozen whether the period is closed (these figures are the billed ones) or still provisional
 * @param conversion the lines converted into one currency, or null when Stripe has booked none of the
 * licensee's charges in the period yet
 */
record RoyaltyStatement(RoyaltyPeriod period, long licenseeId, String licenseeName, boolean frozen,
		List<Line> lines, List<Guarantee> guarantees, Conversion conversion) {

	record Line(String licenceReference, String currency, long gross, long returns, long adjustments,
			BigDecimal rate, long royalty) {

		public long net() {
			return this.gross - this.returns - this.adjustments;
		}

	}

	/**
	 * The minimum guarantee of one guarantee period that ends in this statement's period.
	 * @param every how often the guarantee falls due (null on lines frozen before guarantees had a period)
	 * @param from the guarantee period's first day, later when the licence started inside it (null as above)
	 * @param to its last day, earlier when the licence ended inside it (null as above)
	 * @param guarantee what is guaranteed for those days (pro rata by days when the licence cut the period)
	 * @param converted the royalty due over those days in the guarantee's currency, from the currencies that
	 * could be converted
	 * @param unconverted currencies with royalties but no rate Stripe applied (see {@link RoyaltyCalculator})
	 */
	record Guarantee(String licenceReference, String currency, GuaranteePeriod every, LocalDate from, LocalDate to,
			long guarantee, long converted, long shortfall, String unconverted) {

		public boolean provisional() {
			return this.unconverted != null && !this.unconverted.isEmpty();
		}

	}

	/**
	 * Each line in the currency Stripe settled the licensee's charges in (the most used when there are several),
	 * at the rate Stripe applied to them in the period: the balance transactions' {@code exchange_rate}, averaged
	 * over the period weighted by the amounts charged; 1 for the settlement currency itself.
	 * @param unconverted currencies with lines but no rate (no charge in them converted in the period)
	 */
	record Conversion(String currency, List<Converted> lines, String unconverted) {

		public long net() {
			return this.lines.stream().mapToLong(Converted::net).sum();
		}

		public long royalty() {
			return this.lines.stream().mapToLong(Converted::royalty).sum();
		}

		public boolean partial() {
			return !this.unconverted.isEmpty();
		}

	}

	/**
	 * @param exchangeRate settlement currency per unit of {@code from}, in major units as Stripe gives it
	 * @param net the line's net in the settlement currency's minor units
	 * @param royalty the line's royalty, converted the same way
	 */
	record Converted(String licenceReference, String from, BigDecimal exchangeRate, long net, long royalty) {
	}

	public boolean empty() {
		return this.lines.isEmpty() && this.guarantees.isEmpty();
	}

}

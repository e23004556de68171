package shop.podium.finance;

import java.math.BigDecimal;
import java.util.List;

/**
 * A licensee's royalties for one period: per licence and currency, gross sales of their lines (tax excluded),
 * returns refunded in the period, adjustments (refunds in this period of sales billed in a closed one), net,
 * the licence's rate and the royalty due; and per licence the minimum guarantee with its shortfall, in the
 * guarantee's currency.
 *
 * @param frozen whether the period is closed (these figures are the billed ones) or still provisional
 */
record RoyaltyStatement(RoyaltyPeriod period, long licenseeId, String licenseeName, boolean frozen,
		List<Line> lines, List<Guarantee> guarantees) {

	record Line(String licenceReference, String currency, long gross, long returns, long adjustments,
			BigDecimal rate, long royalty) {

		public long net() {
			return this.gross - this.returns - this.adjustments;
		}

	}

	/**
	 * @param converted the royalty due in the guarantee's currency, from the currencies that could be converted
	 * @param unconverted currencies with royalties but no rate Stripe applied (see {@link RoyaltyCalculator})
	 */
	record Guarantee(String licenceReference, String currency, long guarantee, long converted, long shortfall,
			String unconverted) {

		public boolean provisional() {
			return this.unconverted != null && !this.unconverted.isEmpty();
		}

	}

	public boolean empty() {
		return this.lines.isEmpty() && this.guarantees.isEmpty();
	}

}

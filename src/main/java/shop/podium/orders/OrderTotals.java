package shop.podium.orders;

import java.util.List;

import shop.podium.core.Money;
import shop.podium.regions.ShippingRate;
import shop.podium.regions.TaxRule;

/**
 * An order's amounts, computed by the shop, never taken from the client. Tax is worked out per line and on
 * shipping, each rounded to the currency's minor unit ({@link TaxRule#taxOn}): in an inclusive region (VAT,
 * GST) it is the part of the prices that is tax and the total is the prices; in an exclusive region (the US)
 * it is added on top.
 *
 * @param lineTaxes the tax of each line, in the order of the lines
 */
record OrderTotals(Money subtotal, Money shipping, Money tax, List<Money> lineTaxes, boolean taxInclusive,
		Money total) {

	record Line(Money unitPrice, int quantity) {

		Money total() {
			return this.unitPrice.times(this.quantity);
		}

	}

	static OrderTotals of(List<Line> lines, TaxRule taxRule, ShippingRate rate) {
		if (lines.isEmpty()) {
			throw new IllegalArgumentException("An order needs lines");
		}
		Money subtotal = lines.stream().map(Line::total).reduce(Money::plus).orElseThrow();
		Money shipping = (rate != null) ? rate.priceFor(subtotal) : Money.zero(subtotal.currency());
		List<Money> lineTaxes = lines.stream().map(l -> taxRule.taxOn(l.total())).toList();
		Money tax = lineTaxes.stream().reduce(taxRule.taxOn(shipping), Money::plus);
		Money total = taxRule.inclusive() ? subtotal.plus(shipping) : subtotal.plus(shipping).plus(tax);
		return new OrderTotals(subtotal, shipping, tax, lineTaxes, taxRule.inclusive(), total);
	}

}

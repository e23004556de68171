package shop.podium.orders;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import shop.podium.core.Money;
import shop.podium.regions.ShippingRate;
import shop.podium.regions.TaxRule;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An order's amounts: inclusive VAT is the part of the prices that is tax, US sales tax is added, zero-decimal
 * currencies stay whole, every tax is rounded half up to the minor unit per line.
 */
class OrderTotalsTests {

	static final TaxRule EU_VAT = new TaxRule(TaxRule.Mode.INCLUSIVE, new BigDecimal("0.20"), "VAT");

	static final TaxRule US_TAX = new TaxRule(TaxRule.Mode.EXCLUSIVE, new BigDecimal("0.08875"), "Sales tax");

	static final TaxRule JP_TAX = new TaxRule(TaxRule.Mode.INCLUSIVE, new BigDecimal("0.10"), "Consumption tax");

	static final TaxRule KR_VAT = new TaxRule(TaxRule.Mode.INCLUSIVE, new BigDecimal("0.10"), "VAT");

	@Test
	void euroPricesIncludeVatAndTheTotalIsThePrices() {
		OrderTotals totals = OrderTotals.of(List.of(line(3900, "EUR", 2), line(1250, "EUR", 1)), EU_VAT,
				rate(495, null, "EUR"));
		assertThat(totals.subtotal()).isEqualTo(Money.ofMinor(9050, "EUR"));
		assertThat(totals.shipping()).isEqualTo(Money.ofMinor(495, "EUR"));
		// 7800/6 = 1300, 1250/6 = 208.33 -> 208, 495/6 = 82.5 -> 83
		assertThat(totals.lineTaxes()).containsExactly(Money.ofMinor(1300, "EUR"), Money.ofMinor(208, "EUR"));
		assertThat(totals.tax()).isEqualTo(Money.ofMinor(1591, "EUR"));
		assertThat(totals.total()).isEqualTo(Money.ofMinor(9545, "EUR"));
		assertThat(totals.taxInclusive()).isTrue();
	}

	@Test
	void usSalesTaxIsAddedOnTopRoundedHalfUp() {
		OrderTotals totals = OrderTotals.of(List.of(line(4200, "USD", 1), line(1999, "USD", 3)), US_TAX,
				rate(795, 7500L, "USD"));
		assertThat(totals.subtotal()).isEqualTo(Money.ofMinor(10197, "USD"));
		assertThat(totals.shipping()).isEqualTo(Money.ofMinor(0, "USD"));
		// 4200 * 0.08875 = 372.75 -> 373; 5997 * 0.08875 = 532.23 -> 532
		assertThat(totals.tax()).isEqualTo(Money.ofMinor(905, "USD"));
		assertThat(totals.total()).isEqualTo(Money.ofMinor(11102, "USD"));
	}

	@Test
	void yenHasNoMinorUnit() {
		OrderTotals totals = OrderTotals.of(List.of(line(4800, "JPY", 3)), JP_TAX, rate(800, 20000L, "JPY"));
		assertThat(totals.total()).isEqualTo(Money.ofMinor(15200, "JPY"));
		// 14400 / 11 = 1309.09 -> 1309 yen, 800 / 11 = 72.7 -> 73 yen
		assertThat(totals.tax()).isEqualTo(Money.ofMinor(1382, "JPY"));
		assertThat(totals.total().format(java.util.Locale.JAPAN)).isEqualTo("￥15,200");
	}

	@Test
	void wonHasNoMinorUnitAndShipsFreeOverTheThreshold() {
		OrderTotals totals = OrderTotals.of(List.of(line(55000, "KRW", 1)), KR_VAT, rate(3000, 50000L, "KRW"));
		assertThat(totals.shipping().isZero()).isTrue();
		assertThat(totals.tax()).isEqualTo(Money.ofMinor(5000, "KRW"));
		assertThat(totals.total()).isEqualTo(Money.ofMinor(55000, "KRW"));
	}

	private static OrderTotals.Line line(long minor, String currency, int quantity) {
		return new OrderTotals.Line(Money.ofMinor(minor, currency), quantity);
	}

	private static ShippingRate rate(long minor, Long freeOver, String currency) {
		return new ShippingRate("standard", Money.ofMinor(minor, currency),
				(freeOver != null) ? Money.ofMinor(freeOver, currency) : null, 3, 7);
	}

}

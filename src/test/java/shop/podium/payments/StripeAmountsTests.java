package shop.podium.payments;

import org.junit.jupiter.api.Test;

import shop.podium.core.Money;

import static org.assertj.core.api.Assertions.assertThat;

/** Stripe reads JPY and KRW in whole units and EUR/USD in cents: what Money already holds. */
class StripeAmountsTests {

	@Test
	void zeroDecimalCurrenciesAreSentInWholeUnits() {
		assertThat(StripeAmounts.of(Money.ofMinor(4800, "JPY"))).isEqualTo(4800);
		assertThat(StripeAmounts.of(Money.ofMinor(55000, "KRW"))).isEqualTo(55000);
	}

	@Test
	void twoDecimalCurrenciesAreSentInCents() {
		assertThat(StripeAmounts.of(Money.ofMinor(3900, "EUR"))).isEqualTo(3900);
		assertThat(StripeAmounts.of(Money.ofMinor(4200, "USD"))).isEqualTo(4200);
	}

}

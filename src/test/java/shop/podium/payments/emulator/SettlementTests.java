package shop.podium.payments.emulator;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the emulated account books a charge: unconverted where it has a bank account, converted where not. */
class SettlementTests {

	final Settlement euros = new Settlement("EUR", List.of("eur", "usd", "gbp", "jpy"));

	@Test
	void aCurrencyWithABankAccountSettlesAsItIs() {
		assertThat(this.euros.settle(4200, "usd")).isEqualTo(new Settlement.Settled(4200, "usd", null));
		assertThat(this.euros.settle(4800, "jpy")).isEqualTo(new Settlement.Settled(4800, "jpy", null));
	}

	@Test
	void anotherCurrencyIsConvertedIntoTheSettlementCurrencyInMajorUnitsTimesTheRate() {
		// 52,000 won (no minor unit) at 0.00068 = 35.36 euros
		assertThat(this.euros.settle(52000, "krw")).isEqualTo(new Settlement.Settled(3536, "eur", new BigDecimal("0.00068")));
		// a refund is a negative amount, rounded the same way
		assertThat(this.euros.settle(-1000, "aud")).isEqualTo(new Settlement.Settled(-610, "eur", new BigDecimal("0.61")));
	}

	@Test
	void intoAZeroDecimalSettlementCurrencyTheAmountIsWholeUnits() {
		Settlement yen = new Settlement("jpy", List.of("jpy"));
		Settlement.Settled settled = yen.settle(3900, "eur");
		assertThat(settled.currency()).isEqualTo("jpy");
		assertThat(settled.exchangeRate()).isEqualByComparingTo("161.29032");
		assertThat(settled.amount()).isEqualTo(6290);
	}

	@Test
	void aCurrencyWithoutARateIsRefused() {
		assertThatThrownBy(() -> this.euros.settle(1000, "sek")).isInstanceOf(EmulatorError.class);
	}

}

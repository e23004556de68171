package shop.podium.core;

import java.util.Currency;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import shop.podium.core.MoneyInput.AmountRefused;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Amounts read as people type them. Each expected value is worked out by hand in the comment beside it, from the
 * locale's separators: French writes 1 250,50 (narrow no-break space, decimal comma), English 1,250.50, Japanese,
 * Korean and Chinese 1,250.50 too.
 */
class MoneyInputTests {

	static final Currency EUR = Currency.getInstance("EUR");

	static final Currency JPY = Currency.getInstance("JPY");

	static final Currency KRW = Currency.getInstance("KRW");

	static final Currency USD = Currency.getInstance("USD");

	@ParameterizedTest(name = "{0} in {1} → {3} minor units of {2}")
	@CsvSource(delimiter = '|', textBlock = """
			# typed         | locale | currency | minor units | why
			12,50           | fr     | EUR      | 1250 | comma is the French decimal separator: 12.50 → 1250 cents
			12.50           | fr     | EUR      | 1250 | a point followed by two digits can only be decimals
			1.250,00        | fr     | EUR      | 125000 | point groups, last comma decimals: 1250.00 → 125000 cents
			1 250,00        | fr     | EUR      | 125000 | ordinary space groups thousands
			1\u202f250,00   | fr     | EUR      | 125000 | narrow no-break space, as French formatting writes it
			1\u00a0250,00   | fr     | EUR      | 125000 | no-break space
			12 345 678,9    | fr     | EUR      | 1234567890 | 12345678.90
			1,250.00        | en     | USD      | 125000 | English: comma groups, point decimals
			1,250           | en     | USD      | 125000 | the comma is English grouping: 1250
			1,234,567.89    | en     | USD      | 123456789 | 
			12.5            | en     | USD      | 1250 | one decimal: 12.50
			29              | en     | USD      | 2900 | whole dollars
			€12.50          | en     | EUR      | 1250 | the symbol of the currency before
			12,50 €         | fr     | EUR      | 1250 | ... or after
			EUR 12,50       | fr     | EUR      | 1250 | its code
			12.50eur        | en     | EUR      | 1250 | 
			1,250           | ja     | JPY      | 1250 | yen have no minor unit: 1250 yen
			¥1,250          | ja     | JPY      | 1250 | 
			１２５０        | ja     | JPY      | 1250 | full-width digits from a Japanese input method
			１，２５０円    | ja     | JPY      | 1250 | 
			1250.00         | ja     | JPY      | 1250 | zero decimals change nothing
			15,000          | ko     | KRW      | 15000 | won: whole units
			₩15,000         | ko     | KRW      | 15000 | 
			0,5             | fr     | EUR      | 50 | 
			""")
	void readsAmountsAsTheReadersLocaleWritesThem(String typed, String locale, String currency, long minor,
			String why) {
		Money money = MoneyInput.parse(typed, Currency.getInstance(currency), Locale.forLanguageTag(locale));

		assertThat(money).as(why).isEqualTo(new Money(minor, Currency.getInstance(currency)));
	}

	@Test
	void aCommaFollowedByThreeDigitsWhereTheCommaSeparatesDecimalsIsRefusedSayingWhatToType() {
		// in French "1,250" is 1.25 (decimal comma) or 1250 (someone writing the English way)
		AmountRefused refused = catchThrowableOfType(AmountRefused.class,
				() -> MoneyInput.parse("1,250", EUR, Locale.FRENCH));

		assertThat(refused.messageKey()).isEqualTo("core.amount.ambiguous");
		assertThat(refused.arguments()).containsExactly("1,250", ",", "1\u202f250,00\u00a0€", "1250", "1,25\u00a0€",
				"1,25");
	}

	@Test
	void aPointFollowedByThreeDigitsInFrenchIsRefusedToo() {
		// "1.250" in French: 1250 written the German way, or 1.25 written the English way
		assertThat(refusal("1.250", EUR, Locale.FRENCH)).isEqualTo("core.amount.ambiguous");
	}

	@Test
	void aPointFollowedByThreeDigitsInEnglishIsRefusedRatherThanReadAsThreeDecimals() {
		// 1.250 dollars would have three decimals; 1250 written the French way is as likely
		assertThat(refusal("1.250", USD, Locale.ENGLISH)).isEqualTo("core.amount.ambiguous");
	}

	@Test
	void yenAndWonHaveNoDecimals() {
		AmountRefused refused = catchThrowableOfType(AmountRefused.class,
				() -> MoneyInput.parse("1250.50", JPY, Locale.JAPANESE));
		assertThat(refused.messageKey()).isEqualTo("core.amount.wholeUnits");
		assertThat(refused.arguments()[2]).isEqualTo("1250");
		assertThat(refusal("150.5", KRW, Locale.KOREAN)).isEqualTo("core.amount.wholeUnits");
	}

	@Test
	void moreDecimalsThanTheCurrencyHasAreRefusedNotRounded() {
		// 12.505 euros would have to be rounded to a cent
		AmountRefused refused = catchThrowableOfType(AmountRefused.class,
				() -> MoneyInput.parse("12,505", EUR, Locale.FRENCH));
		// "12,505": the comma with three digits after it is ambiguous before it is too precise
		assertThat(refused.messageKey()).isEqualTo("core.amount.ambiguous");
		assertThat(refusal("12,5055", EUR, Locale.FRENCH)).isEqualTo("core.amount.decimals");
		assertThat(refusal("12.5055", USD, Locale.ENGLISH)).isEqualTo("core.amount.decimals");
	}

	@Test
	void malformedGroupingIsRefused() {
		assertThat(refusal("1,25,0", USD, Locale.ENGLISH)).isEqualTo("core.amount.invalid");
		assertThat(refusal("12 50", EUR, Locale.FRENCH)).isEqualTo("core.amount.invalid");
		assertThat(refusal("1250,000.5", USD, Locale.ENGLISH)).isEqualTo("core.amount.invalid");
		assertThat(refusal("1.250.00,5", EUR, Locale.FRENCH)).isEqualTo("core.amount.invalid");
		assertThat(refusal(",50", EUR, Locale.FRENCH)).isEqualTo("core.amount.invalid");
		assertThat(refusal("12,", EUR, Locale.FRENCH)).isEqualTo("core.amount.invalid");
		assertThat(refusal("1e3", USD, Locale.ENGLISH)).isEqualTo("core.amount.invalid");
		assertThat(refusal("twelve", USD, Locale.ENGLISH)).isEqualTo("core.amount.invalid");
		assertThat(refusal("12.50.1", USD, Locale.ENGLISH)).isEqualTo("core.amount.invalid");
	}

	@Test
	void theInvalidMessageShowsAnExampleInTheReadersOwnWriting() {
		AmountRefused refused = catchThrowableOfType(AmountRefused.class,
				() -> MoneyInput.parse("abc", EUR, Locale.FRENCH));
		// 1250.5 written the French way, without grouping so it cannot be misread
		assertThat(refused.arguments()).containsExactly("abc", "1250,50");
	}

	@Test
	void emptyNegativeAndForeignCurrencyAreRefused() {
		assertThat(refusal("  ", EUR, Locale.FRENCH)).isEqualTo("core.amount.required");
		assertThat(refusal(null, EUR, Locale.FRENCH)).isEqualTo("core.amount.required");
		assertThat(refusal("-12,50", EUR, Locale.FRENCH)).isEqualTo("core.amount.negative");
		assertThat(refusal("12.50 USD", EUR, Locale.ENGLISH)).isEqualTo("core.amount.currency");
		assertThat(refusal("$12.50", EUR, Locale.ENGLISH)).isEqualTo("core.amount.invalid");
	}

	@Test
	void tooLargeForTheMinorUnitsIsRefusedNotOverflowed() {
		assertThatThrownBy(() -> MoneyInput.parse("999999999999999999999", USD, Locale.ENGLISH))
			.isInstanceOf(AmountRefused.class);
	}

	private static String refusal(String typed, Currency currency, Locale locale) {
		return catchThrowableOfType(AmountRefused.class, () -> MoneyInput.parse(typed, currency, locale)).messageKey();
	}

}

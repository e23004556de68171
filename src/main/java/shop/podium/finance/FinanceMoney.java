package shop.podium.finance;

import java.util.Locale;

import org.springframework.stereotype.Component;

import shop.podium.core.Money;

/** Formats the ledger's minor units for the reader's locale, as {@code @financeMoney} in the finance pages. */
@Component("financeMoney")
class FinanceMoney {

	public String format(Long minor, String currency, Locale locale) {
		if (minor == null || currency == null) {
			return "";
		}
		return Money.ofMinor(minor, currency).format(locale);
	}

}

package shop.podium.core;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * A month as the reader's language writes it — November 2026, novembre 2026, 2026年11月 — for pages
 * ({@code ${@months.format(month, #locale)}}) and messages alike.
 */
@Component("months")
public class Months {

	public String format(YearMonth month, Locale locale) {
		return DateTimeFormatter.ofLocalizedPattern("yMMMM").withLocale(locale).format(month);
	}

}

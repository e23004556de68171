package shop.podium.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Date;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Dates as the reader's language writes them, for pages ({@code ${@readerDates.instant(at, #locale)}}) and for
 * the messages' own date formats. Instants are shown in UTC: orders, payouts and imports cross regions and the
 * shop does not know the reader's zone.
 */
@Component("readerDates")
public class ReaderDates {

	/** A moment: Dec 5, 2026, 1:22 PM UTC; 5 déc. 2026, 13:22 UTC. Empty for none. */
	public String instant(Instant instant, Locale locale) {
		if (instant == null) {
			return "";
		}
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(locale)
			.withZone(ZoneOffset.UTC)
			.format(instant) + " UTC";
	}

	/**
	 * A moment in a zone, with the zone's short name as the reader's language writes it: Dec 8, 2026, 3:22 AM JST;
	 * 7 déc. 2026, 19:22 UTC+1 (a fan reads their order's times as their clock showed them). Empty for none.
	 */
	public String instant(Instant instant, Locale locale, ZoneId zone) {
		if (instant == null) {
			return "";
		}
		return new DateTimeFormatterBuilder()
			.appendLocalized(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.appendLiteral(' ')
			.appendZoneText(TextStyle.SHORT)
			.toFormatter(locale)
			.withZone(zone)
			.format(instant);
	}

	/** A month: November 2026, novembre 2026, 2026年11月. */
	public String month(YearMonth month, Locale locale) {
		return DateTimeFormatter.ofLocalizedPattern("yMMMM").withLocale(locale).format(month);
	}

	/**
	 * A day as a message's {@code {n,date,long}} takes it (the start of the day in the zone message formats use),
	 * so that the message writes it in its own language: December 4, 2026; 4 décembre 2026.
	 */
	public static Date forMessages(LocalDate day) {
		return Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
	}

}

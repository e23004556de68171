package shop.podium.orders;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Dates on order pages, as the reader's locale writes them ({@code ${@orderDates.format(instant, #locale)}}).
 * In UTC: orders cross regions and the shop does not know the reader's zone.
 */
@Component("orderDates")
public class OrderDates {

	public String format(Instant instant, Locale locale) {
		if (instant == null) {
			return "";
		}
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(locale)
			.withZone(ZoneOffset.UTC)
			.format(instant) + " UTC";
	}

}

package shop.podium.regions;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

import org.springframework.stereotype.Component;

import shop.podium.core.ReaderDates;

/**
 * Times as a region's fans read them, in the region's own zone: {@code ${@regionTimes.at(order.createdAt(),
 * order.regionCode(), #locale)}} in a template. A region that is gone shows UTC, which its zone name says.
 */
@Component("regionTimes")
public class RegionTimes {

	private final Regions regions;

	private final ReaderDates dates;

	RegionTimes(Regions regions, ReaderDates dates) {
		this.regions = regions;
		this.dates = dates;
	}

	public String at(Instant instant, String regionCode, Locale locale) {
		return this.dates.instant(instant, locale, zone(regionCode));
	}

	public ZoneId zone(String regionCode) {
		return this.regions.find(regionCode).map(Region::timeZone).orElse(ZoneOffset.UTC);
	}

}

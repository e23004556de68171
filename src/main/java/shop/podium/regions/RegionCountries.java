package shop.podium.regions;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The countries a region delivers to, as ISO 3166 codes: a country region delivers to itself ({@code jp}: JP), the
 * European region to the euro area's countries. A region whose code is no country and that is not Europe has none
 * listed, and its checkout then takes any country.
 */
public final class RegionCountries {

	private static final List<String> EURO_AREA = List.of("FR", "DE", "IT", "ES", "NL", "BE", "AT", "IE", "PT", "FI",
			"LU", "GR", "SK", "SI", "EE", "LV", "LT", "MT", "CY", "HR");

	private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

	private RegionCountries() {
	}

	public static List<String> of(Region region) {
		if ("eu".equals(region.code())) {
			return EURO_AREA;
		}
		String country = region.code().toUpperCase(Locale.ROOT);
		return ISO_COUNTRIES.contains(country) ? List.of(country) : List.of();
	}

}

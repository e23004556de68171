package shop.podium.licensing;

import java.util.Map;

/**
 * How many listings each licensee has, for the licensees' admin list. Declared here and answered by the catalog,
 * which depends on licensing: licensing reading the catalog's tables would be a hidden cycle.
 */
public interface ListingCounts {

	/** Listings per licensee id; a licensee without any is absent. */
	Map<Long, Long> perLicensee();

}

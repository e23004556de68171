package shop.podium.drops;

import java.time.Instant;
import java.util.List;

/**
 * A drop as proposed and reviewed. Names are copied from the catalog when it is proposed, so its pages and the
 * verification page need no other module's tables.
 *
 * @param startZone the zone the licensee gave the start in (the first region's), for their own screens
 * @param refused add-to-cart attempts refused for want of a pass, for the admin's live page
 */
public record Drop(long id, long productId, String productSlug, String productName, long licenseeId,
		String licenseeName, String editionName, DropStatus status, Instant startsAt, String startZone,
		int perFanLimit, int windowMinutes, boolean numbered, String rejectReason, int refused, Instant createdAt,
		List<Unit> units) {

	public Drop {
		units = List.copyOf(units);
	}

	/** Units of one variant in one region. @param label size or colour, {@code null} for a single variant */
	public record Unit(long variantId, String sku, String label, String regionCode, int units) {
	}

	public List<String> regions() {
		return this.units.stream().map(Unit::regionCode).distinct().toList();
	}

	public List<Unit> unitsIn(String regionCode) {
		return this.units.stream().filter(u -> u.regionCode().equals(regionCode)).toList();
	}

	public int totalIn(String regionCode) {
		return unitsIn(regionCode).stream().mapToInt(Unit::units).sum();
	}

	public int total() {
		return this.units.stream().mapToInt(Unit::units).sum();
	}

	public boolean covers(String sku, String regionCode) {
		return unitsIn(regionCode).stream().anyMatch(u -> u.sku().equals(sku));
	}

	/** Whether fans see it: approved and still running, or paused for a while. */
	public boolean onShow() {
		return this.status == DropStatus.APPROVED || this.status == DropStatus.PAUSED;
	}

}

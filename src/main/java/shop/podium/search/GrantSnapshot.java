package shop.podium.search;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import shop.podium.licensing.LicenceGrant;
import shop.podium.licensing.LicenceGrants;
import shop.podium.regions.Region;

/**
 * What every licensee may sell in every region on one day, flattened to (region, licensee, category, edition)
 * so two snapshots tell which licensees' products may have entered or left a region.
 */
record GrantSnapshot(Map<Long, Set<String>> byLicensee) {

	static GrantSnapshot of(Iterable<Region> regions, LicenceGrants grants, LocalDate day) {
		Map<Long, Set<String>> byLicensee = new HashMap<>();
		for (Region region : regions) {
			for (LicenceGrant grant : grants.activeIn(region.code(), day)) {
				Set<String> rights = byLicensee.computeIfAbsent(grant.licenseeId(), id -> new HashSet<>());
				for (String category : grant.categorySlugs()) {
					for (String edition : grant.editionSlugs()) {
						rights.add(region.code() + '/' + category + '/' + edition);
					}
				}
			}
		}
		return new GrantSnapshot(byLicensee);
	}

	/** The licensees whose rights differ between the two snapshots. */
	Set<Long> changedLicensees(GrantSnapshot other) {
		Set<Long> licensees = new HashSet<>(this.byLicensee.keySet());
		licensees.addAll(other.byLicensee.keySet());
		licensees.removeIf(id -> this.byLicensee.getOrDefault(id, Set.of())
			.equals(other.byLicensee.getOrDefault(id, Set.of())));
		return licensees;
	}

}

package shop.podium.licensing;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * A licence as the rules see it. Each rule is a small function so it can be read and tested on its own.
 */
record Licence(long id, long licenseeId, boolean licenseeActive, LocalDate validFrom, LocalDate validTo,
		boolean suspended, Set<String> territories, Set<String> categories, Set<String> editions) {

	Licence {
		territories = Set.copyOf(territories);
		categories = Set.copyOf(categories);
		editions = Set.copyOf(editions);
	}

	/** Both ends of the validity period are days the licence is in force. */
	boolean validOn(LocalDate day) {
		return !day.isBefore(this.validFrom) && !day.isAfter(this.validTo);
	}

	/** In force on that day: valid, not suspended, and held by a licensee who is still active. */
	boolean activeOn(LocalDate day) {
		return validOn(day) && !this.suspended && this.licenseeActive;
	}

	boolean coversTerritory(String regionCode) {
		return this.territories.contains(regionCode);
	}

	boolean coversCategory(String categorySlug) {
		return this.categories.contains(categorySlug);
	}

	boolean coversEdition(String editionSlug) {
		return this.editions.contains(editionSlug);
	}

	/** The grant this licence gives in that region on that day, if it gives one at all. */
	Optional<LicenceGrant> grantIn(String regionCode, LocalDate day) {
		if (!activeOn(day) || !coversTerritory(regionCode) || this.categories.isEmpty() || this.editions.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new LicenceGrant(this.id, this.licenseeId, this.categories, this.editions));
	}

	/** May the licensee sell a product of that category and edition in that region on that day? */
	boolean permits(String regionCode, String categorySlug, String editionSlug, LocalDate day) {
		return activeOn(day) && coversTerritory(regionCode) && coversCategory(categorySlug)
				&& coversEdition(editionSlug);
	}

}

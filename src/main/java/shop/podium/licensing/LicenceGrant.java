package shop.podium.licensing;

import java.util.Set;

/**
 * What one licence in force lets its licensee sell in a region today: these categories of these editions.
 *
 * @param licenceId the licence the grant comes from
 * @param licenseeId the licensee who may sell
 * @param categorySlugs the product categories the licence covers
 * @param editionSlugs the editions the licence covers
 */
public record LicenceGrant(long licenceId, long licenseeId, Set<String> categorySlugs, Set<String> editionSlugs) {

	public LicenceGrant {
		categorySlugs = Set.copyOf(categorySlugs);
		editionSlugs = Set.copyOf(editionSlugs);
	}

	/** Whether this grant lets the licensee sell a product of that category and edition. */
	public boolean covers(long licensee, String categorySlug, String editionSlug) {
		return this.licenseeId == licensee && this.categorySlugs.contains(categorySlug)
				&& this.editionSlugs.contains(editionSlug);
	}

}

package shop.podium.catalog;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * Everything about one product that search indexes: its texts in every language, what it is, and its offer
 * and stock in every region, so the index can apply {@link SellableRule} per region.
 *
 * @param names the product's name by locale tag ({@code en}, {@code fr}, {@code ja}, {@code ko}, {@code zh-CN})
 * @param descriptions the product's description by locale tag
 * @param offers the product's offer by region code
 */
public record IndexableProduct(long id, String slug, String skuStem, String image, ListingStatus status,
		long licenseeId, String licenseeCode, String licenseeName, String categorySlug, String editionSlug,
		int editionYear, List<String> sportSlugs, Map<String, String> names, Map<String, String> descriptions,
		int popularity, Instant createdAt, List<String> sizes, List<String> colours, Map<String, RegionOffer> offers) {

	public IndexableProduct {
		sportSlugs = List.copyOf(sportSlugs);
		names = Map.copyOf(names);
		descriptions = Map.copyOf(descriptions);
		sizes = List.copyOf(sizes);
		colours = List.copyOf(colours);
		offers = Map.copyOf(offers);
	}

	/** What {@link SellableRule} needs to decide about this product in that region. */
	public ListingFacts factsIn(String regionCode) {
		RegionOffer offer = this.offers.get(regionCode);
		return new ListingFacts(this.status, this.licenseeId, this.categorySlug, this.editionSlug,
				(offer != null) ? offer.currency() : null, offer != null && offer.active(),
				offer != null && offer.inStock());
	}

	/**
	 * A product's offer in one region.
	 *
	 * @param inStock whether at least one variant has stock in the region
	 */
	public record RegionOffer(long priceMinor, Currency currency, boolean active, boolean inStock) {
	}

}

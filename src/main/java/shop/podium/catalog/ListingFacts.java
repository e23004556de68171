package shop.podium.catalog;

import java.util.Currency;

/**
 * What the sellable rule needs to know about one product in one region.
 *
 * @param offerCurrency the currency of the product's offer in the region, {@code null} when it has none
 * @param offerActive whether that offer is active
 * @param inStock whether at least one variant has stock in the region
 */
public record ListingFacts(ListingStatus status, long licenseeId, String categorySlug, String editionSlug,
		Currency offerCurrency, boolean offerActive, boolean inStock) {
}

package shop.podium.catalog;

import shop.podium.core.Money;

/**
 * A product as other modules' result lists show it: in the reader's language and the region's currency.
 */
public record ProductSummary(String slug, String name, String image, Money price, boolean inStock) {
}

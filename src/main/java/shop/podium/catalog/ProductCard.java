package shop.podium.catalog;

import shop.podium.core.Money;

/**
 * A product as a listing shows it.
 */
record ProductCard(String slug, String name, String image, Money price, boolean inStock) {
}

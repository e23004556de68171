package shop.podium.catalog;

/**
 * Something about a product that decides where and how it sells has changed: its listing (text, status,
 * approval), an offer, or stock crossing zero in a region. Search and open carts listen.
 *
 * @param productId the product's id
 */
public record ProductChanged(long productId) {
}

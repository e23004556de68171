package shop.podium.catalog;

import java.util.Set;

/**
 * Something about products that decides where and how they sell has changed: a listing (text, status,
 * approval), an offer, or stock crossing zero in a region. Search and the storefront's kept pages listen. A
 * change to many products at once (a CSV import) is one event, so that listeners do their work once.
 *
 * @param productIds the products' ids, never empty
 */
public record ProductChanged(Set<Long> productIds) {

	public ProductChanged {
		if (productIds.isEmpty()) {
			throw new IllegalArgumentException("A change names at least one product");
		}
		productIds = Set.copyOf(productIds);
	}

	public ProductChanged(long productId) {
		this(Set.of(productId));
	}

}

package shop.podium.catalog;

import shop.podium.core.Money;

/**
 * One variant as a cart or an order sees it in a region right now: what it is, who sells it, its live price
 * and whether it may be bought.
 *
 * @param label the size, else the colour; {@code null} for a product with a single variant
 * @param available units on the shelf in the region (reservations already taken out)
 */
public record VariantOffer(String sku, long variantId, long productId, String productSlug, String productName,
		String image, String label, long licenseeId, String licenseeName, Money price, Availability availability,
		int available) {

	/** Whether this many may be bought now: the product is sold in the region and enough is left. */
	public boolean purchasable(int quantity) {
		return this.availability.purchasable() && this.available >= quantity;
	}

}

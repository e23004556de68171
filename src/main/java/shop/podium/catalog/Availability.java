package shop.podium.catalog;

/**
 * Whether fans in a region see a product and may buy it.
 */
public enum Availability {

	/** Not sold in the region: not shown anywhere, its page is a 404. */
	NOT_SOLD,

	/** Sold in the region but no variant has stock: shown as sold out, cannot go into a cart. */
	SOLD_OUT,

	/** Shown and purchasable. */
	IN_STOCK;

	public boolean visible() {
		return this != NOT_SOLD;
	}

	public boolean purchasable() {
		return this == IN_STOCK;
	}

}

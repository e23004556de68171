package shop.podium.catalog;

import java.util.List;

import shop.podium.core.Money;

/**
 * Everything a product page shows, in the reader's language and the region's currency.
 */
record ProductDetails(long id, String slug, String skuStem, String name, String description, String image,
		String licenseeName, Facet edition, Facet category, boolean sized, Money price, Availability availability,
		List<VariantOption> variants) {

	record VariantOption(String sku, String size, String colour, int quantity) {

		public boolean inStock() {
			return this.quantity > 0;
		}

		/** What a fan picks: the size, else the colour, else the SKU. */
		public String label() {
			if (this.size != null && !this.size.isBlank()) {
				return this.size;
			}
			return (this.colour != null && !this.colour.isBlank()) ? this.colour : this.sku;
		}

	}

}

/**
 * Editions, categories, sports and products with their variants, regional offers and stock, and the
 * storefront pages fans browse. Holds the one rule that says whether a product is sold in a region
 * ({@link shop.podium.catalog.SellableRule}), asking {@code licensing} which licences are in force.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog")
package shop.podium.catalog;

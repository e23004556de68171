/**
 * The catalog seed: loads a seed directory ({@code catalog-seed/} by default: regions, editions, categories,
 * sports, licensees, licences, products, variants, offers, stock and, in development, demo users) into the
 * database on start, and generates synthetic catalogs of any size for load tests
 * ({@link shop.podium.seed.SyntheticCatalog}).
 *
 * <p>This module writes straight into tables that belong to {@code regions}, {@code licensing},
 * {@code catalog} and {@code accounts}. That is deliberate: it is a bulk bootstrap of demo data and of
 * load-test catalogs of 100,000 products, written with batched SQL by natural keys (region code, slugs,
 * licensee code, licence reference, SKU, email) in one transaction, which going through each module's
 * aggregates row by row could not do in seconds. The schema is the contract it relies on; in code it
 * depends on {@code core} and {@code regions} only, so the module graph stays free of cycles. When it has
 * loaded, it reloads the regions and publishes {@link shop.podium.seed.CatalogSeeded} so that other modules
 * (search) can refresh what they derive from the catalog.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog seed")
package shop.podium.seed;

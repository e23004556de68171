/**
 * Drops: a limited release of an approved listing at a set instant. A licensee proposes it (variants, units per
 * region, start, per-fan limit, checkout window, numbered or not) and the rights holder reviews it as listings are
 * reviewed; fans queue in a waiting room kept in the database, are admitted in arrival order at a set rate with a
 * signed pass every instance can check, hold their units from admission and buy within their window; numbered
 * units get gap-free serials and a public verification code. The module owns its tables and reaches the catalog,
 * cart and orders only through their public API and events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Drops")
package shop.podium.drops;

/**
 * Licensees and their licences: who may sell which categories of which editions in which regions, and
 * when. Knows nothing of products; the catalog asks {@link shop.podium.licensing.LicenceGrants} and
 * applies the answer to its listings.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Licensing")
package shop.podium.licensing;

/**
 * The rights holder's administration landing page: what waits for the administrators today, gathered from the
 * modules that own it — listings to approve (catalog), licences ending soon (licensing) — and the latest
 * activity of the audit log (accounts). Thin: it has no tables of its own.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Administration home")
package shop.podium.backoffice;

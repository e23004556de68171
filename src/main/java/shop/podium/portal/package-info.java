/**
 * The licensee portal: the dashboard licensee staff land on, gathering their listings, order lines and
 * royalties from the modules that own them. Thin: it has no tables of its own.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Licensee portal")
package shop.podium.portal;

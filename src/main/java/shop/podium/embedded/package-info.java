/**
 * Embedded defaults: when an external component is not configured, the shop starts the real thing
 * itself (a MariaDB server, an Elasticsearch node; the payment emulator slots in the same way) so that
 * {@code ./mvnw spring-boot:run} shows a full shop on a machine with only a JDK.
 *
 * <p>Components are started while the environment is prepared, before any bean exists, and the
 * connection settings they publish are ordinary properties, so the rest of the application cannot tell
 * an embedded component from an external one.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Embedded defaults")
package shop.podium.embedded;

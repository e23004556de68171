/**
 * Shared kernel: money, the discovery of every module's message bundle and the small web pieces every
 * module's pages use (error pages with a reference, request logging, limits on what a request may
 * carry). Every module may depend on it; it depends on none of them.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package shop.podium.core;

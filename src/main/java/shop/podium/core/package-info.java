/**
 * Shared kernel: money, clock and the small web pieces every module's pages use (layout model, error
 * pages). Every module may depend on it; it depends on none of them.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package shop.podium.core;

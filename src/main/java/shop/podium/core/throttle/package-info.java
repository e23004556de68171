/**
 * Throttles shared by every instance: attempt counters in the database ({@link shop.podium.core.throttle.Throttles})
 * and the 429 page a refused request gets.
 */
package shop.podium.core.throttle;

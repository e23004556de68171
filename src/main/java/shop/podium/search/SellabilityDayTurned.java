package shop.podium.search;

import java.time.LocalDate;

/**
 * The shop's day turned: licences starting today or ended yesterday change what regions may sell without
 * anyone touching a product. Published through the event registry so a cluster that is down at midnight
 * still gets the change once it is back.
 *
 * @param day the new day
 */
record SellabilityDayTurned(LocalDate day) {
}

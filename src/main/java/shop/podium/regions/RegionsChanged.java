package shop.podium.regions;

/**
 * The regions were read again after a change (a tax rate, a currency, a shipping rate, a new region): whatever
 * was worked out from the old ones must be worked out again.
 */
public record RegionsChanged() {
}

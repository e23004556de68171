package shop.podium.licensing;

/**
 * A licence or its licensee changed (validity, suspension, territories, categories, editions, status):
 * whatever was derived from the grants in force must be looked at again.
 */
public record LicenceChanged(long licenceId) {
}

package shop.podium.catalog;

/**
 * The rights holder approved or rejected a listing (or the pending revision of one): the licensee is told.
 *
 * @param reason why it was rejected; {@code null} when approved
 */
record ListingReviewed(long productId, long licenseeId, String productName, boolean approved, String reason) {
}

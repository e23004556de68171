package shop.podium.catalog;

/**
 * The rights holder approved or rejected a listing (or the pending revision of one): the licensee is told.
 *
 * @param reason why it was rejected; {@code null} when approved
 * @param decision the decision's notice, one per decision: what its emails are recorded under
 */
record ListingReviewed(long productId, long licenseeId, String productName, boolean approved, String reason,
		long decision) {

	ListingReviewed(long productId, long licenseeId, String productName, boolean approved, String reason) {
		this(productId, licenseeId, productName, approved, reason, 0);
	}

	ListingReviewed recordedAs(long decision) {
		return new ListingReviewed(this.productId, this.licenseeId, this.productName, this.approved, this.reason,
				decision);
	}

}

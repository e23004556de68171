package shop.podium.catalog;

/**
 * Where a product's listing is in the approval workflow. Only approved listings are ever sold.
 */
public enum ListingStatus {

	DRAFT, SUBMITTED, APPROVED, REJECTED

}

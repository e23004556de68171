package shop.podium.accounts;

/**
 * What a user is allowed to do. A user holds one or more roles; a {@link #LICENSEE} user acts for exactly one
 * licensee.
 */
public enum Role {

	/** A fan who buys: order history, account details. Every new sign-up gets this role. */
	FAN,

	/** Staff of one licensee: their own listings, order lines and royalties. */
	LICENSEE,

	/** Rights-holder staff: regions, licensees, licences, listing approval. */
	ADMIN,

	/** Finance staff: reconciliation, refunds, royalty statements. */
	FINANCE;

	/** The authority name Spring Security checks ({@code ROLE_FAN} …). */
	public String authority() {
		return "ROLE_" + name();
	}

}

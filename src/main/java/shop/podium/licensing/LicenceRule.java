package shop.podium.licensing;

/**
 * The licence rule a listing breaks, so a screen can name it: "region gb is not in your licence". Checked in
 * this order, because the first one broken is the one the licensee has to fix.
 */
public enum LicenceRule {

	/** No licence of the licensee is in force today (none, expired, not yet valid, suspended, licensee terminated). */
	NO_LICENCE_IN_FORCE,

	/** No licence in force covers the region. */
	TERRITORY,

	/** No licence in force covering the region covers the category. */
	CATEGORY,

	/** No licence in force covering the region and the category covers the edition. */
	EDITION;

	/** The message key naming the rule, e.g. {@code portal.licence.TERRITORY}; the argument is the value refused. */
	public String messageKey() {
		return "portal.licence." + name();
	}

}

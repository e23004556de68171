package shop.podium.catalog;

/**
 * The orders a listing can be sorted in, as they appear in URLs ({@code ?sort=price-asc}).
 */
enum ListingSort {

	POPULAR("popular", "p.popularity DESC, p.id"),

	PRICE_ASC("price-asc", "o.price_minor, p.id"),

	PRICE_DESC("price-desc", "o.price_minor DESC, p.id"),

	NEWEST("newest", "p.created_at DESC, p.id DESC"),

	NAME("name", "name, p.id");

	private final String param;

	private final String orderBy;

	ListingSort(String param, String orderBy) {
		this.param = param;
		this.orderBy = orderBy;
	}

	public String param() {
		return this.param;
	}

	String orderBy() {
		return this.orderBy;
	}

	/** Reads a sort from a URL; anything unknown sorts by popularity, as a listing does by default. */
	static ListingSort fromParam(String param) {
		for (ListingSort sort : values()) {
			if (sort.param.equals(param)) {
				return sort;
			}
		}
		return POPULAR;
	}

}

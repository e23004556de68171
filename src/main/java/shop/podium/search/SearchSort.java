package shop.podium.search;

/**
 * The orders search results can be shown in, as they appear in URLs ({@code ?sort=price-asc}).
 */
enum SearchSort {

	RELEVANCE("relevance"), PRICE_ASC("price-asc"), PRICE_DESC("price-desc"), NEWEST("newest");

	private final String param;

	SearchSort(String param) {
		this.param = param;
	}

	public String param() {
		return this.param;
	}

	/** Anything unknown is relevance. */
	static SearchSort fromParam(String param) {
		for (SearchSort sort : values()) {
			if (sort.param.equals(param)) {
				return sort;
			}
		}
		return RELEVANCE;
	}

}

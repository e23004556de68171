package shop.podium.search;

/**
 * The facets fans narrow results by: their URL parameter and the document field they filter on.
 */
enum FacetField {

	CATEGORY("category", "category", 20), SPORT("sport", "sports", 20), EDITION("edition", "edition", 10),
	LICENSEE("licensee", "licensee", 30), SIZE("size", "sizes", 20), PRICE("price", "price", 10);

	private final String param;

	private final String field;

	private final int size;

	FacetField(String param, String field, int size) {
		this.param = param;
		this.field = field;
		this.size = size;
	}

	public String param() {
		return this.param;
	}

	String field() {
		return this.field;
	}

	/**
	 * The field the facet's values are counted on: the filter field, except for licensees, counted on their code
	 * and name together ({@link #LICENSEE_LABEL_SEPARATOR}) so the counts carry the names fans read.
	 */
	String countField() {
		return (this == LICENSEE) ? "licensee_label" : this.field;
	}

	/** Between a licensee's code and its name in {@code licensee_label}. */
	static final char LICENSEE_LABEL_SEPARATOR = '\u001f';

	/** How many values of the facet are counted. */
	int size() {
		return this.size;
	}

}

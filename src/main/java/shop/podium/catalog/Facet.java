package shop.podium.catalog;

/**
 * An edition, category or sport fans browse by, named in the reader's language.
 */
record Facet(Kind kind, String slug, String name) {

	enum Kind {

		EDITION("editions"), CATEGORY("categories"), SPORT("sports");

		private final String path;

		Kind(String path) {
			this.path = path;
		}

		/** The URL segment of this kind's listing pages. */
		public String path() {
			return this.path;
		}

		static Kind ofPath(String path) {
			for (Kind kind : values()) {
				if (kind.path.equals(path)) {
					return kind;
				}
			}
			throw new IllegalArgumentException("No facet kind at " + path);
		}

	}

}

package shop.podium.search;

import java.util.List;

import shop.podium.catalog.ProductSummary;
import shop.podium.core.Money;

/**
 * One page of search results and everything around it.
 *
 * @param page the page shown, from 1
 * @param total how many products match in all
 * @param didYouMean a corrected query to offer, or {@code null}
 * @param fuzzy whether the results come from the typo-tolerant pass (nothing matched as typed)
 * @param popular the region's popular products, shown instead of an empty page
 * @param degraded whether the database answered because the cluster could not
 * @param busy whether nobody answered: the cluster could not and the database was already answering other fans'
 * searches
 */
record SearchResults(List<Hit> hits, long total, int page, int pageSize, List<FacetGroup> facets, String didYouMean,
		boolean fuzzy, List<ProductSummary> popular, boolean degraded, boolean busy) {

	/** The page for a search nobody could answer now. */
	static SearchResults busy(int page) {
		return new SearchResults(List.of(), 0, page, ProductSearch.PAGE_SIZE, List.of(), null, false, List.of(), true,
				true);
	}

	public int totalPages() {
		return (int) Math.max(1, (this.total + this.pageSize - 1) / this.pageSize);
	}

	public boolean hasPrevious() {
		return this.page > 1;
	}

	public boolean hasNext() {
		return this.page < Math.min(totalPages(), ProductSearch.MAX_PAGE);
	}

	public boolean empty() {
		return this.hits.isEmpty();
	}

	/**
	 * @param nameHtml the name with the matched words marked, HTML-escaped by the cluster except for the marks
	 * @param snippetHtml a piece of the description with the matched words marked, escaped likewise, or {@code null}
	 */
	record Hit(String slug, String name, String nameHtml, String snippetHtml, String image, Money price,
			boolean inStock) {
	}

	record FacetGroup(FacetField facet, List<FacetOption> options) {

		/** The facet's URL parameter. */
		public String key() {
			return this.facet.param();
		}

	}

	/**
	 * @param label what fans read; for price bands, the band in the region's currency
	 */
	record FacetOption(String value, String label, long count, boolean selected) {
	}

}

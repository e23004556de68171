package shop.podium.catalog;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param page the page shown, from 1
 * @param total how many products the whole listing has
 */
record Listing(List<ProductCard> products, int page, int pageSize, long total) {

	public int totalPages() {
		return (int) Math.max(1, (this.total + this.pageSize - 1) / this.pageSize);
	}

	public boolean hasPrevious() {
		return this.page > 1;
	}

	public boolean hasNext() {
		return this.page < totalPages();
	}

	/** The page to show for a requested page: pages before the first or past the last show the nearest one. */
	static int clamp(int requested, long total, int pageSize) {
		int last = (int) Math.max(1, (total + pageSize - 1) / pageSize);
		return Math.min(Math.max(1, requested), last);
	}

}

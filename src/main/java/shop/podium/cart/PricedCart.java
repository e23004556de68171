package shop.podium.cart;

import java.util.List;

import shop.podium.catalog.VariantOffer;
import shop.podium.core.Money;
import shop.podium.regions.Region;

/**
 * A cart as it would sell right now: each line with its live price and whether it can be bought.
 * Lines that cannot be bought are flagged and count for nothing.
 */
public record PricedCart(Region region, List<Line> lines) {

	public PricedCart {
		lines = List.copyOf(lines);
	}

	/** What is wrong with a line, if anything. */
	public enum Problem {
		/** The product is no longer sold in the region (licence, listing, offer) or the SKU is unknown. */
		NOT_SOLD,
		/** None left. */
		SOLD_OUT,
		/** Fewer left than the quantity asked for. */
		NOT_ENOUGH
	}

	/**
	 * @param offer {@code null} for a SKU the catalog does not know (any more)
	 * @param problem {@code null} when the line can be bought as it is
	 */
	public record Line(String sku, int quantity, VariantOffer offer, Problem problem) {

		public boolean purchasable() {
			return this.problem == null;
		}

		public Money total() {
			return this.offer.price().times(this.quantity);
		}

	}

	public boolean empty() {
		return this.lines.isEmpty();
	}

	/** Whether every line can be bought: checkout refuses otherwise. */
	public boolean purchasable() {
		return !this.lines.isEmpty() && this.lines.stream().allMatch(Line::purchasable);
	}

	public List<Line> purchasableLines() {
		return this.lines.stream().filter(Line::purchasable).toList();
	}

	public Money subtotal() {
		return purchasableLines().stream().map(Line::total).reduce(Money.zero(this.region.currency()), Money::plus);
	}

	public int itemCount() {
		return this.lines.stream().mapToInt(Line::quantity).sum();
	}

}

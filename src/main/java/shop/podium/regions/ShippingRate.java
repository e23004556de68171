package shop.podium.regions;

import shop.podium.core.Money;

/**
 * A way of shipping within a region and what it costs.
 * @param freeOver orders at or above this amount ship free with this rate; {@code null} when never free
 */
public record ShippingRate(String code, Money price, Money freeOver, int minDays, int maxDays) {

	public Money priceFor(Money orderTotal) {
		return (this.freeOver != null && orderTotal.compareTo(this.freeOver) >= 0) ? Money.zero(this.price.currency())
				: this.price;
	}

}

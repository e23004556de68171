package shop.podium.cart;

import java.util.Map;

import shop.podium.regions.Region;

/**
 * A rule another module adds to what may go into a cart and out of it as an order, without the cart knowing that
 * module (drops: a limited release is bought only with an admission pass and up to a per-fan limit). Every bean of
 * this type is asked; one that refuses throws {@link CartRefused} with the message for the fan.
 */
public interface CartGate {

	/**
	 * Before a cart holds {@code wanted} units of a variant (what it held plus what is added).
	 * @throws CartRefused when it may not
	 */
	void beforeAdd(Region region, String sku, int wanted);

	/**
	 * In the transaction that places an order from the cart: refusing rolls the whole order back.
	 * @param quantities units per SKU in the order
	 * @throws CartRefused when the order may not be placed
	 */
	void beforeOrder(Region region, String orderNumber, String email, Long accountId, Map<String, Integer> quantities);

}

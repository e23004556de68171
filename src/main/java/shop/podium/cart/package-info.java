/**
 * Carts: one per region (one currency), kept in the database for guests (the session holds only the guest
 * cart's id) and signed-in fans, merged on sign-in. Lines hold only a SKU and a quantity; prices, stock and the sellable rule are read
 * live from the catalog on every view.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cart")
package shop.podium.cart;

package shop.podium.cart;

/** A variant and how many of it: all a cart keeps. */
public record CartLine(String sku, int quantity) {
}

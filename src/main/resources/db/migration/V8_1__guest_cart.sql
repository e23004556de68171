-- Guests' carts, in the database like fans' carts: the guest's session holds only the cart's random id, so a
-- restart, a deploy or another instance finds the same lines. A cart nobody touched for a long while is pruned.
CREATE TABLE guest_cart
(
    id         CHAR(32)     NOT NULL,
    touched_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id)
);

CREATE INDEX guest_cart_touched ON guest_cart (touched_at);

CREATE TABLE guest_cart_line
(
    cart_id     CHAR(32)     NOT NULL,
    region_code VARCHAR(8)   NOT NULL,
    sku         VARCHAR(60)  NOT NULL,
    quantity    INT          NOT NULL,
    added_at    TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (cart_id, region_code, sku),
    CONSTRAINT guest_cart_line_cart FOREIGN KEY (cart_id) REFERENCES guest_cart (id) ON DELETE CASCADE,
    CONSTRAINT guest_cart_line_quantity CHECK (quantity > 0)
);

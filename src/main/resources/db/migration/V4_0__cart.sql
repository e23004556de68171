-- The persisted carts of signed-in fans: one cart per user and region (one currency per cart). Guests keep
-- theirs in the HTTP session. Prices are never stored here: they are read live from the catalog.
CREATE TABLE cart_line
(
    user_id     BIGINT       NOT NULL,
    region_code VARCHAR(8)   NOT NULL,
    sku         VARCHAR(60)  NOT NULL,
    quantity    INT          NOT NULL,
    added_at    TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (user_id, region_code, sku),
    CONSTRAINT cart_line_quantity CHECK (quantity > 0)
);

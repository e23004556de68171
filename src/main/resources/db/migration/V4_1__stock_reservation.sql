-- Stock taken out of stock.quantity for an order awaiting payment. RESERVED until the payment succeeds
-- (COMMITTED) or the checkout expires/fails (RELEASED: the quantity goes back to stock).
CREATE TABLE stock_reservation
(
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    reference   VARCHAR(40)  NOT NULL,
    variant_id  BIGINT       NOT NULL,
    region_code VARCHAR(8)   NOT NULL,
    quantity    INT          NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    created_at  TIMESTAMP(6) NOT NULL,
    updated_at  TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY stock_reservation_by_reference (reference, variant_id),
    KEY stock_reservation_by_status (status),
    CONSTRAINT stock_reservation_variant FOREIGN KEY (variant_id) REFERENCES variant (id),
    CONSTRAINT stock_reservation_quantity CHECK (quantity > 0),
    CONSTRAINT stock_reservation_status CHECK (status IN ('RESERVED', 'COMMITTED', 'RELEASED'))
);

-- Units of an order line put back on the shelf on a refund or a cancellation, so stock goes back at most once
-- per unit bought whichever way the order is refunded.
ALTER TABLE order_line
    ADD COLUMN restocked_quantity INT NOT NULL DEFAULT 0,
    ADD CONSTRAINT order_line_restocked CHECK (restocked_quantity >= 0 AND restocked_quantity <= quantity);

-- Orders refunded before this column existed: a cancellation, and a full refund of an order none of whose lines
-- had shipped, put every unit back.
UPDATE order_line l
    JOIN customer_order o ON o.id = l.order_id
    LEFT JOIN order_line shipped ON shipped.order_id = l.order_id AND shipped.shipped_at IS NOT NULL
SET l.restocked_quantity = l.quantity
WHERE o.status IN ('CANCELLED', 'REFUNDED') AND shipped.id IS NULL;

-- The staff form a refund was sent from (a key drawn when the form is shown): the same form sent twice is one
-- refund, with its stock put back once.
ALTER TABLE order_refund
    ADD COLUMN request_key VARCHAR(64) NULL,
    ADD UNIQUE KEY order_refund_request (order_id, request_key);

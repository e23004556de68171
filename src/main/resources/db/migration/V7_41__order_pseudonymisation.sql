-- An order whose buyer's identity was removed (their account erased, or a guest order past the retention period)
-- keeps what accounting law requires — number, amounts, tax, region and country, lines, status history, refunds —
-- with a pseudonym for the name and address; this says when that happened, so the retention job takes each order
-- once.
ALTER TABLE customer_order ADD COLUMN pseudonymised_at TIMESTAMP(6) NULL;
CREATE INDEX customer_order_guest_retention ON customer_order (pseudonymised_at, user_id, status, updated_at);

-- How long a guest's order keeps the guest's name and address after it closed, set by the rights holder. One
-- row; the default holds until an administrator changes it.
CREATE TABLE order_retention
(
    id                 TINYINT      NOT NULL,
    guest_order_months INT          NOT NULL,
    updated_at         TIMESTAMP(6) NOT NULL,
    updated_by         VARCHAR(254) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT order_retention_single CHECK (id = 1),
    CONSTRAINT order_retention_months CHECK (guest_order_months BETWEEN 1 AND 240)
);

-- The idempotency guard of webhook handling: a Stripe event's effect is applied in the transaction that
-- inserts its row, so a redelivered event finds its id taken and does nothing.
CREATE TABLE payment_event
(
    event_id     VARCHAR(255) NOT NULL,
    type         VARCHAR(100) NOT NULL,
    object_id    VARCHAR(255) NULL,
    outcome      VARCHAR(40)  NOT NULL,
    processed_at TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (event_id),
    KEY payment_event_by_object (object_id)
);

-- The PaymentIntent of each Checkout Session finance looked up, for orders that know their session but never
-- learnt their PaymentIntent (the webhook never arrived): their charges match through the session. A session is
-- looked up again only while it is still open.
CREATE TABLE finance_checkout_session
(
    session_id        VARCHAR(255)  NOT NULL,
    payment_intent_id VARCHAR(255)  NULL,
    status            VARCHAR(16)   NOT NULL,
    checked_at        TIMESTAMP(6)  NOT NULL,
    PRIMARY KEY (session_id),
    KEY finance_checkout_session_by_intent (payment_intent_id)
);

-- The Stripe emulator as a Connect platform. Each object belongs to an account: the platform's (NULL) or a
-- connected account's, as Stripe scopes calls made with the Stripe-Account header. What the emulator must
-- remember about an object but Stripe never shows (when an asynchronous payment settles and how, the card a
-- payment was made with, a session's line items and PaymentIntent metadata, an account link's return URL) is
-- kept beside it, not in the object. Idempotency keys are per account and remember the request they came with.
ALTER TABLE stripe_emulator_object ADD COLUMN account VARCHAR(64) NULL;

CREATE INDEX stripe_emulator_object_by_account ON stripe_emulator_object (account, object, seq);

CREATE TABLE stripe_emulator_private
(
    id   VARCHAR(64) NOT NULL,
    data MEDIUMTEXT  NOT NULL,
    PRIMARY KEY (id)
);

ALTER TABLE stripe_emulator_idempotency ADD COLUMN request_hash VARCHAR(64) NULL;

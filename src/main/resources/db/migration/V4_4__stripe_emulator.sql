-- The local Stripe emulator's own state, kept in the database so payments, balance transactions and
-- undelivered webhooks survive a restart like they would at Stripe. Objects are stored as the JSON Stripe
-- would return; a few fields are copied to columns to find and page them.
CREATE TABLE stripe_emulator_object
(
    seq        BIGINT       NOT NULL AUTO_INCREMENT,
    id         VARCHAR(64)  NOT NULL,
    object     VARCHAR(40)  NOT NULL,
    created    BIGINT       NOT NULL,
    parent     VARCHAR(64)  NULL,
    payout     VARCHAR(64)  NULL,
    data       MEDIUMTEXT   NOT NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY stripe_emulator_object_id (id),
    KEY stripe_emulator_object_by_type (object, seq),
    KEY stripe_emulator_object_by_parent (parent),
    KEY stripe_emulator_object_by_payout (payout)
);

CREATE TABLE stripe_emulator_idempotency
(
    idempotency_key VARCHAR(255) NOT NULL,
    request_path    VARCHAR(255) NOT NULL,
    status          INT          NOT NULL,
    response        MEDIUMTEXT   NOT NULL,
    created_at      TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (idempotency_key)
);

CREATE TABLE stripe_emulator_delivery
(
    event_id        VARCHAR(64)   NOT NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP(6)  NOT NULL,
    delivered_at    TIMESTAMP(6)  NULL,
    last_status     INT           NULL,
    last_error      VARCHAR(500)  NULL,
    PRIMARY KEY (event_id),
    KEY stripe_emulator_delivery_due (delivered_at, next_attempt_at)
);

-- Finance's own ledger of the shop's orders, built from the orders module's OrderChanged events (and, once, from
-- its API for orders placed before): reconciliation, reports and royalty statements read these tables only.
-- Ids are the orders module's own, so discrepancies and statements keep referring to the same orders and refunds.
-- Each order row keeps the version of the facts it holds: older or replayed facts change nothing.
CREATE TABLE finance_order
(
    id                       BIGINT        NOT NULL,
    number                   VARCHAR(20)   NOT NULL,
    version                  BIGINT        NOT NULL,
    region_code              VARCHAR(8)    NOT NULL,
    currency                 CHAR(3)       NOT NULL,
    status                   VARCHAR(24)   NOT NULL,
    total_minor              BIGINT        NOT NULL,
    tax_minor                BIGINT        NOT NULL,
    tax_inclusive            BOOLEAN       NOT NULL,
    refunded_minor           BIGINT        NOT NULL,
    stripe_session_id        VARCHAR(255)  NULL,
    stripe_payment_intent_id VARCHAR(255)  NULL,
    created_at               TIMESTAMP(6)  NOT NULL,
    paid_at                  TIMESTAMP(6)  NULL,
    recorded_at              TIMESTAMP(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY finance_order_number (number),
    KEY finance_order_by_session (stripe_session_id),
    KEY finance_order_by_payment_intent (stripe_payment_intent_id),
    KEY finance_order_by_paid (paid_at)
);

-- One row per order line: who sold what, of which category and edition, at what price.
CREATE TABLE finance_order_line
(
    order_id         BIGINT       NOT NULL,
    position         INT          NOT NULL,
    licensee_id      BIGINT       NOT NULL,
    licensee_name    VARCHAR(160) NOT NULL,
    product_slug     VARCHAR(120) NOT NULL,
    category_slug    VARCHAR(120) NULL,
    edition_slug     VARCHAR(120) NULL,
    unit_price_minor BIGINT       NOT NULL,
    quantity         INT          NOT NULL,
    tax_minor        BIGINT       NOT NULL,
    PRIMARY KEY (order_id, position),
    KEY finance_order_line_by_licensee (licensee_id, order_id)
);

-- One row per refund the shop recorded (from the shop or found in Stripe).
CREATE TABLE finance_order_refund
(
    id               BIGINT        NOT NULL,
    order_id         BIGINT        NOT NULL,
    stripe_refund_id VARCHAR(255)  NULL,
    amount_minor     BIGINT        NOT NULL,
    reason           VARCHAR(500)  NULL,
    created_at       TIMESTAMP(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY finance_order_refund_stripe (stripe_refund_id),
    KEY finance_order_refund_by_order (order_id),
    KEY finance_order_refund_by_created (created_at)
);

-- One-off tasks that must run once per database, whichever instance starts first (the ledger's backfill).
CREATE TABLE finance_ledger_task
(
    name         VARCHAR(64)  NOT NULL,
    completed_at TIMESTAMP(6) NOT NULL,
    orders       BIGINT       NOT NULL,
    PRIMARY KEY (name)
);

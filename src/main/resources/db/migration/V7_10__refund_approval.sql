-- Four-eyes refunds (orders' RefundApprovals): the amount per currency above which a refund asked for by one
-- finance person waits for a second one's approval, set by the rights holder. Per currency, so the rule reads in
-- the order's own money and never moves with an exchange rate. A currency with no row has no allowance: every
-- refund in it waits for approval until an admin sets one.
CREATE TABLE refund_threshold
(
    currency     CHAR(3)       NOT NULL,
    amount_minor BIGINT        NOT NULL,
    updated_by   VARCHAR(254)  NOT NULL,
    updated_at   TIMESTAMP(6)  NOT NULL,
    PRIMARY KEY (currency),
    CONSTRAINT refund_threshold_amount CHECK (amount_minor >= 0)
);

-- About 1,000 euros' worth in each currency the regions use; the admin changes them on /admin/refund-thresholds.
INSERT INTO refund_threshold (currency, amount_minor, updated_by, updated_at)
VALUES ('EUR', 100000, 'system', CURRENT_TIMESTAMP(6)),
       ('USD', 100000, 'system', CURRENT_TIMESTAMP(6)),
       ('GBP', 100000, 'system', CURRENT_TIMESTAMP(6)),
       ('JPY', 150000, 'system', CURRENT_TIMESTAMP(6)),
       ('KRW', 1500000, 'system', CURRENT_TIMESTAMP(6)),
       ('AUD', 150000, 'system', CURRENT_TIMESTAMP(6)),
       ('CNY', 750000, 'system', CURRENT_TIMESTAMP(6));

-- A refund above the threshold, from request to decision. Only a PENDING row can be decided, by one UPDATE that
-- also checks the approver is not the requester, so two approvals at once (on two instances) decide it once.
-- request_key is the form's key, and the Stripe idempotency key of the refund once approved.
CREATE TABLE refund_approval
(
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    order_number     VARCHAR(20)   NOT NULL,
    amount_minor     BIGINT        NOT NULL,
    currency         CHAR(3)       NOT NULL,
    reason           VARCHAR(500)  NOT NULL,
    request_key      VARCHAR(64)   NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    requested_by_id  BIGINT        NOT NULL,
    requested_by     VARCHAR(254)  NOT NULL,
    requested_at     TIMESTAMP(6)  NOT NULL,
    decided_by_id    BIGINT        NULL,
    decided_by       VARCHAR(254)  NULL,
    decided_at       TIMESTAMP(6)  NULL,
    rejection_reason VARCHAR(500)  NULL,
    PRIMARY KEY (id),
    UNIQUE KEY refund_approval_request (request_key),
    KEY refund_approval_by_status (status, requested_at),
    CONSTRAINT refund_approval_amount CHECK (amount_minor > 0),
    CONSTRAINT refund_approval_status CHECK (status IN ('PENDING', 'EXECUTED', 'REJECTED'))
);

-- Stripe's ledger as finance imported it: one row per balance transaction (unique Stripe id, so a re-run or a
-- re-uploaded report inserts nothing twice), with amount/fee/net/exchange_rate exactly as Stripe reports them
-- (minor units of the settlement currency) and the source object's own amount and currency (presentment).
CREATE TABLE finance_balance_transaction
(
    id                 VARCHAR(64)    NOT NULL,
    created_at         TIMESTAMP(6)   NOT NULL,
    type               VARCHAR(40)    NOT NULL,
    reporting_category VARCHAR(40)    NOT NULL,
    amount_minor       BIGINT         NOT NULL,
    fee_minor          BIGINT         NOT NULL,
    net_minor          BIGINT         NOT NULL,
    currency           CHAR(3)        NOT NULL,
    exchange_rate      DECIMAL(20, 10) NULL,
    description        VARCHAR(500)   NULL,
    source_id          VARCHAR(64)    NULL,
    source_amount      BIGINT         NULL,
    source_currency    CHAR(3)        NULL,
    payment_intent_id  VARCHAR(255)   NULL,
    charge_id          VARCHAR(64)    NULL,
    metadata_order     VARCHAR(40)    NULL,
    payout_id          VARCHAR(64)    NULL,
    origin             VARCHAR(8)     NOT NULL,
    upload_id          BIGINT         NULL,
    imported_at        TIMESTAMP(6)   NOT NULL,
    order_number       VARCHAR(20)    NULL,
    matched            BOOLEAN        NOT NULL DEFAULT FALSE,
    PRIMARY KEY (id),
    KEY finance_bt_by_created (created_at, id),
    KEY finance_bt_by_payout (payout_id),
    KEY finance_bt_by_intent (payment_intent_id),
    KEY finance_bt_by_source (source_id),
    KEY finance_bt_by_order (order_number),
    KEY finance_bt_unmatched (matched, reporting_category)
);

CREATE TABLE finance_payout
(
    id           VARCHAR(64)  NOT NULL,
    created_at   TIMESTAMP(6) NOT NULL,
    arrival_date TIMESTAMP(6) NULL,
    amount_minor BIGINT       NOT NULL,
    currency     CHAR(3)      NOT NULL,
    status       VARCHAR(24)  NOT NULL,
    linked       BOOLEAN      NOT NULL DEFAULT FALSE,
    imported_at  TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (id),
    KEY finance_payout_by_created (created_at)
);

-- Where the last import stopped, per Stripe list: the newest (created, id) seen. The next run asks for
-- created >= that second and lets the unique ids drop what it already has.
CREATE TABLE finance_import_cursor
(
    stream     VARCHAR(40)  NOT NULL,
    created    BIGINT       NOT NULL,
    last_id    VARCHAR(64)  NOT NULL,
    PRIMARY KEY (stream)
);

CREATE TABLE finance_import_run
(
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    trigger_kind  VARCHAR(16)   NOT NULL,
    started_by    VARCHAR(254)  NOT NULL,
    started_at    TIMESTAMP(6)  NOT NULL,
    finished_at   TIMESTAMP(6)  NULL,
    status        VARCHAR(16)   NOT NULL,
    fetched       INT           NOT NULL DEFAULT 0,
    inserted      INT           NOT NULL DEFAULT 0,
    payouts       INT           NOT NULL DEFAULT 0,
    discrepancies INT           NOT NULL DEFAULT 0,
    message       VARCHAR(500)  NULL,
    PRIMARY KEY (id),
    KEY finance_import_run_by_start (started_at)
);

CREATE TABLE finance_report_upload
(
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    sha256       CHAR(64)      NOT NULL,
    file_name    VARCHAR(255)  NOT NULL,
    rows_read    INT           NOT NULL,
    rows_new     INT           NOT NULL,
    uploaded_at  TIMESTAMP(6)  NOT NULL,
    uploaded_by  VARCHAR(254)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY finance_report_upload_sha (sha256)
);

-- The queue: one row per problem (kind + subject unique, so re-matching finds it again instead of adding it),
-- its history in finance_discrepancy_event.
CREATE TABLE finance_discrepancy
(
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    kind         VARCHAR(40)   NOT NULL,
    subject      VARCHAR(255)  NOT NULL,
    order_number VARCHAR(20)   NULL,
    stripe_id    VARCHAR(64)   NULL,
    amount_minor BIGINT        NULL,
    currency     CHAR(3)       NULL,
    detail       VARCHAR(500)  NULL,
    status       VARCHAR(16)   NOT NULL,
    assignee     VARCHAR(254)  NULL,
    resolution   VARCHAR(500)  NULL,
    found_at     TIMESTAMP(6)  NOT NULL,
    resolved_at  TIMESTAMP(6)  NULL,
    resolved_by  VARCHAR(254)  NULL,
    PRIMARY KEY (id),
    UNIQUE KEY finance_discrepancy_subject (kind, subject),
    KEY finance_discrepancy_by_status (status, found_at)
);

CREATE TABLE finance_discrepancy_event
(
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    discrepancy_id  BIGINT        NOT NULL,
    occurred_at     TIMESTAMP(6)  NOT NULL,
    actor           VARCHAR(254)  NOT NULL,
    action          VARCHAR(16)   NOT NULL,
    body            VARCHAR(1000) NULL,
    PRIMARY KEY (id),
    KEY finance_discrepancy_event_by_item (discrepancy_id, id),
    CONSTRAINT finance_discrepancy_event_item FOREIGN KEY (discrepancy_id) REFERENCES finance_discrepancy (id)
);

-- A closed period (yyyy-MM or yyyy-Qn) and its frozen statement lines: what was billed, never recomputed.
CREATE TABLE finance_period
(
    period     VARCHAR(8)    NOT NULL,
    closed_at  TIMESTAMP(6)  NOT NULL,
    closed_by  VARCHAR(254)  NOT NULL,
    PRIMARY KEY (period)
);

CREATE TABLE finance_royalty_line
(
    id                  BIGINT         NOT NULL AUTO_INCREMENT,
    period              VARCHAR(8)     NOT NULL,
    licensee_id         BIGINT         NOT NULL,
    licence_reference   VARCHAR(60)    NOT NULL,
    currency            CHAR(3)        NOT NULL,
    gross_minor         BIGINT         NOT NULL,
    returns_minor       BIGINT         NOT NULL,
    adjustments_minor   BIGINT         NOT NULL,
    royalty_rate        DECIMAL(6, 4)  NOT NULL,
    royalty_minor       BIGINT         NOT NULL,
    PRIMARY KEY (id),
    KEY finance_royalty_line_by_statement (period, licensee_id),
    CONSTRAINT finance_royalty_line_period FOREIGN KEY (period) REFERENCES finance_period (period)
);

CREATE TABLE finance_royalty_guarantee
(
    period            VARCHAR(8)    NOT NULL,
    licensee_id       BIGINT        NOT NULL,
    licence_reference VARCHAR(60)   NOT NULL,
    currency          CHAR(3)       NOT NULL,
    guarantee_minor   BIGINT        NOT NULL,
    converted_minor   BIGINT        NOT NULL,
    shortfall_minor   BIGINT        NOT NULL,
    unconverted       VARCHAR(100)  NULL,
    PRIMARY KEY (period, licensee_id, licence_reference),
    CONSTRAINT finance_royalty_guarantee_period FOREIGN KEY (period) REFERENCES finance_period (period)
);

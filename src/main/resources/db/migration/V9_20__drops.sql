-- Drops: limited releases of an approved listing at a set instant. These tables are the drops module's own;
-- products, variants and licensees are referred to by id and their names copied at proposal time, so no
-- other module's table is joined.
CREATE TABLE drop_release
(
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    product_id      BIGINT       NOT NULL,
    product_slug    VARCHAR(160) NOT NULL,
    product_name    VARCHAR(200) NOT NULL,
    licensee_id     BIGINT       NOT NULL,
    licensee_name   VARCHAR(200) NOT NULL,
    edition_name    VARCHAR(200) NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    starts_at       TIMESTAMP(6) NOT NULL,
    start_zone      VARCHAR(64)  NOT NULL,
    per_fan_limit   INT          NOT NULL,
    window_minutes  INT          NOT NULL,
    numbered        BOOLEAN      NOT NULL,
    reject_reason   VARCHAR(500) NULL,
    refused         INT          NOT NULL DEFAULT 0,
    created_at      TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (id),
    KEY drop_release_by_product (product_id),
    KEY drop_release_by_licensee (licensee_id)
);

-- Units per variant and region.
CREATE TABLE drop_unit
(
    drop_id     BIGINT      NOT NULL,
    variant_id  BIGINT      NOT NULL,
    sku         VARCHAR(64) NOT NULL,
    label       VARCHAR(80) NULL,
    region_code VARCHAR(8)  NOT NULL,
    units       INT         NOT NULL,
    PRIMARY KEY (drop_id, sku, region_code),
    KEY drop_unit_by_sku (sku)
);

-- The waiting room: one place per fan and drop (fan_key: "a:<account id>" or "g:<guest id>"). line_key orders
-- admission: the arrival second (never before the start) then a random draw, so fans arriving in the same second,
-- and everyone who came before the start, are ordered by chance, never by instance.
CREATE TABLE drop_place
(
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    drop_id      BIGINT       NOT NULL,
    region_code  VARCHAR(8)   NOT NULL,
    fan_key      VARCHAR(80)  NOT NULL,
    line_key     BIGINT       NOT NULL,
    joined_at    TIMESTAMP(6) NOT NULL,
    admitted_at  TIMESTAMP(6) NULL,
    window_ends  TIMESTAMP(6) NULL,
    held         INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY drop_place_one_per_fan (drop_id, fan_key),
    KEY drop_place_line (drop_id, region_code, admitted_at, line_key)
);

-- Orders placed with drop units: what counts against the units and the per-fan limit (by account and by email).
CREATE TABLE drop_order
(
    order_number VARCHAR(40)  NOT NULL,
    drop_id      BIGINT       NOT NULL,
    place_id     BIGINT       NOT NULL,
    region_code  VARCHAR(8)   NOT NULL,
    sku          VARCHAR(64)  NOT NULL,
    units        INT          NOT NULL,
    account_id   BIGINT       NULL,
    email        VARCHAR(254) NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    window_ends  TIMESTAMP(6) NOT NULL,
    placed_at    TIMESTAMP(6) NOT NULL,
    paid_at      TIMESTAMP(6) NULL,
    PRIMARY KEY (order_number, drop_id, sku),
    KEY drop_order_by_drop (drop_id, status),
    KEY drop_order_by_place (place_id)
);

-- "Tell me when it opens".
CREATE TABLE drop_notice
(
    drop_id     BIGINT       NOT NULL,
    email       VARCHAR(254) NOT NULL,
    region_code VARCHAR(8)   NOT NULL,
    locale      VARCHAR(16)  NOT NULL,
    created_at  TIMESTAMP(6) NOT NULL,
    sent_at     TIMESTAMP(6) NULL,
    PRIMARY KEY (drop_id, email)
);

-- The next serial of a numbered drop, updated in the transaction that records a payment: serials are gap-free.
CREATE TABLE drop_serial_counter
(
    drop_id     BIGINT NOT NULL,
    last_serial INT    NOT NULL,
    PRIMARY KEY (drop_id)
);

CREATE TABLE drop_serial
(
    drop_id      BIGINT       NOT NULL,
    serial       INT          NOT NULL,
    code         VARCHAR(32)  NOT NULL,
    order_number VARCHAR(40)  NOT NULL,
    sku          VARCHAR(64)  NOT NULL,
    sold_at      TIMESTAMP(6) NOT NULL,
    voided_at    TIMESTAMP(6) NULL,
    PRIMARY KEY (drop_id, serial),
    UNIQUE KEY drop_serial_code (code),
    KEY drop_serial_by_order (order_number)
);

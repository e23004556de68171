-- "order" is a reserved word, hence customer_order.
CREATE TABLE customer_order
(
    id                       BIGINT        NOT NULL AUTO_INCREMENT,
    number                   VARCHAR(20)   NOT NULL,
    region_code              VARCHAR(8)    NOT NULL,
    currency                 CHAR(3)       NOT NULL,
    locale                   VARCHAR(16)   NOT NULL,
    user_id                  BIGINT        NULL,
    email                    VARCHAR(254)  NOT NULL,
    ship_name                VARCHAR(120)  NOT NULL,
    ship_line1               VARCHAR(200)  NOT NULL,
    ship_line2               VARCHAR(200)  NULL,
    ship_city                VARCHAR(120)  NOT NULL,
    ship_postcode            VARCHAR(20)   NOT NULL,
    ship_country             VARCHAR(60)   NOT NULL,
    shipping_code            VARCHAR(32)   NOT NULL,
    subtotal_minor           BIGINT        NOT NULL,
    shipping_minor           BIGINT        NOT NULL,
    tax_minor                BIGINT        NOT NULL,
    tax_inclusive            BOOLEAN       NOT NULL,
    tax_label                VARCHAR(40)   NOT NULL,
    total_minor              BIGINT        NOT NULL,
    refunded_minor           BIGINT        NOT NULL DEFAULT 0,
    status                   VARCHAR(24)   NOT NULL,
    stripe_session_id        VARCHAR(255)  NULL,
    stripe_session_url       VARCHAR(2000) NULL,
    stripe_payment_intent_id VARCHAR(255)  NULL,
    session_expires_at       TIMESTAMP(6)  NULL,
    disputed                 BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at               TIMESTAMP(6)  NOT NULL,
    updated_at               TIMESTAMP(6)  NOT NULL,
    paid_at                  TIMESTAMP(6)  NULL,
    version                  BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY customer_order_number (number),
    UNIQUE KEY customer_order_session (stripe_session_id),
    KEY customer_order_by_user (user_id, created_at),
    KEY customer_order_by_status (status, session_expires_at),
    KEY customer_order_by_payment_intent (stripe_payment_intent_id),
    CONSTRAINT customer_order_amounts CHECK (subtotal_minor >= 0 AND shipping_minor >= 0 AND tax_minor >= 0
        AND total_minor >= 0 AND refunded_minor >= 0 AND refunded_minor <= total_minor)
);

CREATE TABLE order_line
(
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    order_id         BIGINT       NOT NULL,
    position         INT          NOT NULL,
    variant_id       BIGINT       NOT NULL,
    sku              VARCHAR(60)  NOT NULL,
    product_slug     VARCHAR(120) NOT NULL,
    product_name     VARCHAR(200) NOT NULL,
    variant_label    VARCHAR(60)  NULL,
    licensee_id      BIGINT       NOT NULL,
    licensee_name    VARCHAR(160) NOT NULL,
    unit_price_minor BIGINT       NOT NULL,
    quantity         INT          NOT NULL,
    tax_minor        BIGINT       NOT NULL,
    carrier          VARCHAR(60)  NULL,
    tracking_number  VARCHAR(80)  NULL,
    shipped_at       TIMESTAMP(6) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY order_line_position (order_id, position),
    KEY order_line_by_licensee (licensee_id, order_id),
    CONSTRAINT order_line_order FOREIGN KEY (order_id) REFERENCES customer_order (id) ON DELETE CASCADE,
    CONSTRAINT order_line_quantity CHECK (quantity > 0)
);

CREATE TABLE order_status_change
(
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    order_id    BIGINT        NOT NULL,
    status      VARCHAR(24)   NOT NULL,
    occurred_at TIMESTAMP(6)  NOT NULL,
    note        VARCHAR(500)  NULL,
    PRIMARY KEY (id),
    KEY order_status_change_by_order (order_id, id),
    CONSTRAINT order_status_change_order FOREIGN KEY (order_id) REFERENCES customer_order (id) ON DELETE CASCADE
);

-- Refunds as the shop knows them: issued from the shop (with the Stripe refund id) or found in Stripe
-- through charge.refunded (made in the dashboard).
CREATE TABLE order_refund
(
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    order_id         BIGINT        NOT NULL,
    stripe_refund_id VARCHAR(255)  NULL,
    amount_minor     BIGINT        NOT NULL,
    reason           VARCHAR(500)  NULL,
    source           VARCHAR(16)   NOT NULL,
    created_at       TIMESTAMP(6)  NOT NULL,
    created_by       VARCHAR(254)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY order_refund_stripe (stripe_refund_id),
    KEY order_refund_by_order (order_id),
    CONSTRAINT order_refund_order FOREIGN KEY (order_id) REFERENCES customer_order (id) ON DELETE CASCADE,
    CONSTRAINT order_refund_amount CHECK (amount_minor > 0)
);

-- Every mail the shop sends, in order: the dev outbox when no SMTP server is configured, and the guard that
-- sends an order's confirmation once.
CREATE TABLE mail_outbox
(
    id           BIGINT         NOT NULL AUTO_INCREMENT,
    dedupe_key   VARCHAR(120)   NOT NULL,
    recipient    VARCHAR(254)   NOT NULL,
    subject      VARCHAR(300)   NOT NULL,
    body         MEDIUMTEXT     NOT NULL,
    created_at   TIMESTAMP(6)   NOT NULL,
    delivered_by VARCHAR(16)    NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY mail_outbox_dedupe (dedupe_key)
);

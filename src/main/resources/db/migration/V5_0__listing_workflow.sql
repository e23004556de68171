-- The pending revision of an approved listing: its customer-facing fields as the licensee last edited them.
-- The product row keeps the approved version on sale until an administrator approves this one.
CREATE TABLE product_revision
(
    product_id       BIGINT        NOT NULL,
    category_id      BIGINT        NOT NULL,
    edition_id       BIGINT        NOT NULL,
    image            VARCHAR(200)  NULL,
    sports           VARCHAR(1000) NOT NULL DEFAULT '',
    status           VARCHAR(16)   NOT NULL,
    rejection_reason VARCHAR(1000) NULL,
    submitted_at     TIMESTAMP(6)  NULL,
    updated_at       TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (product_id),
    CONSTRAINT product_revision_product FOREIGN KEY (product_id) REFERENCES product (id) ON DELETE CASCADE,
    CONSTRAINT product_revision_category FOREIGN KEY (category_id) REFERENCES category (id),
    CONSTRAINT product_revision_edition FOREIGN KEY (edition_id) REFERENCES edition (id),
    CONSTRAINT product_revision_status CHECK (status IN ('DRAFT', 'SUBMITTED', 'REJECTED'))
);

CREATE TABLE product_revision_text
(
    product_id  BIGINT        NOT NULL,
    locale      VARCHAR(16)   NOT NULL,
    name        VARCHAR(200)  NOT NULL,
    description VARCHAR(4000) NOT NULL,
    PRIMARY KEY (product_id, locale),
    CONSTRAINT product_revision_text_revision FOREIGN KEY (product_id) REFERENCES product_revision (product_id)
        ON DELETE CASCADE
);

ALTER TABLE product ADD COLUMN submitted_at TIMESTAMP(6) NULL;
ALTER TABLE product ADD KEY product_by_status (status, submitted_at);

-- What the licensee is told about their listings (approved, rejected with the reason), newest first.
CREATE TABLE listing_notice
(
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    licensee_id BIGINT        NOT NULL,
    product_id  BIGINT        NOT NULL,
    kind        VARCHAR(16)   NOT NULL,
    reason      VARCHAR(1000) NULL,
    created_at  TIMESTAMP(6)  NOT NULL,
    PRIMARY KEY (id),
    KEY listing_notice_by_licensee (licensee_id, created_at),
    CONSTRAINT listing_notice_product FOREIGN KEY (product_id) REFERENCES product (id) ON DELETE CASCADE,
    CONSTRAINT listing_notice_kind CHECK (kind IN ('APPROVED', 'REJECTED'))
);

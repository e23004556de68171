CREATE TABLE edition
(
    id       BIGINT      NOT NULL AUTO_INCREMENT,
    slug     VARCHAR(80) NOT NULL,
    year     INT         NOT NULL,
    season   VARCHAR(16) NOT NULL,
    position INT         NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY edition_slug (slug)
);

CREATE TABLE edition_text
(
    edition_id BIGINT       NOT NULL,
    locale     VARCHAR(16)  NOT NULL,
    name       VARCHAR(160) NOT NULL,
    PRIMARY KEY (edition_id, locale),
    CONSTRAINT edition_text_edition FOREIGN KEY (edition_id) REFERENCES edition (id) ON DELETE CASCADE
);

CREATE TABLE category
(
    id       BIGINT      NOT NULL AUTO_INCREMENT,
    slug     VARCHAR(80) NOT NULL,
    sized    BOOLEAN     NOT NULL DEFAULT FALSE,
    position INT         NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY category_slug (slug)
);

CREATE TABLE category_text
(
    category_id BIGINT       NOT NULL,
    locale      VARCHAR(16)  NOT NULL,
    name        VARCHAR(160) NOT NULL,
    PRIMARY KEY (category_id, locale),
    CONSTRAINT category_text_category FOREIGN KEY (category_id) REFERENCES category (id) ON DELETE CASCADE
);

CREATE TABLE sport
(
    id       BIGINT      NOT NULL AUTO_INCREMENT,
    slug     VARCHAR(80) NOT NULL,
    position INT         NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY sport_slug (slug)
);

CREATE TABLE sport_text
(
    sport_id BIGINT       NOT NULL,
    locale   VARCHAR(16)  NOT NULL,
    name     VARCHAR(160) NOT NULL,
    PRIMARY KEY (sport_id, locale),
    CONSTRAINT sport_text_sport FOREIGN KEY (sport_id) REFERENCES sport (id) ON DELETE CASCADE
);

CREATE TABLE product
(
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    slug             VARCHAR(120) NOT NULL,
    licensee_id      BIGINT       NOT NULL,
    sku_stem         VARCHAR(40)  NOT NULL,
    category_id      BIGINT       NOT NULL,
    edition_id       BIGINT       NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    rejection_reason VARCHAR(1000) NULL,
    image            VARCHAR(200) NULL,
    popularity       INT          NOT NULL DEFAULT 0,
    created_at       TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at       TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    version          BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY product_slug (slug),
    UNIQUE KEY product_sku_stem (sku_stem),
    KEY product_by_licensee (licensee_id),
    KEY product_by_category (category_id, status),
    KEY product_by_edition (edition_id, status),
    CONSTRAINT product_category FOREIGN KEY (category_id) REFERENCES category (id),
    CONSTRAINT product_edition FOREIGN KEY (edition_id) REFERENCES edition (id),
    CONSTRAINT product_licensee FOREIGN KEY (licensee_id) REFERENCES licensee (id),
    CONSTRAINT product_status CHECK (status IN ('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED'))
);

CREATE TABLE product_text
(
    product_id  BIGINT        NOT NULL,
    locale      VARCHAR(16)   NOT NULL,
    name        VARCHAR(200)  NOT NULL,
    description VARCHAR(4000) NOT NULL,
    PRIMARY KEY (product_id, locale),
    CONSTRAINT product_text_product FOREIGN KEY (product_id) REFERENCES product (id) ON DELETE CASCADE
);

CREATE TABLE product_sport
(
    product_id BIGINT NOT NULL,
    sport_id   BIGINT NOT NULL,
    PRIMARY KEY (product_id, sport_id),
    KEY product_sport_by_sport (sport_id),
    CONSTRAINT product_sport_product FOREIGN KEY (product_id) REFERENCES product (id) ON DELETE CASCADE,
    CONSTRAINT product_sport_sport FOREIGN KEY (sport_id) REFERENCES sport (id)
);

CREATE TABLE variant
(
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    product_id BIGINT      NOT NULL,
    sku        VARCHAR(60) NOT NULL,
    size       VARCHAR(16) NULL,
    colour     VARCHAR(40) NULL,
    position   INT         NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY variant_sku (sku),
    KEY variant_by_product (product_id),
    CONSTRAINT variant_product FOREIGN KEY (product_id) REFERENCES product (id) ON DELETE CASCADE
);

-- An offer is a product's price in one region, in that region's currency (minor units).
CREATE TABLE offer
(
    id          BIGINT     NOT NULL AUTO_INCREMENT,
    product_id  BIGINT     NOT NULL,
    region_code VARCHAR(8) NOT NULL,
    price_minor BIGINT     NOT NULL,
    currency    CHAR(3)    NOT NULL,
    active      BOOLEAN    NOT NULL DEFAULT TRUE,
    version     BIGINT     NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY offer_by_product_region (product_id, region_code),
    KEY offer_by_region (region_code, active, price_minor),
    CONSTRAINT offer_product FOREIGN KEY (product_id) REFERENCES product (id) ON DELETE CASCADE,
    CONSTRAINT offer_region FOREIGN KEY (region_code) REFERENCES region (code),
    CONSTRAINT offer_price CHECK (price_minor > 0)
);

-- Stock of one variant in one region; the version guards concurrent reservations.
CREATE TABLE stock
(
    variant_id  BIGINT     NOT NULL,
    region_code VARCHAR(8) NOT NULL,
    quantity    INT        NOT NULL,
    version     BIGINT     NOT NULL DEFAULT 0,
    PRIMARY KEY (variant_id, region_code),
    KEY stock_by_region (region_code),
    CONSTRAINT stock_variant FOREIGN KEY (variant_id) REFERENCES variant (id) ON DELETE CASCADE,
    CONSTRAINT stock_region FOREIGN KEY (region_code) REFERENCES region (code),
    CONSTRAINT stock_quantity CHECK (quantity >= 0)
);

-- Licensing knows nothing of products: categories and editions are referred to by their slugs.
CREATE TABLE licensee
(
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    code       VARCHAR(60)  NOT NULL,
    name       VARCHAR(160) NOT NULL,
    kind       VARCHAR(16)  NOT NULL,
    status     VARCHAR(16)  NOT NULL,
    created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    version    BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY licensee_code (code),
    CONSTRAINT licensee_kind CHECK (kind IN ('MANUFACTURER', 'NOC', 'RETAILER')),
    CONSTRAINT licensee_status CHECK (status IN ('ACTIVE', 'TERMINATED'))
);

CREATE TABLE licence
(
    id                      BIGINT        NOT NULL AUTO_INCREMENT,
    licensee_id             BIGINT        NOT NULL,
    reference               VARCHAR(60)   NOT NULL,
    valid_from              DATE          NOT NULL,
    valid_to                DATE          NOT NULL,
    suspended               BOOLEAN       NOT NULL DEFAULT FALSE,
    royalty_rate            DECIMAL(6, 4) NOT NULL,
    minimum_guarantee_minor BIGINT        NOT NULL DEFAULT 0,
    minimum_guarantee_currency CHAR(3)    NOT NULL DEFAULT 'USD',
    version                 BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY licence_reference (reference),
    KEY licence_by_licensee (licensee_id),
    CONSTRAINT licence_licensee FOREIGN KEY (licensee_id) REFERENCES licensee (id),
    CONSTRAINT licence_validity CHECK (valid_from <= valid_to)
);

CREATE TABLE licence_territory
(
    licence_id  BIGINT     NOT NULL,
    region_code VARCHAR(8) NOT NULL,
    PRIMARY KEY (licence_id, region_code),
    CONSTRAINT licence_territory_licence FOREIGN KEY (licence_id) REFERENCES licence (id) ON DELETE CASCADE
);

CREATE TABLE licence_category
(
    licence_id    BIGINT      NOT NULL,
    category_slug VARCHAR(80) NOT NULL,
    PRIMARY KEY (licence_id, category_slug),
    CONSTRAINT licence_category_licence FOREIGN KEY (licence_id) REFERENCES licence (id) ON DELETE CASCADE
);

CREATE TABLE licence_edition
(
    licence_id   BIGINT      NOT NULL,
    edition_slug VARCHAR(80) NOT NULL,
    PRIMARY KEY (licence_id, edition_slug),
    CONSTRAINT licence_edition_licence FOREIGN KEY (licence_id) REFERENCES licence (id) ON DELETE CASCADE
);

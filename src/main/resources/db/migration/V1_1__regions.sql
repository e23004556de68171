CREATE TABLE region
(
    code              VARCHAR(8)   NOT NULL,
    name              VARCHAR(80)  NOT NULL,
    currency          CHAR(3)      NOT NULL,
    default_locale    VARCHAR(16)  NOT NULL,
    supported_locales VARCHAR(200) NOT NULL,
    tax_mode          VARCHAR(16)  NOT NULL,
    tax_rate          DECIMAL(6, 4) NOT NULL,
    tax_label         VARCHAR(40)  NOT NULL,
    theme             VARCHAR(60)  NOT NULL,
    position          INT          NOT NULL DEFAULT 0,
    version           BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (code),
    CONSTRAINT region_tax_mode CHECK (tax_mode IN ('INCLUSIVE', 'EXCLUSIVE'))
);

CREATE TABLE shipping_rate
(
    id               BIGINT      NOT NULL AUTO_INCREMENT,
    region_code      VARCHAR(8)  NOT NULL,
    code             VARCHAR(32) NOT NULL,
    amount_minor     BIGINT      NOT NULL,
    free_over_minor  BIGINT      NULL,
    min_days         INT         NOT NULL,
    max_days         INT         NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY shipping_rate_by_region (region_code, code),
    CONSTRAINT shipping_rate_region FOREIGN KEY (region_code) REFERENCES region (code)
);

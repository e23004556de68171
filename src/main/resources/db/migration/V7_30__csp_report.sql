-- Content-Security-Policy violations the browsers report, counted per day, directive, blocked address and page
-- (addresses without their query, so no token or personal data is kept). One row per distinct violation and day,
-- at most a configured number of rows a day, and a per-minute cap on reports taken: a flood of reports can raise
-- counts but cannot fill the database.
CREATE TABLE csp_report
(
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    day           DATE         NOT NULL,
    directive     VARCHAR(64)  NOT NULL,
    blocked_uri   VARCHAR(200) NOT NULL,
    document_path VARCHAR(200) NOT NULL,
    reports       BIGINT       NOT NULL,
    first_at      TIMESTAMP(6) NOT NULL,
    last_at       TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY csp_report_violation (day, directive, blocked_uri, document_path)
);

CREATE TABLE csp_report_minute
(
    minute_start TIMESTAMP    NOT NULL,
    received     INT          NOT NULL,
    PRIMARY KEY (minute_start)
);

-- The change feed (core's ChangeFeed): one row per committed change that makes what instances keep in memory
-- (kept pages, licence grants, regions) or a shared HTTP cache wrong, with keys naming what it touches. Every
-- instance reads the rows other instances appended; rows are pruned after a few minutes.
CREATE TABLE cache_change
(
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    origin      VARCHAR(40)  NOT NULL,
    change_keys TEXT         NOT NULL,
    created_at  TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id)
);

CREATE INDEX cache_change_created ON cache_change (created_at);

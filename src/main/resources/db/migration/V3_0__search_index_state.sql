-- Which physical index the search alias was last built into, from this database, and the day its licence
-- grants were last applied: a fresh or restored database, or a missed midnight, is noticed on start.
CREATE TABLE search_index_state
(
    alias_name VARCHAR(100) NOT NULL,
    index_name VARCHAR(160) NOT NULL,
    synced_on  DATE         NOT NULL,
    documents  BIGINT       NOT NULL,
    built_at   TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (alias_name)
);

-- The index a full reindex (or a rewrite in place) is filling, while it runs: any instance that writes a product's
-- document writes it there too, and names the product, so that the instance building rewrites it at the end (a
-- batch read before that change may have reached the new index after it).
CREATE TABLE search_index_building
(
    alias_name VARCHAR(100) NOT NULL,
    index_name VARCHAR(160) NOT NULL,
    started_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (alias_name)
);

CREATE TABLE search_index_building_change
(
    index_name VARCHAR(160) NOT NULL,
    product_id BIGINT       NOT NULL,
    PRIMARY KEY (index_name, product_id)
);

-- What the seed loader last loaded: a checksum of the seed files, so that an unchanged seed is skipped.
CREATE TABLE seed_state
(
    name      VARCHAR(40)  NOT NULL,
    checksum  CHAR(64)     NOT NULL,
    directory VARCHAR(500) NOT NULL,
    loaded_at TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (name)
);

-- A licensee's CSV import between its dry run and its "apply": kept in the database (compressed) rather than in
-- the HTTP session, so the apply may reach any instance, and a 20 MB file stays out of the session store.
CREATE TABLE listing_import_pending
(
    token       CHAR(36)     NOT NULL,
    licensee_id BIGINT       NOT NULL,
    file_gzip   LONGBLOB     NOT NULL,
    created_at  TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (token)
);

CREATE INDEX listing_import_pending_created ON listing_import_pending (created_at);

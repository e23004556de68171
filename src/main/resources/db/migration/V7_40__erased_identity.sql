-- Accounts erased at their holder's request: what signs out every session of an erased account on its next
-- request, on any instance. The audit log is append-only (V5_5: triggers refuse any update or delete), so entries
-- written before an erasure keep the address they were written with; the log's readers show each address whose
-- hash is here as its pseudonym. Only the SHA-256 of the address is kept, never the address.
CREATE TABLE erased_identity
(
    user_id      BIGINT       NOT NULL,
    email_sha256 CHAR(64)     NOT NULL,
    pseudonym    VARCHAR(40)  NOT NULL,
    erased_at    TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (user_id),
    KEY erased_identity_by_email (email_sha256)
);

-- Accounts erased at their holder's request. The audit log is append-only (V5_5: triggers refuse any update or
-- delete), so entries written before an erasure keep the address they were written with; the log's readers hide
-- each address found here behind its pseudonym. Only the SHA-256 of the address is kept, never the address.
CREATE TABLE erased_identity
(
    email_sha256 CHAR(64)     NOT NULL,
    pseudonym    VARCHAR(40)  NOT NULL,
    erased_at    TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (email_sha256)
);

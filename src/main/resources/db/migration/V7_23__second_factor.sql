-- Staff (administrators, finance, licensee team admins) sign in with a second factor: a TOTP secret (RFC 6238),
-- stored encrypted (AES-GCM, see accounts' SecretBox), and single-use recovery codes, stored as SHA-256 hashes.
-- A secret is unconfirmed until its owner typed a first code from it; last_step is the last time step a code was
-- accepted for, so a code cannot be used twice.
CREATE TABLE second_factor
(
    user_id      BIGINT       NOT NULL,
    secret       VARCHAR(255) NOT NULL,
    created_at   TIMESTAMP(6) NOT NULL,
    confirmed_at TIMESTAMP(6) NULL,
    last_step    BIGINT       NULL,
    PRIMARY KEY (user_id),
    CONSTRAINT second_factor_user FOREIGN KEY (user_id) REFERENCES user_account (id) ON DELETE CASCADE
);

CREATE TABLE recovery_code
(
    user_id   BIGINT       NOT NULL,
    code_hash CHAR(64)     NOT NULL,
    used_at   TIMESTAMP(6) NULL,
    PRIMARY KEY (user_id, code_hash),
    CONSTRAINT recovery_code_user FOREIGN KEY (user_id) REFERENCES user_account (id) ON DELETE CASCADE
);

-- The key that encrypts the secrets when the operator set none (podium.accounts.second-factor-key): generated once,
-- shared by every instance. Setting the key outside the database is what an operator must do before going live.
CREATE TABLE second_factor_key
(
    id  INT          NOT NULL,
    k   VARCHAR(100) NOT NULL,
    PRIMARY KEY (id)
);

-- Password reset links: only the SHA-256 of the token is kept; a link works once, until it expires.
CREATE TABLE password_reset
(
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    user_id    BIGINT       NOT NULL,
    token_hash CHAR(64)     NOT NULL,
    created_at TIMESTAMP(6) NOT NULL,
    expires_at TIMESTAMP(6) NOT NULL,
    used_at    TIMESTAMP(6) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY password_reset_token (token_hash),
    CONSTRAINT password_reset_user FOREIGN KEY (user_id) REFERENCES user_account (id) ON DELETE CASCADE
);

-- Changed with the password (reset or change): a session signed in before no longer counts (see SessionCheck).
ALTER TABLE user_account ADD COLUMN credentials_changed_at TIMESTAMP(6) NULL;

CREATE TABLE user_account
(
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    email         VARCHAR(254) NOT NULL,
    password_hash VARCHAR(200) NOT NULL,
    display_name  VARCHAR(120) NOT NULL,
    licensee_id   BIGINT       NULL,
    enabled       BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    version       BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    -- emails are stored lower-cased, so this is the case-insensitive uniqueness
    UNIQUE KEY user_account_email (email)
);

CREATE TABLE user_role
(
    user_id BIGINT      NOT NULL,
    role    VARCHAR(20) NOT NULL,
    PRIMARY KEY (user_id, role),
    CONSTRAINT user_role_user FOREIGN KEY (user_id) REFERENCES user_account (id) ON DELETE CASCADE,
    CONSTRAINT user_role_role CHECK (role IN ('FAN', 'LICENSEE', 'ADMIN', 'FINANCE'))
);

-- Append-only: the application never updates or deletes a row.
CREATE TABLE audit_entry
(
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    occurred_at TIMESTAMP(6)  NOT NULL,
    actor       VARCHAR(254)  NOT NULL,
    action      VARCHAR(80)   NOT NULL,
    object_type VARCHAR(60)   NULL,
    object_id   VARCHAR(80)   NULL,
    detail      VARCHAR(4000) NULL,
    PRIMARY KEY (id),
    KEY audit_by_time (occurred_at),
    KEY audit_by_object (object_type, object_id)
);

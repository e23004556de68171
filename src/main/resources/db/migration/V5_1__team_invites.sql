-- Invitations to join a licensee's team. Only the SHA-256 of the token is kept: the link in the email is the
-- one copy of the token itself, so a copy of this table lets nobody in.
CREATE TABLE team_invite
(
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    licensee_id BIGINT       NOT NULL,
    email       VARCHAR(254) NOT NULL,
    token_hash  CHAR(64)     NOT NULL,
    invited_by  VARCHAR(254) NOT NULL,
    created_at  TIMESTAMP(6) NOT NULL,
    expires_at  TIMESTAMP(6) NOT NULL,
    accepted_at TIMESTAMP(6) NULL,
    revoked_at  TIMESTAMP(6) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY team_invite_token (token_hash),
    KEY team_invite_by_licensee (licensee_id, created_at),
    CONSTRAINT team_invite_licensee FOREIGN KEY (licensee_id) REFERENCES licensee (id)
);

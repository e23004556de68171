-- Invitations to join a licensee's team. Only the SHA-256 of the token is kept: the link in the email is the
-- one copy of the token itself.
CREATE TABLE team_invite
(
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    licensee_id BIGINT       NOT NULL,
    email       VARCHAR(254) NOT NULL,
    token_hash  CHAR(64)     NOT NULL,
    team_admin  BOOLEAN      NOT NULL DEFAULT FALSE,
    invited_by  VARCHAR(254) NOT NULL,
    created_at  TIMESTAMP(6) NOT NULL,
    expires_at  TIMESTAMP(6) NOT NULL,
    accepted_at TIMESTAMP(6) NULL,
    revoked_at  TIMESTAMP(6) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY team_invite_token (token_hash),
    KEY team_invite_by_licensee (licensee_id, created_at)
);

-- Licensee staff who may invite colleagues to their licensee's team.
CREATE TABLE team_admin
(
    user_id     BIGINT NOT NULL,
    licensee_id BIGINT NOT NULL,
    PRIMARY KEY (user_id),
    KEY team_admin_by_licensee (licensee_id)
);

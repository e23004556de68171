-- A licensee admin manages their licensee's team (invites colleagues, withdraws invitations); other staff see
-- the team only. The first staff member of each licensee is its admin.
ALTER TABLE user_account
    ADD COLUMN licensee_admin BOOLEAN NOT NULL DEFAULT FALSE;

-- An invitation says whether the colleague joins as an admin.
ALTER TABLE team_invite
    ADD COLUMN as_admin BOOLEAN NOT NULL DEFAULT FALSE;

-- GROUP BY keeps the derived table from being merged into the update (MySQL refuses that).
UPDATE user_account u
    JOIN (SELECT s.licensee_id, MIN(s.id) AS first_id
          FROM user_account s
          WHERE s.licensee_id IS NOT NULL
          GROUP BY s.licensee_id
          HAVING SUM(s.licensee_admin) = 0) f ON f.first_id = u.id
SET u.licensee_admin = TRUE;

-- Email addresses are stored in their canonical form (see accounts' EmailAddresses) and compared exactly: with
-- the default collation the database took 'fan@pódium.test' for 'fan@podium.test', so a lookup found an account
-- for an address that is not its own. The binary collation also makes the unique key an exact uniqueness.
ALTER TABLE user_account
    MODIFY email VARCHAR(254) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;
ALTER TABLE team_invite
    MODIFY email VARCHAR(254) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;

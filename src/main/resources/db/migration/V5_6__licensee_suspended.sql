-- A licensee can be suspended (and reinstated) as a whole, apart from termination, which ends the relationship.
-- While suspended none of its licences is in force: its products leave the shop, its listings cannot change.
ALTER TABLE licensee DROP CONSTRAINT licensee_status;

ALTER TABLE licensee ADD CONSTRAINT licensee_status CHECK (status IN ('ACTIVE', 'SUSPENDED', 'TERMINATED'));

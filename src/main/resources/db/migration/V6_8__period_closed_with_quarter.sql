-- Closing a quarter closes its three months with it, each with its statements frozen: a month closed that way
-- names its quarter.
ALTER TABLE finance_period
    ADD COLUMN closed_with VARCHAR(8) NULL;

-- How often a licence's minimum guarantee falls due (MONTH, QUARTER or YEAR, calendar periods in UTC). Licences
-- written before had an amount and no period; their amounts are the yearly figures of the licence agreements
-- (250,000 USD for the largest apparel licensee), so they are read as yearly guarantees.
ALTER TABLE licence
    ADD COLUMN minimum_guarantee_period VARCHAR(8) NOT NULL DEFAULT 'YEAR',
    ADD CONSTRAINT licence_guarantee_period CHECK (minimum_guarantee_period IN ('MONTH', 'QUARTER', 'YEAR'));

-- A frozen statement line converted as billed: into the currency Stripe settled the licensee's charges in, at the
-- average rate Stripe applied to them in the period (balance transactions' exchange_rate, weighted by amount).
-- Null where there was no rate (and on lines frozen before conversion was billed).
ALTER TABLE finance_royalty_line
    ADD COLUMN converted_currency CHAR(3) NULL,
    ADD COLUMN exchange_rate DECIMAL(20, 10) NULL,
    ADD COLUMN converted_net_minor BIGINT NULL,
    ADD COLUMN converted_royalty_minor BIGINT NULL;

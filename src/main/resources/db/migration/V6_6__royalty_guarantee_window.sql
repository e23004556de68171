-- A frozen minimum-guarantee line now names the guarantee period it settles (first and last day, cut by the
-- licence's own start or end) and how often the guarantee falls due; a quarterly statement can settle three
-- monthly guarantees of one licence. Lines frozen before have no window: they were for the statement's period.
ALTER TABLE finance_royalty_guarantee
    DROP FOREIGN KEY finance_royalty_guarantee_period;
ALTER TABLE finance_royalty_guarantee
    DROP PRIMARY KEY,
    ADD COLUMN id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY FIRST,
    ADD COLUMN guarantee_period VARCHAR(8) NULL,
    ADD COLUMN window_from DATE NULL,
    ADD COLUMN window_to DATE NULL,
    ADD UNIQUE KEY finance_royalty_guarantee_window (period, licensee_id, licence_reference, window_from),
    ADD CONSTRAINT finance_royalty_guarantee_period FOREIGN KEY (period) REFERENCES finance_period (period);

-- How many pages of Stripe's lists a run has fetched so far, shown on the imports page while it runs.
ALTER TABLE finance_import_run ADD COLUMN pages INT NOT NULL DEFAULT 0;

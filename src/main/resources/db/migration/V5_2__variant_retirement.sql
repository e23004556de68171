-- A variant that was ever reserved for an order is retired rather than deleted when its licensee removes it: no
-- longer offered or sold, but kept for the orders, reservations and reports that name it.
ALTER TABLE variant
    ADD COLUMN retired_at TIMESTAMP(6) NULL;

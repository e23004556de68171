-- Each dispute the ledger withdrew money for, with the status Stripe last gave it (needs_response, under_review,
-- won, lost, ...), so a won or lost dispute closes or annotates its queue item instead of being filed again.
CREATE TABLE finance_dispute
(
    id         VARCHAR(64)   NOT NULL,
    opened_at  TIMESTAMP(6)  NOT NULL,
    status     VARCHAR(32)   NOT NULL,
    updated_at TIMESTAMP(6)  NOT NULL,
    PRIMARY KEY (id),
    KEY finance_dispute_by_status (status, opened_at)
);

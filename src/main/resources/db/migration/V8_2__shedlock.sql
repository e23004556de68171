-- ShedLock's table: a scheduled job or a single writer (reindex, Stripe import, sweeper, mail retries, the
-- emulator's clock and webhook sender) takes its row before it runs, so it runs once across the instances.
CREATE TABLE shedlock
(
    name       VARCHAR(64)  NOT NULL,
    lock_until TIMESTAMP(3) NOT NULL,
    locked_at  TIMESTAMP(3) NOT NULL,
    locked_by  VARCHAR(255) NOT NULL,
    PRIMARY KEY (name)
);

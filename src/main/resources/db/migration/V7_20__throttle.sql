-- Counters behind core's Throttles: one row per throttled key (a sign-in email, a client address, a guest order
-- lookup …), shared by every instance of the shop. The key is kept as its SHA-256, so the table holds no email
-- address or client address in clear.
CREATE TABLE throttle
(
    key_hash     CHAR(64)     NOT NULL,
    window_start TIMESTAMP(6) NOT NULL,
    window_end   TIMESTAMP(6) NOT NULL,
    hits         INT          NOT NULL,
    PRIMARY KEY (key_hash),
    KEY throttle_by_end (window_end)
);

-- The region screen read an empty "free from" as 0 and saved it back as 0 when a rate was edited, so rates the
-- seed meant never to be free (express) shipped free for every order. A rate that costs something and is free
-- from nothing is that mistake: it is made never free again.
UPDATE shipping_rate SET free_over_minor = NULL WHERE free_over_minor = 0 AND amount_minor > 0;

-- The zone a region's fans read times in; UTC for a region an administrator adds until they set it.
ALTER TABLE region ADD COLUMN time_zone VARCHAR(40) NOT NULL DEFAULT 'UTC';
UPDATE region SET time_zone = 'America/New_York' WHERE code = 'us';
UPDATE region SET time_zone = 'Europe/Paris' WHERE code = 'eu';
UPDATE region SET time_zone = 'Europe/London' WHERE code = 'gb';
UPDATE region SET time_zone = 'Asia/Tokyo' WHERE code = 'jp';
UPDATE region SET time_zone = 'Asia/Seoul' WHERE code = 'kr';
UPDATE region SET time_zone = 'Australia/Sydney' WHERE code = 'au';
UPDATE region SET time_zone = 'Asia/Shanghai' WHERE code = 'cn';

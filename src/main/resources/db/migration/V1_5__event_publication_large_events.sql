-- One event may name many products (a CSV import of thousands of listings is a single ProductChanged).
ALTER TABLE EVENT_PUBLICATION MODIFY SERIALIZED_EVENT MEDIUMTEXT NOT NULL;

-- The audit log is append-only, and the database itself holds it to that: whatever connects with the shop's
-- credentials (the application, a console, a script) can add entries but never change or remove one.
--
-- A change's detail keeps the whole before and after as JSON: a large licence (many territories, categories and
-- editions) does not fit 4,000 characters, and a cut JSON document tells a reviewer nothing.
ALTER TABLE audit_entry MODIFY detail MEDIUMTEXT NULL;

-- One statement each, no BEGIN ... END, so no DELIMITER is needed (MariaDB and MySQL 8.4 alike). On MySQL with
-- binary logging, the server needs log_bin_trust_function_creators=ON for a user without SUPER to create them
-- (docker-compose.yml sets it).
CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'The audit log is append-only: an entry cannot be changed';

CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'The audit log is append-only: an entry cannot be deleted';

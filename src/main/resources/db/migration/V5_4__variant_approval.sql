-- Size and colour are what fans see of a variant, so on a listing already on sale they wait for approval like the
-- rest of its content: a new variant waits to be released, and an edit of a variant on sale is kept beside the
-- approved values until the rights holder approves it.
ALTER TABLE variant
    ADD COLUMN awaiting_approval BOOLEAN     NOT NULL DEFAULT FALSE,
    ADD COLUMN pending_edit      BOOLEAN     NOT NULL DEFAULT FALSE,
    ADD COLUMN pending_size      VARCHAR(16) NULL,
    ADD COLUMN pending_colour    VARCHAR(40) NULL;

-- The running service processes, each with the time it was last seen alive (its own clock, every
-- second or so). A process that has not been seen for a while died: the messages it had claimed
-- for sending are released at once for the others, instead of when their lease runs out.
CREATE TABLE instances (
    id       TEXT   PRIMARY KEY,
    seen_at  BIGINT NOT NULL
);
-- Which process claimed an outbox row for sending (NULL: none yet, or before this column).
ALTER TABLE outbox ADD COLUMN claimed_by TEXT;

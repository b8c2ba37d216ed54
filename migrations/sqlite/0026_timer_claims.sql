-- Which process claimed a timer: a dead one's claims are freed at once, as for the outbox.
ALTER TABLE timers ADD COLUMN claimed_by TEXT;

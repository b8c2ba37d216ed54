-- A failed event is kept until staff resolve its alert (the purge leaves it while the alert
-- naming it is unresolved).
ALTER TABLE staff_alerts ADD COLUMN event_id BIGINT;
CREATE INDEX staff_alerts_event ON staff_alerts (event_id);

-- Breaths per minute, when the patient (or a visiting nurse) reports it.
ALTER TABLE reports ADD COLUMN respiratory_rate BIGINT;

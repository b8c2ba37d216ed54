-- Cadence after a worrying assessment, and non-response.
ALTER TABLE patients ADD COLUMN last_contact_at BIGINT;           -- last message from the patient's chat
ALTER TABLE patients ADD COLUMN extra_check_ins BIGINT NOT NULL DEFAULT 0; -- 1: a check-in every 3 h
ALTER TABLE patients ADD COLUMN stable_streak BIGINT NOT NULL DEFAULT 0;   -- stable assessments in a row

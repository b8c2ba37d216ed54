-- "When is this patient's pending timer of this kind due" read the due-time index in order and
-- checked every pending timer of every patient (SQLite's MIN optimisation picked timers_due).
-- With due_at in the patient index the answer is one index probe.
DROP INDEX timers_patient;
CREATE INDEX timers_patient ON timers (patient_id, kind, status, due_at);

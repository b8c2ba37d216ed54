-- What a patient's words were understood as, and the questions asked when they were not clear.
ALTER TABLE reports ADD COLUMN understood TEXT;      -- JSON: [{"text", "concept", "polarity"}]
ALTER TABLE reports ADD COLUMN corrected_at BIGINT;  -- the patient said it was misread ("違う")

-- An urgent sign the words left unsure ("唇の色が悪い"): asked with Yes / No buttons; no answer
-- by due_at counts as yes (the safe side) and staff are told.
CREATE TABLE safety_questions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    patient_id  BIGINT NOT NULL REFERENCES patients (id),
    report_id   BIGINT REFERENCES reports (id),   -- the report whose words raised it
    symptom     TEXT NOT NULL,                    -- a symptom code
    asked_at    BIGINT NOT NULL,
    due_at      BIGINT NOT NULL,
    answer      TEXT,                             -- yes | no | assumed
    answered_at BIGINT
);
CREATE INDEX safety_questions_open ON safety_questions (patient_id, answer);

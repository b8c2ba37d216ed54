-- Triage: assessments of reports and the care requests they open.

-- Flags read from the patient's words that the rules use.
ALTER TABLE reports ADD COLUMN harder_to_breathe BIGINT NOT NULL DEFAULT 0;
ALTER TABLE reports ADD COLUMN asks_to_talk BIGINT NOT NULL DEFAULT 0;
-- The second SpO2 after a re-measure prompt (the lower of the two counts).
ALTER TABLE reports ADD COLUMN spo2_remeasured BIGINT;

CREATE TABLE assessments (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    patient_id       BIGINT  NOT NULL REFERENCES patients (id),
    report_id        BIGINT  REFERENCES reports (id),
    level            TEXT    NOT NULL,        -- stable | watch | moderate | urgent | emergency
    reasons          TEXT    NOT NULL,        -- JSON: [{level, key, args}] (keys in locales/)
    ruleset_version  TEXT    NOT NULL,
    created_at       BIGINT  NOT NULL
);
CREATE INDEX assessments_patient ON assessments (patient_id, id);

CREATE TABLE care_requests (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    patient_id     BIGINT  NOT NULL REFERENCES patients (id),
    assessment_id  BIGINT  REFERENCES assessments (id),
    kind           TEXT    NOT NULL,        -- emergency | hospital_coordination | oxygen | home_visit | ...
    urgency        BIGINT  NOT NULL,        -- 0 stable … 4 emergency; raised, never lowered, by repeats
    status         TEXT    NOT NULL DEFAULT 'open', -- open | assigned | in_progress | done | cancelled
    target_at      BIGINT  NOT NULL,        -- when someone must have acted
    reasons        TEXT    NOT NULL,        -- JSON, as in assessments
    created_at     BIGINT  NOT NULL,
    updated_at     BIGINT  NOT NULL,
    closed_reason  TEXT
);
CREATE INDEX care_requests_open ON care_requests (status, urgency, created_at);
CREATE INDEX care_requests_patient ON care_requests (patient_id, kind, status);

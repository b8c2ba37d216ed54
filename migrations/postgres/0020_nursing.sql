-- What a doctor ordered with visiting nursing: by visit or by phone, how often, until when; the
-- visit due next and the last one reported. One plan per visiting-nursing request.
CREATE TABLE nursing_plans (
    care_request_id  BIGINT  PRIMARY KEY REFERENCES care_requests (id),
    mode             TEXT    NOT NULL,   -- visit | phone
    every_hours      BIGINT  NOT NULL,
    until_at         BIGINT  NOT NULL,
    next_due_at      BIGINT,
    last_visit_at    BIGINT,
    created_at       BIGINT  NOT NULL
);
-- 1: the patient is observed by a visiting nurse instead of reporting themselves (no check-in
-- prompts; the nurse's visits are watched instead).
ALTER TABLE patients ADD COLUMN nurse_observed BIGINT NOT NULL DEFAULT 0;

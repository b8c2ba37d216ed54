-- Health-centre staff who use the JSON API, and the audit log of every read of patient data.
CREATE TABLE staff (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT    NOT NULL,
    role        TEXT    NOT NULL,          -- admin | staff
    token_hash  TEXT    NOT NULL UNIQUE,   -- SHA-256 of the API token; the token itself is shown once
    created_at  BIGINT  NOT NULL,
    revoked_at  BIGINT
);

CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    staff_id    BIGINT,                    -- NULL: the command line on the server
    action      TEXT    NOT NULL,          -- e.g. patients.list, patient.read, care_request.close
    subject     TEXT,                      -- e.g. patient:12, care_request:40
    at          BIGINT  NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at);

ALTER TABLE care_requests ADD COLUMN closed_by BIGINT;

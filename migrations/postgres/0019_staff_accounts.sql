-- Staff sign in to the console with a login and a password, work under a role and possibly
-- only some areas; API tokens expire and can be revoked; alerts are acknowledged and resolved
-- by a named person. `staff.revoked_at` is when the account was disabled; `staff.token_hash`
-- (the first token) is kept for the record and no longer read: tokens live in api_tokens.
ALTER TABLE staff ADD COLUMN login TEXT;
ALTER TABLE staff ADD COLUMN password_hash TEXT;                          -- argon2id (PHC string)
ALTER TABLE staff ADD COLUMN areas TEXT;                                  -- comma-separated; NULL: every area
ALTER TABLE staff ADD COLUMN failed_logins BIGINT NOT NULL DEFAULT 0;     -- wrong passwords in a row
ALTER TABLE staff ADD COLUMN locked_until BIGINT;
CREATE UNIQUE INDEX staff_login ON staff (login);

CREATE TABLE api_tokens (
    id          BIGSERIAL PRIMARY KEY,
    staff_id    BIGINT  NOT NULL REFERENCES staff (id),
    token_hash  TEXT    NOT NULL UNIQUE,   -- SHA-256; the token itself is shown once
    created_at  BIGINT  NOT NULL,
    expires_at  BIGINT  NOT NULL,
    revoked_at  BIGINT
);
-- the tokens issued so far keep working for 90 days from their issue
INSERT INTO api_tokens (staff_id, token_hash, created_at, expires_at, revoked_at)
    SELECT id, token_hash, created_at, created_at + 7776000000, revoked_at FROM staff;

-- A signed-in browser: the cookie holds a random token whose hash is here; every form carries
-- the session's CSRF token.
CREATE TABLE staff_sessions (
    id            BIGSERIAL PRIMARY KEY,
    staff_id      BIGINT  NOT NULL REFERENCES staff (id),
    token_hash    TEXT    NOT NULL UNIQUE,
    csrf          TEXT    NOT NULL,
    created_at    BIGINT  NOT NULL,
    last_seen_at  BIGINT  NOT NULL,
    ended_at      BIGINT
);

ALTER TABLE staff_alerts ADD COLUMN acknowledged_by BIGINT REFERENCES staff (id);
ALTER TABLE staff_alerts ADD COLUMN acknowledged_at BIGINT;
ALTER TABLE staff_alerts ADD COLUMN resolved_by BIGINT REFERENCES staff (id);
ALTER TABLE staff_alerts ADD COLUMN resolution TEXT;
CREATE INDEX staff_alerts_open ON staff_alerts (resolved_at, id);

-- What staff wrote down while working a request ("called twice, no answer; will try at 15:00").
CREATE TABLE care_request_notes (
    id               BIGSERIAL PRIMARY KEY,
    care_request_id  BIGINT  NOT NULL REFERENCES care_requests (id),
    staff_id         BIGINT  NOT NULL REFERENCES staff (id),
    text             TEXT    NOT NULL,
    created_at       BIGINT  NOT NULL
);
CREATE INDEX care_request_notes_request ON care_request_notes (care_request_id);

-- Staff on duty are paged in chat: their chat is bound with a one-time code as a provider's is.
ALTER TABLE chats ADD COLUMN staff_id BIGINT REFERENCES staff (id);
CREATE TABLE staff_codes (
    code_hash   TEXT    PRIMARY KEY,
    staff_id    BIGINT  NOT NULL REFERENCES staff (id),
    expires_at  BIGINT  NOT NULL,
    used_at     BIGINT,
    created_at  BIGINT  NOT NULL
);
-- The staff roster: the shifts an account is on duty in (day, night, holiday; NULL: never
-- paged) and its place in the escalation (1 is paged first; 2 when 1 has not answered …).
ALTER TABLE staff ADD COLUMN duty_shifts TEXT;
ALTER TABLE staff ADD COLUMN duty_order BIGINT NOT NULL DEFAULT 1;
-- How far an alert's paging has gone (NULL: not paged yet) and when its last round went out.
ALTER TABLE staff_alerts ADD COLUMN page_round BIGINT;
ALTER TABLE staff_alerts ADD COLUMN paged_at BIGINT;
-- alerts raised before paging existed are not paged now
UPDATE staff_alerts SET page_round = 0, paged_at = created_at;
-- what the paging round reads every time: alerts never paged, and untaken ones of a kind that
-- is paged again
CREATE INDEX staff_alerts_unpaged ON staff_alerts (page_round, id);
CREATE INDEX staff_alerts_repaged ON staff_alerts (kind, paged_at);

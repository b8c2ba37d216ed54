-- Timestamps are milliseconds since the Unix epoch (UTC) in BIGINT columns, so the same queries
-- run on SQLite and PostgreSQL through sqlx's Any driver.

-- A person in home recovery, registered by health-centre staff.
CREATE TABLE patients (
    id            BIGSERIAL PRIMARY KEY,
    name          TEXT    NOT NULL,
    phone         TEXT    NOT NULL,
    birth_date    TEXT    NOT NULL,            -- YYYY-MM-DD
    onset_date    TEXT    NOT NULL,            -- YYYY-MM-DD
    test_date     TEXT,                        -- YYYY-MM-DD
    language      TEXT,                        -- ja | en; NULL = the chat's hint, else ja
    risk_factors  TEXT    NOT NULL DEFAULT '', -- comma-separated RiskFactor codes
    area          TEXT,
    status        TEXT    NOT NULL DEFAULT 'active', -- active | released
    dialogue      TEXT,                        -- JSON of the open check-in dialogue, NULL when idle
    created_at    BIGINT  NOT NULL
);

-- One-time codes; only their SHA-256 is stored.
CREATE TABLE enrolment_codes (
    code_hash   TEXT    PRIMARY KEY,
    patient_id  BIGINT  NOT NULL REFERENCES patients (id),
    expires_at  BIGINT  NOT NULL,
    used_at     BIGINT,
    created_at  BIGINT  NOT NULL
);

-- A LINE user or Telegram chat that has written to the bot, bound to a patient once enrolled.
CREATE TABLE chats (
    id             BIGSERIAL PRIMARY KEY,
    platform       TEXT    NOT NULL,               -- line | telegram
    external_id    TEXT    NOT NULL,               -- LINE userId / Telegram chat id
    patient_id     BIGINT  REFERENCES patients (id),
    language_hint  TEXT,                           -- from the platform (LINE profile, Telegram language_code)
    status         TEXT    NOT NULL DEFAULT 'active', -- active | unreachable (blocked the bot)
    send_after     BIGINT  NOT NULL DEFAULT 0,     -- per-chat rate limit shared by all instances
    created_at     BIGINT  NOT NULL,
    UNIQUE (platform, external_id)
);
CREATE INDEX chats_patient ON chats (patient_id);

-- Wrong enrolment codes, to limit guessing per chat.
CREATE TABLE enrolment_failures (
    chat_id  BIGINT NOT NULL REFERENCES chats (id),
    at       BIGINT NOT NULL
);
CREATE INDEX enrolment_failures_chat ON enrolment_failures (chat_id, at);

-- Every webhook event, stored before the platform gets its 2xx; processed once.
CREATE TABLE inbound_events (
    id             BIGSERIAL PRIMARY KEY,
    platform       TEXT    NOT NULL,
    event_key      TEXT    NOT NULL,               -- webhookEventId / update_id
    chat_key       TEXT,                           -- events of one chat are processed in order
    received_at    BIGINT  NOT NULL,
    payload        TEXT    NOT NULL,               -- the event's JSON as received
    status         TEXT    NOT NULL DEFAULT 'pending', -- pending | done | ignored | failed
    attempts       BIGINT  NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL DEFAULT 0,
    claimed_until  BIGINT  NOT NULL DEFAULT 0,
    processed_at   BIGINT,
    note           TEXT,                           -- why ignored / failed (no patient data)
    UNIQUE (platform, event_key)
);
CREATE INDEX inbound_events_pending ON inbound_events (status, id);
CREATE INDEX inbound_events_chat ON inbound_events (chat_key, status);

-- A report of readings; created at the first value read so nothing read is lost,
-- completed when SpO2 and temperature (and in a check-in, symptoms and feeling) are in.
CREATE TABLE reports (
    id            BIGSERIAL PRIMARY KEY,
    patient_id    BIGINT  NOT NULL REFERENCES patients (id),
    spo2          BIGINT,                 -- percent
    temperature   BIGINT,                 -- tenths of a degree Celsius
    pulse         BIGINT,                 -- per minute
    symptoms      TEXT,                   -- comma-separated Symptom codes; '' = none; NULL = not asked yet
    feeling       TEXT,                   -- better | same | worse
    source        TEXT    NOT NULL,       -- free_text | check_in
    source_text   TEXT    NOT NULL,       -- the patient's messages, as sent
    warned        BIGINT  NOT NULL DEFAULT 0, -- 1 once told to call the health centre / 119
    created_at    BIGINT  NOT NULL,
    completed_at  BIGINT
);
CREATE INDEX reports_patient ON reports (patient_id, created_at);

-- Outbound messages, written in the same transaction as the change that caused them.
CREATE TABLE outbox (
    id               BIGSERIAL PRIMARY KEY,
    chat_id          BIGINT  NOT NULL REFERENCES chats (id),
    kind             TEXT    NOT NULL,    -- messages | callback_answer
    body             TEXT    NOT NULL,    -- JSON
    reply_token      TEXT,                -- LINE reply token, used while fresh
    reply_expires_at BIGINT,
    retry_key        TEXT    NOT NULL,    -- UUID: X-Line-Retry-Key, reused on every retry
    parts_sent       BIGINT  NOT NULL DEFAULT 0,
    status           TEXT    NOT NULL DEFAULT 'pending', -- pending | sent | failed
    attempts         BIGINT  NOT NULL DEFAULT 0,
    next_attempt_at  BIGINT  NOT NULL,
    claimed_until    BIGINT  NOT NULL DEFAULT 0,
    last_error       TEXT,
    created_at       BIGINT  NOT NULL,
    sent_at          BIGINT
);
CREATE INDEX outbox_pending ON outbox (status, next_attempt_at);
CREATE INDEX outbox_chat ON outbox (chat_id, status);

-- Durable timers: check-in prompts, reminders. Fired once, in the transaction of their effect.
CREATE TABLE timers (
    id             BIGSERIAL PRIMARY KEY,
    kind           TEXT    NOT NULL,      -- check_in | check_in_reminder
    patient_id     BIGINT  NOT NULL REFERENCES patients (id),
    due_at         BIGINT  NOT NULL,
    status         TEXT    NOT NULL DEFAULT 'pending', -- pending | done | cancelled
    claimed_until  BIGINT  NOT NULL DEFAULT 0,
    created_at     BIGINT  NOT NULL,
    fired_at       BIGINT
);
CREATE INDEX timers_due ON timers (status, due_at);
CREATE INDEX timers_patient ON timers (patient_id, kind, status);

-- Things health-centre staff must see: an unreachable patient, a message that could not be sent.
CREATE TABLE staff_alerts (
    id          BIGSERIAL PRIMARY KEY,
    kind        TEXT    NOT NULL,
    patient_id  BIGINT  REFERENCES patients (id),
    chat_id     BIGINT  REFERENCES chats (id),
    detail      TEXT    NOT NULL,
    created_at  BIGINT  NOT NULL,
    resolved_at BIGINT
);

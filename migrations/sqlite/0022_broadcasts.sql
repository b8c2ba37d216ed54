-- Notices staff send to many at once. The recipients are frozen when the broadcast starts: one
-- row each, in the language they will get. A LINE recipient goes out in a multicast of up to
-- 500 whose retry key (batch_key) is kept across retries and restarts, so LINE delivers once.
CREATE TABLE broadcasts (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    title           TEXT    NOT NULL,
    texts           TEXT    NOT NULL,            -- JSON {"ja": "…", "en": "…"}
    fallback        TEXT,                        -- the language sent where a recipient's has no text
    check_in_button BIGINT  NOT NULL DEFAULT 0,  -- 1: a "check in now" quick reply
    segment         TEXT    NOT NULL,            -- JSON: who gets it
    status          TEXT    NOT NULL,            -- draft | awaiting_approval | scheduled | sending | done | cancelled | stopped
    send_at         BIGINT,
    created_by      BIGINT  NOT NULL REFERENCES staff (id),
    approved_by     BIGINT  REFERENCES staff (id),
    stop_reason     TEXT,
    created_at      BIGINT  NOT NULL,
    started_at      BIGINT,
    finished_at     BIGINT,
    updated_at      BIGINT
);
CREATE TABLE broadcast_recipients (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    broadcast_id    BIGINT  NOT NULL REFERENCES broadcasts (id),
    chat_id         BIGINT  NOT NULL REFERENCES chats (id),
    platform        TEXT    NOT NULL,
    lang            TEXT    NOT NULL,
    status          TEXT    NOT NULL DEFAULT 'queued', -- queued | sending | sent | failed | unreachable | withdrawn
    batch_key       TEXT,
    claimed_until   BIGINT  NOT NULL DEFAULT 0,
    attempts        BIGINT  NOT NULL DEFAULT 0,
    error           TEXT,
    sent_at         BIGINT,
    UNIQUE (broadcast_id, chat_id)
);
CREATE INDEX broadcast_recipients_queue ON broadcast_recipients (broadcast_id, status, platform, lang);
CREATE INDEX broadcast_recipients_batch ON broadcast_recipients (batch_key);
-- what the senders claim next: a platform's queued copies in order, and claims run out
CREATE INDEX broadcast_recipients_claim ON broadcast_recipients (platform, status, id);
-- The next moment a platform may take a message, shared by every instance: broadcasts keep to
-- Telegram's global limit together, not each process on its own.
CREATE TABLE send_pace (
    platform  TEXT   PRIMARY KEY,
    next_at   BIGINT NOT NULL
);

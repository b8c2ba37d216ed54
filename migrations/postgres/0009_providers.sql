-- Doctors, nurses, pharmacists and equipment contractors who take care requests from chat.
CREATE TABLE providers (
    id            BIGSERIAL PRIMARY KEY,
    name          TEXT    NOT NULL,
    role          TEXT    NOT NULL,               -- doctor | nurse | pharmacist | contractor
    phone         TEXT    NOT NULL,
    organisation  TEXT,                           -- clinic, pharmacy, company
    language      TEXT,                           -- ja | en; else the chat's hint
    status        TEXT    NOT NULL DEFAULT 'active', -- active | inactive
    created_at    BIGINT  NOT NULL
);

-- The areas a provider covers (for rosters and the offer's "area").
CREATE TABLE provider_areas (
    provider_id  BIGINT  NOT NULL REFERENCES providers (id),
    area         TEXT    NOT NULL,
    PRIMARY KEY (provider_id, area)
);
CREATE INDEX provider_areas_area ON provider_areas (area);

-- One-time codes that bind a provider's LINE or Telegram chat (as patients' codes do).
CREATE TABLE provider_codes (
    code_hash    TEXT    PRIMARY KEY,
    provider_id  BIGINT  NOT NULL REFERENCES providers (id),
    expires_at   BIGINT  NOT NULL,
    used_at      BIGINT,
    created_at   BIGINT  NOT NULL
);

ALTER TABLE chats ADD COLUMN provider_id BIGINT REFERENCES providers (id);
CREATE INDEX chats_provider ON chats (provider_id);

-- Pillar 1: the patient's own family doctor and usual pharmacy, when they have them.
ALTER TABLE patients ADD COLUMN family_doctor_id BIGINT REFERENCES providers (id);
ALTER TABLE patients ADD COLUMN pharmacy_id BIGINT REFERENCES providers (id);

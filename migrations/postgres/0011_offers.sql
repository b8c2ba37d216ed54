-- Escalation chains: each care request is offered step by step; an offer waits for Accept or
-- Decline until its deadline. The first accept wins (one accepted offer per request).
CREATE TABLE offers (
    id               BIGSERIAL PRIMARY KEY,
    care_request_id  BIGINT  NOT NULL REFERENCES care_requests (id),
    provider_id      BIGINT  NOT NULL REFERENCES providers (id),
    step             BIGINT  NOT NULL,
    status           TEXT    NOT NULL DEFAULT 'offered', -- offered | accepted | declined | expired | taken
    offered_at       BIGINT  NOT NULL,
    deadline_at      BIGINT  NOT NULL,
    answered_at      BIGINT
);
CREATE INDEX offers_request ON offers (care_request_id, status);
CREATE UNIQUE INDEX offers_one_accept ON offers (care_request_id) WHERE status = 'accepted';

-- The step of the chain taken last (NULL: not started or no chain) and who accepted.
ALTER TABLE care_requests ADD COLUMN chain_step BIGINT;
ALTER TABLE care_requests ADD COLUMN provider_id BIGINT REFERENCES providers (id);

-- What a timer is about besides its patient (the care request a chain timer advances).
ALTER TABLE timers ADD COLUMN ref_id BIGINT;

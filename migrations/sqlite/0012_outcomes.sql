-- What the accepting provider reported from chat, and the request that led to a follow-up
-- (a prescription's delivery, an oxygen order, hospital coordination, a safety check).
ALTER TABLE care_requests ADD COLUMN outcome TEXT;        -- consulted | visited | prescribed | oxygen | admission | no_contact
ALTER TABLE care_requests ADD COLUMN outcome_note TEXT;
ALTER TABLE care_requests ADD COLUMN outcome_at BIGINT;
ALTER TABLE care_requests ADD COLUMN parent_id BIGINT REFERENCES care_requests (id);

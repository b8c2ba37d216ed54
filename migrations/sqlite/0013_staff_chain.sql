-- The reason staff gave for an audited change (manual assignment, reassignment, closing).
ALTER TABLE audit_log ADD COLUMN reason TEXT;
CREATE INDEX offers_provider ON offers (provider_id, status);
CREATE INDEX care_requests_outcome ON care_requests (outcome_at) WHERE outcome_at IS NOT NULL;

-- When a released patient's personal data was erased (retention, or the person's request).
ALTER TABLE patients ADD COLUMN erased_at BIGINT;

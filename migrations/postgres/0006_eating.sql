-- "cannot eat or drink" (docs/TRIAGE.md: watch).
ALTER TABLE reports ADD COLUMN cannot_eat_or_drink BIGINT NOT NULL DEFAULT 0;

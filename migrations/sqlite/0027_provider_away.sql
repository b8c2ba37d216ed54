-- A provider who said "I'm off" in their chat (their own menu) is not offered requests until
-- they say "I'm available": when, or NULL while available.
ALTER TABLE providers ADD COLUMN away_since BIGINT;

-- The end of an episode of home recovery.
ALTER TABLE patients ADD COLUMN asymptomatic BIGINT NOT NULL DEFAULT 0;  -- 1: counted from the test date
ALTER TABLE patients ADD COLUMN released_at BIGINT;
ALTER TABLE patients ADD COLUMN release_not_before BIGINT;               -- staff extended the episode
ALTER TABLE patients ADD COLUMN episode_note TEXT;                       -- staff's reason to end or extend

-- The dispatcher's claim walks the pending rows in id order and takes a chat's message only when
-- no older message of that chat is pending. Both walks now use indexes that hold pending rows
-- only, in the order they are read. The index on (status, next_attempt_at) also held every sent
-- row, and on PostgreSQL a row's entry under 'pending' stays behind when it is sent until
-- vacuum: the claim visited thousands of sent rows to find a few pending ones, twice per claim.
-- An ordered scan of a partial index skips such entries once it has seen them dead.
DROP INDEX outbox_pending;
CREATE INDEX outbox_due ON outbox (id) WHERE status = 'pending';
CREATE INDEX outbox_queue ON outbox (chat_id, id) WHERE status = 'pending' AND kind = 'messages';

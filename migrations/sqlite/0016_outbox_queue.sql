-- The dispatcher's claim walks the pending rows in id order, from the oldest pending one, and
-- takes a chat's message only when no older message of that chat is pending: one probe of the
-- chat's queue per row instead of a grouped pass over every pending row. Both use indexes that
-- hold pending rows only. (On PostgreSQL a row's entry under 'pending' in the old index on
-- (status, next_attempt_at) stayed behind when the row was sent, until vacuum: the claim read
-- thousands of sent rows to find a few pending ones, twice per claim.)
-- (outbox_chat, on (chat_id, status), had no reader left: the chat's queue index serves it.)
DROP INDEX outbox_pending;
DROP INDEX outbox_chat;
CREATE INDEX outbox_due ON outbox (id) WHERE status = 'pending';
CREATE INDEX outbox_queue ON outbox (chat_id, id) WHERE status = 'pending' AND kind = 'messages';

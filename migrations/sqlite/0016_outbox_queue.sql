-- The dispatcher's claim walks the pending rows in id order, from the oldest pending one, and
-- takes a chat's message only when no older message of that chat is pending: one lookup in the
-- chat's queue per row instead of a grouped pass over every pending row. The old index on
-- (status, next_attempt_at) could not give the oldest pending row, and on PostgreSQL its entries
-- under 'pending' stay behind when a row is sent, until vacuum: the claim read thousands of sent
-- rows to find a few pending ones, twice per claim.
-- (Not partial indexes on the pending rows: until a table is analysed PostgreSQL takes such an
-- index for nearly empty and plans to read all of it, dead entries and all, for every row.)
DROP INDEX outbox_pending;
DROP INDEX outbox_chat;
CREATE INDEX outbox_pending ON outbox (status, id);
CREATE INDEX outbox_queue ON outbox (chat_id, status, id);

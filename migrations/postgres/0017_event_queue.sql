-- A worker claims an event only when no older event of its chat is pending. PostgreSQL's plan
-- for that probe used the index on (status, id) and filtered by chat: with a backlog of n events
-- a claim took n² steps, so a service that fell behind fell further behind. One lookup in the
-- chat's queue now, as for the outbox (0016).
DROP INDEX inbound_events_chat;
CREATE INDEX inbound_events_queue ON inbound_events (chat_key, status, id);

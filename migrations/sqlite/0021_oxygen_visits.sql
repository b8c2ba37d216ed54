-- Which regulator a cylinder went out with (synchronising | standard; NULL for a concentrator).
-- Kits lent before this always took a breath-synchronising one.
ALTER TABLE oxygen_orders ADD COLUMN regulator TEXT;
UPDATE oxygen_orders SET regulator = 'synchronising' WHERE kit = 'cylinder';
-- The home visit that starts oxygen after delivery, and the latest cylinder swap job.
ALTER TABLE oxygen_orders ADD COLUMN start_visit_request_id BIGINT;
ALTER TABLE oxygen_orders ADD COLUMN swap_request_id BIGINT;

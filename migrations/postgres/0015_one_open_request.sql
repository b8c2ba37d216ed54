-- At most one open (open, assigned, in progress) care request of a kind per patient: a repeated
-- report raises the open one instead. The database holds to it, also between instances, and a
-- new request is one INSERT … ON CONFLICT DO NOTHING.
-- A second open request of a kind (two instances racing before this index) is closed in favour
-- of the one furthest along (in progress, then assigned, then the oldest), which goes on with
-- its chain; staff are told which was closed.
CREATE TEMPORARY TABLE duplicate_requests AS
SELECT r.id, r.patient_id, r.kind FROM care_requests r
 WHERE r.status IN ('open', 'assigned', 'in_progress')
   AND EXISTS (
       SELECT 1 FROM care_requests o
        WHERE o.patient_id = r.patient_id AND o.kind = r.kind AND o.id <> r.id
          AND o.status IN ('open', 'assigned', 'in_progress')
          AND (CASE o.status WHEN 'in_progress' THEN 3 WHEN 'assigned' THEN 2 ELSE 1 END
                 > CASE r.status WHEN 'in_progress' THEN 3 WHEN 'assigned' THEN 2 ELSE 1 END
               OR (o.status = r.status AND o.id < r.id)));
UPDATE care_requests
   SET status = 'cancelled', closed_reason = 'duplicate: another open request of this kind goes on'
 WHERE id IN (SELECT id FROM duplicate_requests);
INSERT INTO staff_alerts (kind, patient_id, detail, created_at)
SELECT 'duplicate_request_closed', patient_id,
       'care request ' || id || ' (' || kind || ') closed as a duplicate: another open request of this kind goes on',
       CAST(EXTRACT(EPOCH FROM now()) * 1000 AS BIGINT)
  FROM duplicate_requests;
DROP TABLE duplicate_requests;
CREATE UNIQUE INDEX care_requests_one_open ON care_requests (patient_id, kind)
    WHERE status IN ('open', 'assigned', 'in_progress');

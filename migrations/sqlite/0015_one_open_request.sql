-- At most one open (open, assigned, in progress) care request of a kind per patient: a repeated
-- report raises the open one instead. The database holds to it, also between instances, and a
-- new request is one INSERT … ON CONFLICT DO NOTHING.
-- Any second open request of a kind (two instances racing before this index) is closed in
-- favour of the first, which stays open with its chain.
UPDATE care_requests
   SET status = 'cancelled', closed_reason = 'duplicate: an earlier open request of this kind goes on'
 WHERE status IN ('open', 'assigned', 'in_progress')
   AND EXISTS (SELECT 1 FROM care_requests o
                WHERE o.patient_id = care_requests.patient_id AND o.kind = care_requests.kind
                  AND o.status IN ('open', 'assigned', 'in_progress') AND o.id < care_requests.id);
CREATE UNIQUE INDEX care_requests_one_open ON care_requests (patient_id, kind)
    WHERE status IN ('open', 'assigned', 'in_progress');

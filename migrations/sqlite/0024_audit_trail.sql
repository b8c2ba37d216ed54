-- The audit log answers "who saw patient X": the patients a list or an export returned, its
-- filter, the operator of a command-line action; it is append-only and hash-chained.
ALTER TABLE audit_log ADD COLUMN operator TEXT;
ALTER TABLE audit_log ADD COLUMN detail TEXT;
ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
ALTER TABLE audit_log ADD COLUMN hash TEXT;
CREATE TABLE audit_patients (
    audit_id   BIGINT NOT NULL,
    patient_id BIGINT NOT NULL
);
CREATE INDEX audit_patients_patient ON audit_patients (patient_id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_patients_no_update BEFORE UPDATE ON audit_patients
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_patients_no_delete BEFORE DELETE ON audit_patients
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

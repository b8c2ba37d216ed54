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
CREATE FUNCTION audit_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only';
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_patients_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_patients
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();

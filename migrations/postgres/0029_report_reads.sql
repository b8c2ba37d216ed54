-- Whether a report has its assessment (a report waiting for its re-measure has none) was a scan
-- of every assessment: 6 ms per look on SQLite with 80,000 of them. (SQLite's migration also
-- adds a covering index for the history each report reads; PostgreSQL reads it together with
-- the report's insert, in one statement.)
CREATE INDEX assessments_report ON assessments (report_id);

-- Every report reads the patient's whole history, and the rows of one patient lie scattered
-- among everyone else's: this index keeps each patient's reports side by side, with every
-- column the rules read, so the history is a page or two instead of one page per report (a
-- fortnight's wave of 5,000 patients spent a third of its database time there).
CREATE INDEX reports_history ON reports (patient_id, id, completed_at, corrected_at, spo2, temperature, pulse,
    symptoms, feeling, source, source_text, warned, created_at, harder_to_breathe, asks_to_talk, spo2_remeasured,
    cannot_eat_or_drink, respiratory_rate, understood);

-- Whether a report has its assessment (a report waiting for its re-measure has none) was a scan
-- of every assessment: 6 ms per look with 80,000 of them.
CREATE INDEX assessments_report ON assessments (report_id);

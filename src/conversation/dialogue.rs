//! The open check-in dialogue, stored on the patient: which report it fills and which question
//! comes next.

use serde::{Deserialize, Serialize};

use crate::store::patients::Patient;
use crate::store::reports::Report;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    Spo2,
    Temperature,
    Symptoms,
    Feeling,
}

/// The open dialogue, stored on the patient as JSON.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Dialogue {
    /// The draft report, once a value has been read.
    pub report_id: Option<i64>,
    /// A scheduled check-in asks all four questions; a free-text report only what is missing.
    pub check_in: bool,
    /// The patient is ticking symptoms one by one (until "done").
    #[serde(default)]
    pub picking: bool,
    #[serde(default)]
    pub page: usize,
    /// Waiting for a second SpO2 for this report (the re-measure prompt).
    #[serde(default)]
    pub remeasure_of: Option<i64>,
}

impl Dialogue {
    pub(super) fn load(patient: &Patient) -> Option<Dialogue> {
        patient.dialogue.as_deref().and_then(|d| serde_json::from_str(d).ok())
    }
}

/// The next question for a draft; `None` when the report is complete.
pub fn next_step(r: &Report, d: &Dialogue) -> Option<Step> {
    if r.spo2.is_none() {
        Some(Step::Spo2)
    } else if r.temperature.is_none() {
        Some(Step::Temperature)
    } else if d.check_in && (r.symptoms.is_none() || d.picking) {
        Some(Step::Symptoms)
    } else if d.check_in && r.feeling.is_none() {
        Some(Step::Feeling)
    } else {
        None
    }
}

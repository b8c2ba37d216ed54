//! What a care request is: its kind, its status and how it may move, the level of urgency that
//! opens it, and the reasons it carries in words a clinician can check.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Stable,
    Watch,
    Moderate,
    Urgent,
    Emergency,
}

impl Level {
    pub const ALL: [Level; 5] = [
        Level::Stable,
        Level::Watch,
        Level::Moderate,
        Level::Urgent,
        Level::Emergency,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Level::Stable => "stable",
            Level::Watch => "watch",
            Level::Moderate => "moderate",
            Level::Urgent => "urgent",
            Level::Emergency => "emergency",
        }
    }

    pub fn from_code(s: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.code() == s)
    }

    /// The level as a number that sorts by urgency (how a care request stores it).
    pub fn rank(self) -> i64 {
        self as i64
    }

    pub fn from_rank(rank: i64) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.rank() == rank)
    }
}

/// The kinds of care request a route can open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestKind {
    Emergency,
    HospitalCoordination,
    Oxygen,
    HomeVisit,
    PhoneConsultation,
    TreatmentReferral,
    SafetyCheck,
    StaffCall,
    /// A prescription to deliver (opened by a doctor's outcome report).
    PharmacyDelivery,
    /// A nurse or pharmacist consults a doctor on the patient's behalf.
    DoctorConsultation,
    /// Oxygen equipment to bring to a patient's home (a job for the equipment contractors).
    OxygenDelivery,
    /// Lent equipment to fetch back when oxygen ends.
    OxygenCollection,
    /// A patient to drive to or from the station (therapy referral).
    Transport,
    /// Visiting nursing a doctor arranged: a nurse agency observes the patient by visits.
    VisitingNursing,
    /// A home visit to start oxygen once the kit is delivered (a doctor or nurse).
    OxygenStartVisit,
    /// An empty cylinder exchanged for a full one at the patient's home (a contractor's job).
    CylinderSwap,
}

impl RequestKind {
    pub const ALL: [RequestKind; 16] = [
        RequestKind::Emergency,
        RequestKind::HospitalCoordination,
        RequestKind::Oxygen,
        RequestKind::HomeVisit,
        RequestKind::PhoneConsultation,
        RequestKind::TreatmentReferral,
        RequestKind::SafetyCheck,
        RequestKind::StaffCall,
        RequestKind::PharmacyDelivery,
        RequestKind::DoctorConsultation,
        RequestKind::OxygenDelivery,
        RequestKind::OxygenCollection,
        RequestKind::Transport,
        RequestKind::VisitingNursing,
        RequestKind::OxygenStartVisit,
        RequestKind::CylinderSwap,
    ];

    pub fn code(self) -> &'static str {
        match self {
            RequestKind::Emergency => "emergency",
            RequestKind::HospitalCoordination => "hospital_coordination",
            RequestKind::Oxygen => "oxygen",
            RequestKind::HomeVisit => "home_visit",
            RequestKind::PhoneConsultation => "phone_consultation",
            RequestKind::TreatmentReferral => "treatment_referral",
            RequestKind::SafetyCheck => "safety_check",
            RequestKind::StaffCall => "staff_call",
            RequestKind::PharmacyDelivery => "pharmacy_delivery",
            RequestKind::DoctorConsultation => "doctor_consultation",
            RequestKind::OxygenDelivery => "oxygen_delivery",
            RequestKind::OxygenCollection => "oxygen_collection",
            RequestKind::Transport => "transport",
            RequestKind::VisitingNursing => "visiting_nursing",
            RequestKind::OxygenStartVisit => "oxygen_start_visit",
            RequestKind::CylinderSwap => "cylinder_swap",
        }
    }

    pub fn from_code(s: &str) -> Option<RequestKind> {
        RequestKind::ALL.into_iter().find(|k| k.code() == s)
    }

    /// A job for the equipment or transport contractors rather than a clinician.
    pub fn is_job(self) -> bool {
        matches!(
            self,
            RequestKind::OxygenDelivery
                | RequestKind::OxygenCollection
                | RequestKind::Transport
                | RequestKind::CylinderSwap
        )
    }
}

/// Where a care request is: open → assigned → in progress → done / cancelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestStatus {
    Open,
    Assigned,
    InProgress,
    Done,
    Cancelled,
}

impl RequestStatus {
    pub const ALL: [RequestStatus; 5] = [
        RequestStatus::Open,
        RequestStatus::Assigned,
        RequestStatus::InProgress,
        RequestStatus::Done,
        RequestStatus::Cancelled,
    ];

    pub fn code(self) -> &'static str {
        match self {
            RequestStatus::Open => "open",
            RequestStatus::Assigned => "assigned",
            RequestStatus::InProgress => "in_progress",
            RequestStatus::Done => "done",
            RequestStatus::Cancelled => "cancelled",
        }
    }

    pub fn from_code(s: &str) -> Option<RequestStatus> {
        RequestStatus::ALL.into_iter().find(|x| x.code() == s)
    }

    /// The states a request may move to this one from.
    pub fn allowed_from(self) -> &'static [RequestStatus] {
        use RequestStatus::*;
        match self {
            Open => &[],
            Assigned => &[Open],
            InProgress => &[Open, Assigned],
            Done | Cancelled => &[Open, Assigned, InProgress],
        }
    }

    /// Open, or someone's and not yet done.
    pub fn is_live(self) -> bool {
        matches!(
            self,
            RequestStatus::Open | RequestStatus::Assigned | RequestStatus::InProgress
        )
    }

    /// Closing needs a reason a colleague can read later.
    pub fn needs_reason(self) -> bool {
        matches!(self, RequestStatus::Done | RequestStatus::Cancelled)
    }
}

/// Why a level was reached, in words a clinician can check: a message id of `locales/` and its
/// arguments, rendered in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reason {
    pub level: Level,
    pub key: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub args: BTreeMap<String, String>,
}

impl Reason {
    pub fn new(level: Level, key: &str, args: &[(&str, String)]) -> Reason {
        Reason {
            level,
            key: key.to_string(),
            args: args.iter().map(|(k, v)| (k.to_string(), v.clone())).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn care_requests_move_forward_only() {
        use RequestStatus::*;
        for to in RequestStatus::ALL {
            for from in RequestStatus::ALL {
                let allowed = to.allowed_from().contains(&from);
                let expected = matches!(
                    (from, to),
                    (Open, Assigned) | (Open | Assigned, InProgress) | (Open | Assigned | InProgress, Done | Cancelled)
                );
                assert_eq!(allowed, expected, "{from:?} → {to:?}");
            }
        }
    }
}

//! What a provider who took a request can report about it (the outcome buttons), by the kind of
//! request and the provider's role. Pure.

use super::request::RequestKind;

/// What the accepting provider (of `role`) can report (the outcome buttons) for a kind of
/// request.
pub fn outcomes_for(kind: Option<RequestKind>, role: &str) -> &'static [&'static str] {
    match kind {
        // a night doctor holding a prescription hands over the first-line drug set
        Some(RequestKind::PharmacyDelivery) if role == "doctor" => &["drug_set", "no_contact"],
        Some(RequestKind::PharmacyDelivery) => &["delivered", "no_contact"],
        Some(RequestKind::OxygenDelivery) => &["kit_delivered", "not_delivered"],
        Some(RequestKind::OxygenCollection) => &["collected", "not_collected"],
        Some(RequestKind::Transport) => &["arrived", "no_contact"],
        Some(RequestKind::VisitingNursing) => &["visited", "oxygen", "admission", "no_contact"],
        Some(RequestKind::OxygenStartVisit) => &["oxygen_started", "no_contact"],
        Some(RequestKind::CylinderSwap) => &["swapped", "not_swapped"],
        Some(RequestKind::HospitalCoordination) => &["admission_arranged", "no_contact"],
        // the support centre holding a visit gives it to a doctor, or finds it needs admission
        Some(RequestKind::HomeVisit) if role == "support_centre" => &["admission_arranged", "no_contact"],
        _ => &[
            "consulted",
            "visited",
            "prescribed",
            "oxygen",
            "admission",
            "nursing",
            "drug_set",
            "no_contact",
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_buttons_fit_who_holds_the_request() {
        assert!(outcomes_for(Some(RequestKind::PharmacyDelivery), "doctor").contains(&"drug_set"));
        assert!(!outcomes_for(Some(RequestKind::PharmacyDelivery), "pharmacist").contains(&"drug_set"));
        assert!(outcomes_for(Some(RequestKind::HomeVisit), "support_centre").contains(&"admission_arranged"));
        assert!(outcomes_for(Some(RequestKind::HomeVisit), "doctor").contains(&"nursing"));
    }
}

//! SQL written once for the statements of several aggregates.

/// The statuses of a request still to be acted on (`status IN {LIVE}`): those a request can be
/// closed from ([`crate::domain::triage::RequestStatus`]), and the same text as the unique index
/// of migration 0015 that holds a patient to one live request of a kind.
pub const LIVE: &str = "('open', 'assigned', 'in_progress')";

/// The statuses of a request a provider holds: taken and not yet closed.
pub const TAKEN: &str = "('assigned', 'in_progress')";

/// The statuses of an offer that gave its provider the request (by accepting, or from staff).
pub const HOLDING: &str = "('accepted', 'assigned')";

/// A list of codes as SQL, for the tests that hold the constants to the enums.
#[cfg(test)]
fn list<T: crate::domain::code::Code>(all: &[T]) -> String {
    format!(
        "({})",
        all.iter()
            .map(|s| format!("'{}'", s.code()))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_taken_and_holding_statuses_are_the_enums() {
        use crate::domain::chain::OfferStatus;
        use crate::domain::triage::RequestStatus;
        let live = RequestStatus::Done.allowed_from();
        let taken: Vec<RequestStatus> = live.iter().copied().filter(|s| *s != RequestStatus::Open).collect();
        assert_eq!(super::TAKEN, super::list(&taken));
        assert_eq!(
            super::HOLDING,
            super::list(&[OfferStatus::Accepted, OfferStatus::Assigned])
        );
    }

    #[test]
    fn the_live_statuses_are_the_enums_and_the_unique_indexs() {
        use crate::domain::triage::RequestStatus;
        let from_enum: Vec<String> = RequestStatus::Done
            .allowed_from()
            .iter()
            .map(|s| format!("'{}'", s.code()))
            .collect();
        assert_eq!(super::LIVE, format!("({})", from_enum.join(", ")));
        for engine in ["sqlite", "postgres"] {
            let migration = std::fs::read_to_string(format!(
                "{}/migrations/{engine}/0015_one_open_request.sql",
                env!("CARGO_MANIFEST_DIR")
            ))
            .expect("migration");
            assert!(
                migration.contains(&format!("WHERE status IN {};", super::LIVE)),
                "{engine}"
            );
        }
    }
}

//! SQL written once for the statements of several aggregates.

/// The statuses of a request still to be acted on (`status IN {LIVE}`): those a request can be
/// closed from ([`crate::domain::triage::RequestStatus`]), and the same text as the unique index
/// of migration 0015 that holds a patient to one live request of a kind.
pub const LIVE: &str = "('open', 'assigned', 'in_progress')";

#[cfg(test)]
mod tests {
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

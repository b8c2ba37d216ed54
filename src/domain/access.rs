//! Who may do what: the three staff roles and the actions they allow, as one table. Every API
//! route, console page and form names the action it performs; a role that does not allow it is
//! refused before anything is read or changed.

crate::code_enum! {
    /// A staff member's role.
    pub enum Role {
        /// Reads patients, requests, alerts and resources; changes nothing, exports no patient data.
        Viewer = "viewer",
        /// The clinical work: requests, patients, messages, episodes, oxygen orders, admissions.
        Staff = "staff",
        /// Also staff accounts, providers, rosters, equipment stock, stations and the audit log.
        Admin = "admin",
    }
}

crate::code_enum! {
    /// What a request to the API or the console does.
    pub enum Action {
        /// Read patients, care requests, alerts, resources and reports.
        Read = "read",
        /// Take patient data out of the service in bulk (exports).
        ExportPatientData = "export_patient_data",
        /// Assign, close or open care requests; acknowledge and resolve alerts.
        ActOnRequests = "act_on_requests",
        /// Register patients, end or extend episodes, message a patient.
        ManagePatients = "manage_patients",
        /// Order and end oxygen, admit and discharge at the station, move lent units.
        Oxygen = "oxygen",
        /// Compose, send, approve and cancel broadcasts.
        Broadcast = "broadcast",
        /// Add, disable and change staff accounts and their tokens.
        ManageStaff = "manage_staff",
        /// Add providers and load rosters.
        ManageProviders = "manage_providers",
        /// Add and retire equipment units, stations and beds.
        ManageResources = "manage_resources",
        /// Read the audit log.
        ReadAudit = "read_audit",
    }
}

impl Role {
    /// The one table: whether this role may perform `action`.
    pub fn allows(self, action: Action) -> bool {
        use Action::*;
        match self {
            Role::Viewer => action == Read,
            Role::Staff => matches!(
                action,
                Read | ExportPatientData | ActOnRequests | ManagePatients | Oxygen | Broadcast
            ),
            Role::Admin => true,
        }
    }
}

/// The role × action table as Markdown, as the README shows it (a test keeps the two equal).
pub fn table_markdown() -> String {
    let mut out = String::from("| action | viewer | staff | admin |\n|---|---|---|---|\n");
    for action in Action::ALL {
        let cells: Vec<&str> = Role::ALL
            .iter()
            .map(|r| if r.allows(*action) { "yes" } else { "—" })
            .collect();
        out.push_str(&format!("| `{}` | {} |\n", action.code(), cells.join(" | ")));
    }
    out
}

/// An account limited to some areas sees only their patients (and what concerns them); `None`:
/// every area. A patient with no area on file is seen by unrestricted accounts only.
pub fn sees_area(areas: Option<&[String]>, area: Option<&str>) -> bool {
    match (areas, area) {
        (None, _) => true,
        (Some(allowed), Some(a)) => allowed.iter().any(|x| x == a),
        (Some(_), None) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_viewer_only_reads_and_only_an_admin_manages() {
        assert!(Role::Viewer.allows(Action::Read));
        assert!(!Role::Viewer.allows(Action::ActOnRequests));
        assert!(!Role::Viewer.allows(Action::ExportPatientData));
        assert!(Role::Staff.allows(Action::ActOnRequests));
        assert!(Role::Staff.allows(Action::Oxygen));
        assert!(!Role::Staff.allows(Action::ManageStaff));
        assert!(!Role::Staff.allows(Action::ReadAudit));
        for a in Action::ALL {
            assert!(Role::Admin.allows(*a), "{a}");
        }
    }

    #[test]
    fn an_area_restriction_hides_other_areas_and_patients_without_one() {
        let north = vec!["north".to_string()];
        assert!(sees_area(None, Some("south")));
        assert!(sees_area(None, None));
        assert!(sees_area(Some(&north), Some("north")));
        assert!(!sees_area(Some(&north), Some("south")));
        assert!(!sees_area(Some(&north), None));
    }
}

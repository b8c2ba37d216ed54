//! The oxygen/medical station's beds and admissions (the Nerima scheme), as state machines:
//! an admission's state decides its bed's. Pure: storage moves a row only along an edge
//! allowed here.

use super::equipment::Refused;

/// A kind of station bed: oxygen, or antibody/therapy (the Nerima station had 24 + 11).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum BedKind {
    Oxygen,
    Therapy,
}

impl BedKind {
    pub const ALL: [BedKind; 2] = [BedKind::Oxygen, BedKind::Therapy];

    pub fn code(self) -> &'static str {
        match self {
            BedKind::Oxygen => "oxygen",
            BedKind::Therapy => "therapy",
        }
    }

    pub fn from_code(s: &str) -> Option<BedKind> {
        BedKind::ALL.into_iter().find(|k| k.code() == s.trim())
    }
}

/// "oxygen=24,therapy=11" → the beds to create, refusing unknown kinds, repeats and zero.
pub fn parse_beds(s: &str) -> Result<Vec<(BedKind, u32)>, String> {
    let mut out: Vec<(BedKind, u32)> = Vec::new();
    for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let Some((kind, n)) = part.split_once('=') else {
            return Err(format!("{part:?}: write kind=number, e.g. oxygen=24,therapy=11"));
        };
        let Some(kind) = BedKind::from_code(kind) else {
            return Err(format!("{:?} is not a bed kind (oxygen or therapy)", kind.trim()));
        };
        let n: u32 = n
            .trim()
            .parse()
            .map_err(|_| format!("{:?} is not a number of beds", n.trim()))?;
        if n == 0 || n > 1000 {
            return Err(format!("{part:?}: a station has 1 to 1000 beds of a kind"));
        }
        if out.iter().any(|(k, _)| *k == kind) {
            return Err(format!("{} beds are given twice", kind.code()));
        }
        out.push((kind, n));
    }
    if out.is_empty() {
        return Err("give the beds, e.g. --beds oxygen=24,therapy=11".into());
    }
    Ok(out)
}

/// Where an admission to the station is (the hotline flow, and the therapy referral).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AdmissionStatus {
    /// Asked for; a bed is held while the hotline decides.
    Requested,
    /// The station said yes; transport and arrival follow.
    Accepted,
    Declined,
    /// In a bed.
    Admitted,
    /// Therapy given (therapy beds).
    Treated,
    /// Home again.
    Discharged,
    /// Moved to hospital.
    Transferred,
    Cancelled,
}

impl AdmissionStatus {
    pub const ALL: [AdmissionStatus; 8] = [
        AdmissionStatus::Requested,
        AdmissionStatus::Accepted,
        AdmissionStatus::Declined,
        AdmissionStatus::Admitted,
        AdmissionStatus::Treated,
        AdmissionStatus::Discharged,
        AdmissionStatus::Transferred,
        AdmissionStatus::Cancelled,
    ];

    pub fn code(self) -> &'static str {
        match self {
            AdmissionStatus::Requested => "requested",
            AdmissionStatus::Accepted => "accepted",
            AdmissionStatus::Declined => "declined",
            AdmissionStatus::Admitted => "admitted",
            AdmissionStatus::Treated => "treated",
            AdmissionStatus::Discharged => "discharged",
            AdmissionStatus::Transferred => "transferred",
            AdmissionStatus::Cancelled => "cancelled",
        }
    }

    pub fn from_code(s: &str) -> Option<AdmissionStatus> {
        AdmissionStatus::ALL.into_iter().find(|k| k.code() == s.trim())
    }

    pub fn allowed_from(self) -> &'static [AdmissionStatus] {
        use AdmissionStatus::*;
        match self {
            Requested => &[],
            Accepted | Declined => &[Requested],
            Admitted => &[Requested, Accepted],
            Treated => &[Admitted],
            Discharged | Transferred => &[Admitted, Treated],
            Cancelled => &[Requested, Accepted],
        }
    }

    /// The bed an admission in this state holds: held, occupied or given back.
    pub fn bed(self) -> BedState {
        use AdmissionStatus::*;
        match self {
            Requested | Accepted => BedState::Held,
            Admitted | Treated => BedState::Occupied,
            Declined | Discharged | Transferred | Cancelled => BedState::Free,
        }
    }

    pub fn is_open(self) -> bool {
        self.bed() != BedState::Free
    }
}

/// Checks one move of an admission.
pub fn admission_move(from: AdmissionStatus, to: AdmissionStatus) -> Result<(), Refused> {
    if to.allowed_from().contains(&from) {
        Ok(())
    } else {
        Err(Refused {
            what: "station admission",
            from: from.code(),
            to: to.code(),
        })
    }
}

/// A bed: free, held for an admission being decided or on its way, occupied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum BedState {
    Free,
    Held,
    Occupied,
}

impl BedState {
    pub const ALL: [BedState; 3] = [BedState::Free, BedState::Held, BedState::Occupied];

    pub fn code(self) -> &'static str {
        match self {
            BedState::Free => "free",
            BedState::Held => "held",
            BedState::Occupied => "occupied",
        }
    }

    pub fn from_code(s: &str) -> Option<BedState> {
        BedState::ALL.into_iter().find(|k| k.code() == s.trim())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn admissions_hold_then_occupy_then_free_the_bed() {
        use AdmissionStatus::*;
        let allowed = [
            (Requested, Accepted),
            (Requested, Declined),
            (Requested, Admitted),
            (Accepted, Admitted),
            (Admitted, Treated),
            (Admitted, Discharged),
            (Treated, Discharged),
            (Admitted, Transferred),
            (Treated, Transferred),
            (Requested, Cancelled),
            (Accepted, Cancelled),
        ];
        for from in AdmissionStatus::ALL {
            for to in AdmissionStatus::ALL {
                assert_eq!(
                    admission_move(from, to).is_ok(),
                    allowed.contains(&(from, to)),
                    "{from:?} → {to:?}"
                );
            }
        }
        assert_eq!(Requested.bed(), BedState::Held);
        assert_eq!(Admitted.bed(), BedState::Occupied);
        assert_eq!(Discharged.bed(), BedState::Free);
        assert_eq!(
            admission_move(Discharged, Admitted).expect_err("closed").to_string(),
            "a station admission that is discharged cannot become admitted"
        );
    }

    #[test]
    fn beds_are_given_as_kind_equals_number() {
        assert_eq!(
            parse_beds("oxygen=24,therapy=11"),
            Ok(vec![(BedKind::Oxygen, 24), (BedKind::Therapy, 11)])
        );
        assert_eq!(parse_beds(" oxygen = 3 "), Ok(vec![(BedKind::Oxygen, 3)]));
        for bad in ["", "oxygen", "icu=3", "oxygen=0", "oxygen=x", "oxygen=2,oxygen=3"] {
            assert!(parse_beds(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn codes_round_trip() {
        for s in AdmissionStatus::ALL {
            assert_eq!(AdmissionStatus::from_code(s.code()), Some(s));
        }
        for s in BedState::ALL {
            assert_eq!(BedState::from_code(s.code()), Some(s));
        }
    }
}

//! The oxygen route that knows capacity (docs/TRIAGE.md): station admission when a bed is free
//! and the patient qualifies, else oxygen at home, else hospital.

/// Where a patient who needs oxygen goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OxygenRoute {
    /// A free oxygen bed at the station, for a patient who qualifies.
    Station,
    /// Equipment delivered at home on a doctor's order.
    Home,
    /// Neither: hospital admission must be arranged now, and staff are alerted.
    Hospital,
}

impl OxygenRoute {
    pub fn code(self) -> &'static str {
        match self {
            OxygenRoute::Station => "station",
            OxygenRoute::Home => "home",
            OxygenRoute::Hospital => "hospital",
        }
    }
}

/// What routing knows of the patient.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    /// Independent in daily living (ADL); `None` when not recorded.
    pub independent: Option<bool>,
    /// An emergency sign in the latest assessment: the station is not the place.
    pub emergency: bool,
}

impl Candidate {
    /// The station takes patients who are otherwise mild and independent; an unknown ADL does
    /// not qualify (a doubt sends the patient to the route with a doctor at the bedside).
    pub fn qualifies_for_station(&self) -> bool {
        self.independent == Some(true) && !self.emergency
    }
}

/// The oxygen route for a patient, given what is free now.
pub fn route_oxygen(candidate: &Candidate, oxygen_bed_free: bool, kit_available: bool) -> OxygenRoute {
    if oxygen_bed_free && candidate.qualifies_for_station() {
        OxygenRoute::Station
    } else if kit_available && !candidate.emergency {
        OxygenRoute::Home
    } else {
        OxygenRoute::Hospital
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_oxygen_route_knows_capacity_and_who_qualifies() {
        let independent = Candidate {
            independent: Some(true),
            emergency: false,
        };
        let dependent = Candidate {
            independent: Some(false),
            emergency: false,
        };
        let unknown = Candidate {
            independent: None,
            emergency: false,
        };
        let emergency = Candidate {
            independent: Some(true),
            emergency: true,
        };
        assert_eq!(route_oxygen(&independent, true, true), OxygenRoute::Station);
        assert_eq!(route_oxygen(&independent, true, false), OxygenRoute::Station);
        assert_eq!(route_oxygen(&independent, false, true), OxygenRoute::Home);
        assert_eq!(route_oxygen(&independent, false, false), OxygenRoute::Hospital);
        assert_eq!(route_oxygen(&dependent, true, true), OxygenRoute::Home);
        assert_eq!(route_oxygen(&unknown, true, true), OxygenRoute::Home);
        assert_eq!(route_oxygen(&dependent, true, false), OxygenRoute::Hospital);
        // emergency signs: neither the station nor a cylinder at home
        assert_eq!(route_oxygen(&emergency, true, true), OxygenRoute::Hospital);
    }
}

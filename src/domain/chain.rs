//! Escalation chains (PRODUCT.md flow 4, the seeds' pillars 1 and 2): for each kind of care
//! request, the ordered steps through which it is offered — the family doctor in the daytime,
//! the association roster for the patient's area and the shift, the night roster, the area
//! director and health-centre staff; for a prescription the seeds' pharmacy routing — each step
//! waiting for an accept before the next. Pure: the chain is data, and which step comes next
//! depends only on the step, the moment and the patient's record.

use chrono::{Duration, NaiveDateTime};

use super::calendar::{PharmacyRoute, ServiceHours, Shift};
use super::coverage::Routing;
use super::triage::{Level, RequestKind};

/// Whom a step offers the request to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The patient's own family doctor (pillar 1).
    FamilyDoctor,
    /// Doctors on the roster for the patient's area in the current shift; `at_once` are
    /// offered together (the first accept wins), the rest in the next round.
    Roster { at_once: usize },
    /// The night roster, whatever the hour (emergencies go straight there).
    NightRoster { at_once: usize },
    /// The medical association's area director for the patient's area.
    AreaDirector,
    /// The patient's usual pharmacy (pillar 1).
    UsualPharmacy,
    /// Partner pharmacies: pharmacists on the day roster for the patient's area.
    PartnerPharmacy { at_once: usize },
    /// The pharmacists' association office, which finds a pharmacy when none took it.
    PharmacyOffice,
    /// The ward's holiday pharmacy: pharmacists on the holiday roster.
    HolidayPharmacy { at_once: usize },
    /// Equipment or transport contractors for the patient's area (or for every area).
    Contractors { at_once: usize },
    /// Visiting-nurse agencies on the roster for the patient's area in the current shift.
    NurseRoster { at_once: usize },
    /// The night-visit doctor service (roster duty `night_service`), for requests the coverage
    /// file routes to it.
    NightService { at_once: usize },
    /// The medical association's support centre for the patient's area, which arranges visits
    /// and admissions no family doctor took.
    SupportCentre,
    /// Health-centre staff: the chain is exhausted; a person must act.
    Staff,
}

impl Target {
    /// The role a provider needs to be offered this step.
    pub fn role(self) -> &'static str {
        match self {
            Target::UsualPharmacy
            | Target::PartnerPharmacy { .. }
            | Target::PharmacyOffice
            | Target::HolidayPharmacy { .. } => "pharmacist",
            Target::Contractors { .. } => "contractor",
            Target::NurseRoster { .. } => "nurse",
            Target::SupportCentre => "support_centre",
            _ => "doctor",
        }
    }
}

/// When a step applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gate {
    Always,
    /// Only in the day shift (weekday or Saturday daytime).
    Day,
    /// Outside the day shift (Sundays, holidays, nights).
    NotDay,
    /// Weekday and Saturday pharmacy hours.
    PharmacyHours,
    /// Sunday and holiday pharmacy hours.
    HolidayPharmacyHours,
}

/// The moment and the patient, as far as a chain cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Situation {
    pub shift: Shift,
    pub pharmacy: PharmacyRoute,
    pub family_doctor: bool,
    pub usual_pharmacy: bool,
}

impl Situation {
    pub fn at(hours: &ServiceHours, local: NaiveDateTime, family_doctor: bool, usual_pharmacy: bool) -> Situation {
        Situation {
            shift: hours.shift(local),
            pharmacy: hours.pharmacy(local),
            family_doctor,
            usual_pharmacy,
        }
    }

    fn admits(&self, step: &Step) -> bool {
        let open = match step.gate {
            Gate::Always => true,
            Gate::Day => self.shift == Shift::Day,
            Gate::NotDay => self.shift != Shift::Day,
            Gate::PharmacyHours => self.pharmacy == PharmacyRoute::Usual,
            Gate::HolidayPharmacyHours => self.pharmacy == PharmacyRoute::HolidayPharmacy,
        };
        open && match step.target {
            Target::FamilyDoctor => self.family_doctor,
            Target::UsualPharmacy => self.usual_pharmacy,
            _ => true,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub target: Target,
    pub gate: Gate,
    /// How long the offer stands before the chain moves on.
    pub wait: Duration,
}

fn step(target: Target, gate: Gate, minutes: i64) -> Step {
    Step {
        target,
        gate,
        wait: Duration::minutes(minutes),
    }
}

/// The chain of a request the coverage file routes to the night-visit service: its doctors,
/// then the ward's own night roster, then staff. A prescription routed there is the night
/// doctor's first-line drug set, so it is not held for the pharmacies to open.
pub fn night_service_chain(kind: RequestKind, level: Level) -> Option<Vec<Step>> {
    default_chain(kind, level)?;
    let wait = if level >= Level::Urgent { 10 } else { 20 };
    let at_once = if level >= Level::Emergency { 5 } else { 3 };
    Some(vec![
        step(Target::NightService { at_once }, Gate::Always, wait),
        step(Target::NightRoster { at_once }, Gate::Always, wait),
        step(Target::Staff, Gate::Always, 0),
    ])
}

/// Starting oxygen at home where the ward sends visiting nurses for it
/// (`MIMAMORI_OXYGEN_START_BY=nurse`): the agencies covering the area, then staff.
pub fn oxygen_start_by_nurses() -> Vec<Step> {
    vec![
        step(Target::NurseRoster { at_once: 3 }, Gate::Always, 20),
        step(Target::NurseRoster { at_once: 3 }, Gate::Always, 20),
        step(Target::Staff, Gate::Always, 0),
    ]
}

/// The chain for a request as the coverage file routes it.
pub fn chain_for(kind: RequestKind, level: Level, routing: Routing) -> Option<Vec<Step>> {
    match routing {
        Routing::Usual => default_chain(kind, level),
        Routing::NightService => night_service_chain(kind, level),
    }
}

/// The default chain for a request (the seeds' rules). `None`: the request is not offered to
/// providers through a chain (safety checks, staff calls and hospital coordination are staff
/// tasks; oxygen and treatment referral have routes of their own).
pub fn default_chain(kind: RequestKind, level: Level) -> Option<Vec<Step>> {
    let urgent = level >= Level::Urgent;
    // an urgent request waits less at each step
    let wait = if urgent { 10 } else { 20 };
    match kind {
        // admission is arranged by the support centre, then staff
        RequestKind::HospitalCoordination => Some(vec![
            step(Target::SupportCentre, Gate::Always, wait),
            step(Target::Staff, Gate::Always, 0),
        ]),
        // the visit ping: the agencies covering the area, three at once, then staff
        RequestKind::VisitingNursing => Some(vec![
            step(Target::NurseRoster { at_once: 3 }, Gate::Always, 30),
            step(Target::NurseRoster { at_once: 3 }, Gate::Always, 30),
            step(Target::Staff, Gate::Always, 0),
        ]),
        RequestKind::PhoneConsultation | RequestKind::HomeVisit | RequestKind::DoctorConsultation
            if level < Level::Emergency =>
        {
            // a visit no family doctor took goes to the support centre, which finds a doctor
            let centre = (kind == RequestKind::HomeVisit).then(|| step(Target::SupportCentre, Gate::Always, wait));
            let steps = [step(Target::FamilyDoctor, Gate::Day, wait)]
                .into_iter()
                .chain(centre)
                .chain([
                    step(Target::Roster { at_once: 3 }, Gate::Day, wait),
                    step(Target::Roster { at_once: 3 }, Gate::Day, wait),
                    step(Target::Roster { at_once: 3 }, Gate::NotDay, wait),
                    step(Target::NightRoster { at_once: 3 }, Gate::Always, wait),
                    step(Target::AreaDirector, Gate::Always, wait),
                    step(Target::Staff, Gate::Always, 0),
                ]);
            Some(steps.collect())
        }
        // night and emergencies → the night roster directly
        RequestKind::PhoneConsultation
        | RequestKind::HomeVisit
        | RequestKind::DoctorConsultation
        | RequestKind::Emergency => Some(vec![
            step(Target::NightRoster { at_once: 5 }, Gate::Always, 10),
            step(Target::AreaDirector, Gate::Always, 10),
            step(Target::Staff, Gate::Always, 0),
        ]),
        // the seeds' pharmacy routing; outside pharmacy hours the chain waits (see [`hold_until`])
        RequestKind::PharmacyDelivery => Some(vec![
            step(Target::UsualPharmacy, Gate::PharmacyHours, 30),
            step(Target::PartnerPharmacy { at_once: 3 }, Gate::PharmacyHours, 30),
            step(Target::PharmacyOffice, Gate::PharmacyHours, 30),
            step(Target::HolidayPharmacy { at_once: 3 }, Gate::HolidayPharmacyHours, 30),
            step(Target::Staff, Gate::Always, 0),
        ]),
        // starting oxygen at home: the doctor who ordered it, then the roster, at any hour
        RequestKind::OxygenStartVisit => Some(vec![
            step(Target::FamilyDoctor, Gate::Always, wait),
            step(Target::Roster { at_once: 3 }, Gate::Always, wait),
            step(Target::NightRoster { at_once: 3 }, Gate::Always, wait),
            step(Target::Staff, Gate::Always, 0),
        ]),
        // delivery, collection and swaps of lent equipment, transport: the contractors, then staff
        RequestKind::OxygenDelivery
        | RequestKind::OxygenCollection
        | RequestKind::Transport
        | RequestKind::CylinderSwap => Some(vec![
            step(Target::Contractors { at_once: 3 }, Gate::Always, 30),
            step(Target::Contractors { at_once: 3 }, Gate::Always, 30),
            step(Target::Staff, Gate::Always, 0),
        ]),
        // oxygen is routed by capacity (station bed, kit at home, hospital) before anyone is asked
        RequestKind::Oxygen | RequestKind::TreatmentReferral | RequestKind::SafetyCheck | RequestKind::StaffCall => {
            None
        }
    }
}

/// When a chain must wait before its next step: a prescription outside pharmacy hours is
/// offered when the pharmacies open (at night the visiting doctor's first-line drug set covers
/// the patient). `None`: go on now.
pub fn hold_until(kind: RequestKind, hours: &ServiceHours, local: NaiveDateTime) -> Option<NaiveDateTime> {
    match kind {
        RequestKind::PharmacyDelivery if hours.pharmacy(local) == PharmacyRoute::Closed => {
            hours.next_pharmacy_opening(local)
        }
        _ => None,
    }
}

/// The next step to take after step `done` (`None` before the first), skipping steps whose gate
/// is closed and those the patient has nobody for. Returns the step's index and the step.
pub fn next_step<'a>(chain: &'a [Step], done: Option<usize>, situation: &Situation) -> Option<(usize, &'a Step)> {
    let from = done.map_or(0, |d| d + 1);
    chain.iter().enumerate().skip(from).find(|(_, s)| situation.admits(s))
}

crate::code_enum! {
    /// Where one offer of a request to one provider stands.
    pub enum OfferStatus {
        /// Waiting for the provider's answer.
        Offered = "offered",
        Accepted = "accepted",
        Declined = "declined",
        /// No answer before its deadline.
        Expired = "expired",
        /// Another provider accepted first.
        Taken = "taken",
        /// Staff closed or assigned the request while it waited.
        Withdrawn = "withdrawn",
        /// Staff assigned the request to this provider by hand.
        Assigned = "assigned",
        /// Accepted or assigned, then staff gave the request to someone else.
        Reassigned = "reassigned",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn situation(shift: Shift, family: bool) -> Situation {
        Situation {
            shift,
            pharmacy: PharmacyRoute::Usual,
            family_doctor: family,
            usual_pharmacy: true,
        }
    }

    fn targets(kind: RequestKind, level: Level, shift: Shift, family: bool) -> Vec<Target> {
        walk(kind, level, &situation(shift, family))
    }

    fn walk(kind: RequestKind, level: Level, situation: &Situation) -> Vec<Target> {
        let chain = default_chain(kind, level).expect("a chain");
        let mut out = Vec::new();
        let mut done = None;
        while let Some((i, s)) = next_step(&chain, done, situation) {
            out.push(s.target);
            done = Some(i);
        }
        out
    }

    #[test]
    fn daytime_starts_with_the_family_doctor_then_the_roster() {
        let t = targets(RequestKind::PhoneConsultation, Level::Moderate, Shift::Day, true);
        assert_eq!(t[0], Target::FamilyDoctor);
        assert_eq!(t[1], Target::Roster { at_once: 3 });
        assert_eq!(t.last(), Some(&Target::Staff), "always ends with people who must act");
        assert!(t.contains(&Target::AreaDirector));
    }

    #[test]
    fn a_visit_no_family_doctor_takes_goes_to_the_support_centre_then_the_roster() {
        let t = targets(RequestKind::HomeVisit, Level::Moderate, Shift::Day, false);
        assert_eq!(t[..2], [Target::SupportCentre, Target::Roster { at_once: 3 }]);
        let t = targets(RequestKind::HomeVisit, Level::Moderate, Shift::Day, true);
        assert_eq!(t[..2], [Target::FamilyDoctor, Target::SupportCentre]);
        // a telephone consultation is the roster's
        let t = targets(RequestKind::PhoneConsultation, Level::Moderate, Shift::Day, false);
        assert_eq!(t[0], Target::Roster { at_once: 3 });
    }

    #[test]
    fn nights_sundays_and_holidays_skip_the_family_doctor() {
        for shift in [Shift::Night, Shift::Holiday] {
            let t = targets(RequestKind::PhoneConsultation, Level::Moderate, shift, true);
            assert!(!t.contains(&Target::FamilyDoctor), "{shift:?}");
            assert_eq!(t.last(), Some(&Target::Staff));
        }
    }

    #[test]
    fn emergencies_go_to_the_night_roster_directly() {
        for shift in [Shift::Day, Shift::Night, Shift::Holiday] {
            let t = targets(RequestKind::Emergency, Level::Emergency, shift, true);
            assert_eq!(t[0], Target::NightRoster { at_once: 5 }, "{shift:?}");
            let t = targets(RequestKind::HomeVisit, Level::Emergency, shift, true);
            assert_eq!(t[0], Target::NightRoster { at_once: 5 }, "{shift:?}");
        }
    }

    #[test]
    fn urgent_requests_wait_less_at_each_step() {
        let slow = default_chain(RequestKind::PhoneConsultation, Level::Moderate).expect("chain");
        let fast = default_chain(RequestKind::PhoneConsultation, Level::Urgent).expect("chain");
        assert!(fast[0].wait < slow[0].wait);
    }

    #[test]
    fn equipment_jobs_go_to_contractors_at_any_hour_then_staff() {
        for kind in [
            RequestKind::OxygenDelivery,
            RequestKind::OxygenCollection,
            RequestKind::Transport,
            RequestKind::CylinderSwap,
        ] {
            for shift in [Shift::Day, Shift::Night, Shift::Holiday] {
                let t = targets(kind, Level::Urgent, shift, true);
                assert_eq!(
                    t,
                    [
                        Target::Contractors { at_once: 3 },
                        Target::Contractors { at_once: 3 },
                        Target::Staff
                    ],
                    "{kind:?} {shift:?}"
                );
                assert!(t.iter().all(|s| *s == Target::Staff || s.role() == "contractor"));
            }
        }
    }

    #[test]
    fn staff_tasks_have_no_chain() {
        assert!(default_chain(RequestKind::SafetyCheck, Level::Urgent).is_none());
        assert!(default_chain(RequestKind::StaffCall, Level::Watch).is_none());
    }

    #[test]
    fn every_chain_ends_with_staff_in_every_situation() {
        let pharmacy = [
            PharmacyRoute::Usual,
            PharmacyRoute::HolidayPharmacy,
            PharmacyRoute::Closed,
        ];
        for kind in RequestKind::ALL {
            for level in Level::ALL {
                if default_chain(kind, level).is_none() {
                    continue;
                }
                for shift in [Shift::Day, Shift::Holiday, Shift::Night] {
                    for route in pharmacy {
                        for family in [true, false] {
                            let s = Situation {
                                shift,
                                pharmacy: route,
                                family_doctor: family,
                                usual_pharmacy: family,
                            };
                            let t = walk(kind, level, &s);
                            assert_eq!(t.last(), Some(&Target::Staff), "{kind:?} {level:?} {s:?}");
                        }
                    }
                }
            }
        }
    }

    fn tokyo(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(y, m, d)
            .and_then(|d| d.and_hms_opt(h, min, 0))
            .expect("a date")
    }

    #[test]
    fn prescriptions_follow_the_seeds_pharmacy_routing() {
        let hours = ServiceHours::default();
        let at = |local| Situation::at(&hours, local, true, true);
        // weekday within hours: the usual pharmacy, then partners, then the association office
        let t = walk(
            RequestKind::PharmacyDelivery,
            Level::Moderate,
            &at(tokyo(2026, 11, 20, 11, 0)),
        );
        assert_eq!(
            t,
            [
                Target::UsualPharmacy,
                Target::PartnerPharmacy { at_once: 3 },
                Target::PharmacyOffice,
                Target::Staff
            ]
        );
        // no usual pharmacy: partners first
        let s = Situation::at(&hours, tokyo(2026, 11, 21, 15, 0), true, false);
        assert_eq!(
            walk(RequestKind::PharmacyDelivery, Level::Moderate, &s)[0],
            Target::PartnerPharmacy { at_once: 3 }
        );
        // Sunday and a substitute holiday: the holiday pharmacy
        for day in [tokyo(2026, 11, 22, 11, 0), tokyo(2026, 5, 6, 11, 0)] {
            let t = walk(RequestKind::PharmacyDelivery, Level::Moderate, &at(day));
            assert_eq!(t, [Target::HolidayPharmacy { at_once: 3 }, Target::Staff], "{day}");
        }
        for target in t {
            assert!(target == Target::Staff || target.role() == "pharmacist");
        }
    }

    #[test]
    fn prescriptions_wait_for_the_pharmacies_to_open() {
        let hours = ServiceHours::default();
        let kind = RequestKind::PharmacyDelivery;
        // Friday 20:00 → Saturday 10:00
        assert_eq!(
            hours_after(kind, &hours, tokyo(2026, 11, 20, 20, 0)),
            Some(tokyo(2026, 11, 21, 10, 0))
        );
        // Saturday 16:30 (closed since 16:00) → Sunday 10:00, the holiday pharmacy
        assert_eq!(
            hours_after(kind, &hours, tokyo(2026, 11, 21, 16, 30)),
            Some(tokyo(2026, 11, 22, 10, 0))
        );
        // early Monday → Monday 10:00
        assert_eq!(
            hours_after(kind, &hours, tokyo(2026, 11, 23, 6, 0)),
            Some(tokyo(2026, 11, 23, 10, 0))
        );
        // open: no wait; doctors never wait
        assert_eq!(hours_after(kind, &hours, tokyo(2026, 11, 20, 11, 0)), None);
        assert_eq!(
            hours_after(RequestKind::HomeVisit, &hours, tokyo(2026, 11, 20, 20, 0)),
            None
        );
    }

    fn hours_after(kind: RequestKind, hours: &ServiceHours, at: NaiveDateTime) -> Option<NaiveDateTime> {
        hold_until(kind, hours, at)
    }

    #[test]
    fn doctor_steps_offer_doctors() {
        for t in targets(RequestKind::HomeVisit, Level::Moderate, Shift::Day, true) {
            // the support centre finds a doctor rather than visiting
            assert!(matches!(t, Target::Staff | Target::SupportCentre) || t.role() == "doctor");
        }
        let t = targets(RequestKind::DoctorConsultation, Level::Moderate, Shift::Day, true);
        assert_eq!(t[0], Target::FamilyDoctor);
    }
}

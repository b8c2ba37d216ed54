//! Escalation chains (PRODUCT.md flow 4, the seeds' pillars 1 and 2): for each kind of care
//! request, the ordered steps through which it is offered — the family doctor in the daytime,
//! the association roster for the patient's area and the shift, the night roster, the area
//! director and health-centre staff — each step waiting for an accept before the next. Pure:
//! the chain is data, and which step comes next depends only on the step, the shift and the
//! patient's record.

use chrono::Duration;

use super::calendar::Shift;
use super::triage::{Level, RequestKind};

/// Whom a step offers the request to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The patient's own family doctor (pillar 1).
    FamilyDoctor,
    /// Roster members for the patient's area in the current shift; `at_once` are offered
    /// together (the first accept wins), the rest in the next round.
    Roster { at_once: usize },
    /// The night roster, whatever the hour (emergencies go straight there).
    NightRoster { at_once: usize },
    /// The medical association's area director.
    AreaDirector,
    /// Health-centre staff: the chain is exhausted; a person must act.
    Staff,
}

/// When a step applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gate {
    Always,
    /// Only in the day shift (weekday or Saturday daytime).
    Day,
    /// Outside the day shift (Sundays, holidays, nights).
    NotDay,
}

impl Gate {
    fn open(self, shift: Shift) -> bool {
        match self {
            Gate::Always => true,
            Gate::Day => shift == Shift::Day,
            Gate::NotDay => shift != Shift::Day,
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

/// The default chain for a request (the seeds' rules). `None`: the request is not offered to
/// providers through a chain (safety checks, staff calls and hospital coordination are staff
/// tasks; oxygen and treatment referral have routes of their own).
pub fn default_chain(kind: RequestKind, level: Level) -> Option<Vec<Step>> {
    let urgent = level >= Level::Urgent;
    // an urgent request waits less at each step
    let wait = if urgent { 10 } else { 20 };
    match kind {
        RequestKind::PhoneConsultation | RequestKind::HomeVisit if level < Level::Emergency => Some(vec![
            step(Target::FamilyDoctor, Gate::Day, wait),
            step(Target::Roster { at_once: 3 }, Gate::Day, wait),
            step(Target::Roster { at_once: 3 }, Gate::Day, wait),
            step(Target::Roster { at_once: 3 }, Gate::NotDay, wait),
            step(Target::NightRoster { at_once: 3 }, Gate::Always, wait),
            step(Target::AreaDirector, Gate::Always, wait),
            step(Target::Staff, Gate::Always, 0),
        ]),
        // night and emergencies → the night roster directly
        RequestKind::PhoneConsultation | RequestKind::HomeVisit | RequestKind::Emergency => Some(vec![
            step(Target::NightRoster { at_once: 5 }, Gate::Always, 10),
            step(Target::AreaDirector, Gate::Always, 10),
            step(Target::Staff, Gate::Always, 0),
        ]),
        // oxygen is routed by capacity (station bed, kit at home, hospital) before anyone is asked
        RequestKind::Oxygen
        | RequestKind::HospitalCoordination
        | RequestKind::TreatmentReferral
        | RequestKind::SafetyCheck
        | RequestKind::StaffCall
        // the pharmacy routing of the seeds comes with outcome reports' deliveries
        | RequestKind::PharmacyDelivery => None,
    }
}

/// The next step to take after step `done` (`None` before the first), skipping steps whose gate
/// is closed in `shift` and the family doctor when the patient has none. Returns the step's
/// index and the step.
pub fn next_step(chain: &[Step], done: Option<usize>, shift: Shift, has_family_doctor: bool) -> Option<(usize, &Step)> {
    let from = done.map_or(0, |d| d + 1);
    chain
        .iter()
        .enumerate()
        .skip(from)
        .find(|(_, s)| s.gate.open(shift) && (s.target != Target::FamilyDoctor || has_family_doctor))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn targets(kind: RequestKind, level: Level, shift: Shift, family: bool) -> Vec<Target> {
        let chain = default_chain(kind, level).expect("a chain");
        let mut out = Vec::new();
        let mut done = None;
        while let Some((i, s)) = next_step(&chain, done, shift, family) {
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
    fn without_a_family_doctor_the_roster_is_first() {
        let t = targets(RequestKind::HomeVisit, Level::Moderate, Shift::Day, false);
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
    fn staff_tasks_have_no_chain() {
        assert!(default_chain(RequestKind::SafetyCheck, Level::Urgent).is_none());
        assert!(default_chain(RequestKind::StaffCall, Level::Watch).is_none());
    }

    #[test]
    fn every_chain_ends_with_staff_in_every_shift() {
        for kind in RequestKind::ALL {
            for level in Level::ALL {
                let Some(chain) = default_chain(kind, level) else {
                    continue;
                };
                for shift in [Shift::Day, Shift::Holiday, Shift::Night] {
                    for family in [true, false] {
                        let mut done = None;
                        let mut last = None;
                        while let Some((i, s)) = next_step(&chain, done, shift, family) {
                            last = Some(s.target);
                            done = Some(i);
                        }
                        assert_eq!(last, Some(Target::Staff), "{kind:?} {level:?} {shift:?}");
                    }
                }
            }
        }
    }
}

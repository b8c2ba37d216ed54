//! Triage: a report, the patient's profile and history, and `now` in; a level, the care requests
//! to open and the reasons out. Pure. The rules are data ([`super::ruleset`]).

use serde::{Deserialize, Serialize};

use super::reading::{Feeling, Temperature};
pub use super::request::{Level, Reason, RequestKind, RequestStatus};
pub use super::ruleset::{Band, DEFAULT_RULES, Route, Ruleset, RulesetError};
use super::symptom::Symptom;

// ---- the ruleset --------------------------------------------------------------------------

// ---- assessment ---------------------------------------------------------------------------

/// Everything the rules look at.
#[derive(Debug, Clone, Default)]
pub struct Input {
    /// The SpO2 that counts (the lower of a reading and its re-measure).
    pub spo2: Option<u8>,
    pub temperature: Option<Temperature>,
    pub pulse: Option<u16>,
    pub respiratory_rate: Option<u16>,
    pub symptoms: Vec<Symptom>,
    pub feeling: Option<Feeling>,
    pub harder_to_breathe: bool,
    pub asks_to_talk: bool,
    pub cannot_eat_or_drink: bool,
    pub high_risk: bool,
    /// The patient's baseline SpO2 (their first reading).
    pub baseline_spo2: Option<u8>,
    /// Symptoms of the previous report, to see new ones.
    pub previous_symptoms: Vec<Symptom>,
    /// The highest temperature of each of the last days, today last (`None`: not measured).
    pub daily_max_temperature: Vec<Option<Temperature>>,
    /// Days since symptom onset (onset day = 0).
    pub days_since_onset: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    pub level: Level,
    pub reasons: Vec<Reason>,
    /// Care requests to open (deduplicated, most urgent first).
    pub requests: Vec<RequestKind>,
    pub target_minutes: Option<i64>,
    pub ruleset_version: String,
}

/// Assesses one report. Most urgent wins; missing inputs fail towards the safer route.
pub fn assess(rules: &Ruleset, input: &Input) -> Assessment {
    let mut reasons: Vec<Reason> = Vec::new();
    match input.spo2 {
        Some(v) => {
            if let Some(b) = rules.band(v) {
                let bound = if b.level == Level::Stable { b.from } else { b.to };
                let key = if b.level == Level::Stable {
                    msg!("reason-spo2-at-or-above")
                } else {
                    msg!("reason-spo2-at-or-below")
                };
                reasons.push(Reason::new(
                    b.level,
                    key,
                    &[
                        ("value", v.to_string()),
                        ("bound", bound.to_string()),
                        ("label", b.label.clone()),
                    ],
                ));
            }
            if let Some(base) = input.baseline_spo2 {
                let (points, level) = rules.baseline_drop;
                if base >= v && base - v >= points {
                    reasons.push(Reason::new(
                        level,
                        msg!("reason-baseline-drop"),
                        &[
                            ("value", v.to_string()),
                            ("baseline", base.to_string()),
                            ("points", points.to_string()),
                        ],
                    ));
                }
            }
        }
        None => reasons.push(Reason::new(rules.missing_spo2, msg!("reason-missing-spo2"), &[])),
    }
    if let Some(p) = input.pulse
        && p >= rules.pulse.0
    {
        reasons.push(Reason::new(
            rules.pulse.1,
            msg!("reason-pulse"),
            &[("value", p.to_string()), ("bound", rules.pulse.0.to_string())],
        ));
    }
    if let Some(rr) = input.respiratory_rate {
        let (at, level, with_spo2) = rules.respiratory_rate;
        if rr >= at {
            let level = match input.spo2 {
                Some(s) if s <= with_spo2 => Level::Emergency,
                None => Level::Emergency, // unknown SpO2 with fast breathing: the safer route
                _ => level,
            };
            reasons.push(Reason::new(
                level,
                msg!("reason-respiratory-rate"),
                &[("value", rr.to_string()), ("bound", at.to_string())],
            ));
        }
    }
    for s in &input.symptoms {
        // a common symptom (cough, sore throat) has a level only if the ward's ruleset gives it
        // one; otherwise it counts as a new symptom below
        let level = if rules.emergency_symptoms.contains(s) {
            Level::Emergency
        } else if rules.urgent_symptoms.contains(s) {
            Level::Urgent
        } else {
            continue;
        };
        reasons.push(Reason::new(
            level,
            msg!("reason-symptom"),
            &[("symptom", s.code().to_string())],
        ));
    }
    if input.feeling == Some(Feeling::Worse) {
        if input.harder_to_breathe {
            reasons.push(Reason::new(
                rules.worse_and_harder_to_breathe,
                msg!("reason-worse-and-breathing"),
                &[],
            ));
        } else {
            reasons.push(Reason::new(rules.worse, msg!("reason-worse"), &[]));
        }
    } else if input.harder_to_breathe {
        reasons.push(Reason::new(
            rules.worse_and_harder_to_breathe,
            msg!("reason-harder-to-breathe"),
            &[],
        ));
    }
    let (fever_at, days, fever_level) = rules.fever;
    let recent = &input.daily_max_temperature;
    if recent.len() >= days
        && recent[recent.len() - days..]
            .iter()
            .all(|t| t.is_some_and(|t| t >= fever_at))
    {
        reasons.push(Reason::new(
            fever_level,
            msg!("reason-fever-days"),
            &[("days", days.to_string()), ("bound", fever_at.display())],
        ));
    }
    if input.asks_to_talk {
        reasons.push(Reason::new(rules.asks_to_talk, msg!("reason-asks-to-talk"), &[]));
    }
    if input.cannot_eat_or_drink {
        reasons.push(Reason::new(rules.cannot_eat_or_drink, msg!("reason-cannot-eat"), &[]));
    }
    let new_symptoms = input.symptoms.iter().any(|s| !input.previous_symptoms.contains(s));
    if input.high_risk && new_symptoms {
        reasons.push(Reason::new(
            rules.high_risk_with_new_symptoms,
            msg!("reason-high-risk-new-symptoms"),
            &[],
        ));
    }
    let level = reasons.iter().map(|r| r.level).max().unwrap_or(Level::Stable);
    // only the reasons that matter are listed first; stable ones are kept for the record
    reasons.sort_by_key(|r| std::cmp::Reverse(r.level));
    let mut requests: Vec<RequestKind> = Vec::new();
    let mut target_minutes = None;
    if let Some(route) = rules.routes.get(&level) {
        requests.extend(route.requests.iter().copied());
        target_minutes = Some(route.target_minutes);
    }
    if let Some((within, referral_target)) = rules.referral
        && input.high_risk
        && input.days_since_onset <= within
        && level < Level::Urgent
    {
        requests.push(RequestKind::TreatmentReferral);
        reasons.push(Reason::new(
            level,
            msg!("reason-treatment-referral"),
            &[("days", within.to_string())],
        ));
        target_minutes.get_or_insert(referral_target);
    }
    requests.dedup();
    Assessment {
        level,
        reasons,
        requests,
        target_minutes,
        ruleset_version: rules.version.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn rules() -> Ruleset {
        Ruleset::default_rules().expect("the shipped ruleset is valid")
    }

    fn with_spo2(v: u8) -> Input {
        Input {
            spo2: Some(v),
            temperature: Temperature::new(36.5).ok(),
            ..Input::default()
        }
    }

    #[test]
    fn spo2_boundaries_follow_triage_md() {
        let r = rules();
        for (spo2, level) in [
            (100, Level::Stable),
            (96, Level::Stable),
            (95, Level::Moderate),
            (94, Level::Moderate),
            (93, Level::Urgent),
            (92, Level::Urgent),
            (91, Level::Urgent),
            (90, Level::Emergency),
            (89, Level::Emergency),
            (60, Level::Emergency),
        ] {
            assert_eq!(assess(&r, &with_spo2(spo2)).level, level, "SpO2 {spo2}");
        }
        let a = assess(&r, &with_spo2(92));
        assert_eq!(a.reasons[0].key, msg!("reason-spo2-at-or-below"));
        assert_eq!(a.reasons[0].args["bound"], "93");
        assert_eq!(a.reasons[0].args["label"], "moderate II");
        assert_eq!(
            a.requests,
            vec![
                RequestKind::Oxygen,
                RequestKind::HospitalCoordination,
                RequestKind::PhoneConsultation
            ]
        );
        assert_eq!(a.target_minutes, Some(30));
    }

    #[test]
    fn the_shipped_ruleset_reproduces_triage_md_routes() {
        let r = rules();
        let route = |l: Level| r.routes.get(&l).map(|x| (x.requests.clone(), x.target_minutes));
        use RequestKind::*;
        assert_eq!(
            route(Level::Emergency),
            Some((vec![Emergency, HospitalCoordination], 0))
        );
        // "oxygen … with a doctor's phone call now; hospital-admission coordination in parallel"
        assert_eq!(
            route(Level::Urgent),
            Some((vec![Oxygen, HospitalCoordination, PhoneConsultation], 30))
        );
        assert_eq!(route(Level::Moderate), Some((vec![HomeVisit], 60)));
        assert_eq!(route(Level::Watch), Some((vec![PhoneConsultation], 240)));
        assert_eq!(route(Level::Stable), None, "stable: continue self-observation");
        assert_eq!(r.remeasure_wait_minutes, 10);
        assert_eq!(r.referral, Some((7, 1440)));
        let mut asks = with_spo2(98);
        asks.asks_to_talk = true;
        assert_eq!(
            assess(&r, &asks).level,
            Level::Watch,
            "the patient asks to talk to someone"
        );
        let mut eat = with_spo2(98);
        eat.cannot_eat_or_drink = true;
        assert_eq!(assess(&r, &eat).level, Level::Watch, "cannot eat or drink");
        let mut new_symptom = with_spo2(98);
        new_symptom.high_risk = true;
        new_symptom.days_since_onset = 30;
        assert_eq!(assess(&r, &new_symptom).level, Level::Stable);
        new_symptom.symptoms = vec![Symptom::ChestPain];
        assert!(
            assess(&r, &new_symptom)
                .reasons
                .iter()
                .any(|x| x.key == "reason-high-risk-new-symptoms")
        );
    }

    #[test]
    fn remeasure_covers_91_to_95_and_never_90() {
        let r = rules();
        for v in 91..=95 {
            assert!(r.wants_remeasure(v), "{v}");
        }
        for v in [90, 89, 96] {
            assert!(!r.wants_remeasure(v), "{v}");
        }
    }

    #[test]
    fn pulse_and_respiratory_rate() {
        let r = rules();
        let mut i = with_spo2(97);
        i.pulse = Some(129);
        assert_eq!(assess(&r, &i).level, Level::Stable);
        i.pulse = Some(130);
        assert_eq!(assess(&r, &i).level, Level::Urgent);
        let mut i = with_spo2(97);
        i.respiratory_rate = Some(30);
        assert_eq!(assess(&r, &i).level, Level::Urgent);
        i.spo2 = Some(93);
        assert_eq!(assess(&r, &i).level, Level::Emergency, "RR ≥ 30 with SpO2 ≤ 93");
    }

    #[test]
    fn every_urgent_symptom_has_its_level() {
        let r = rules();
        for s in Symptom::URGENT {
            let mut i = with_spo2(98);
            i.symptoms = vec![s];
            let expected = if matches!(s, Symptom::PurpleLips | Symptom::Dazed | Symptom::Confused) {
                Level::Emergency
            } else {
                Level::Urgent
            };
            assert_eq!(assess(&r, &i).level, expected, "{s:?}");
        }
    }

    #[test]
    fn feelings_fever_baseline_and_missing_spo2() {
        let r = rules();
        let mut i = with_spo2(97);
        i.feeling = Some(Feeling::Worse);
        assert_eq!(assess(&r, &i).level, Level::Watch);
        i.harder_to_breathe = true;
        assert_eq!(assess(&r, &i).level, Level::Moderate);
        let t = |c| Temperature::new(c).ok();
        let mut i = with_spo2(97);
        i.daily_max_temperature = vec![t(38.5), t(38.6), t(38.5)];
        assert_eq!(assess(&r, &i).level, Level::Watch);
        i.daily_max_temperature = vec![t(38.5), t(38.4), t(38.5)];
        assert_eq!(assess(&r, &i).level, Level::Stable);
        let mut i = with_spo2(96);
        i.baseline_spo2 = Some(99);
        assert_eq!(assess(&r, &i).level, Level::Moderate, "3 points below baseline");
        i.baseline_spo2 = Some(98);
        assert_eq!(assess(&r, &i).level, Level::Stable);
        let i = Input::default();
        assert_eq!(assess(&r, &i).level, Level::Watch, "no SpO2: someone checks");
    }

    #[test]
    fn a_common_symptom_is_not_urgent_but_is_new_for_a_high_risk_patient() {
        let r = rules();
        let mut cough = with_spo2(98);
        cough.symptoms = vec![Symptom::Cough];
        cough.days_since_onset = 30;
        assert_eq!(assess(&r, &cough).level, Level::Stable, "a cough alone");
        cough.high_risk = true;
        let a = assess(&r, &cough);
        assert_eq!(a.level, Level::Watch);
        assert!(a.reasons.iter().any(|x| x.key == "reason-high-risk-new-symptoms"));
        cough.previous_symptoms = vec![Symptom::Cough];
        assert_eq!(assess(&r, &cough).level, Level::Stable, "the same cough is not new");
    }

    #[test]
    fn high_risk_early_patients_are_referred_for_treatment_unless_they_need_oxygen() {
        let r = rules();
        let mut i = with_spo2(97);
        i.high_risk = true;
        i.days_since_onset = 3;
        assert!(assess(&r, &i).requests.contains(&RequestKind::TreatmentReferral));
        i.days_since_onset = 8;
        assert!(!assess(&r, &i).requests.contains(&RequestKind::TreatmentReferral));
        i.days_since_onset = 3;
        i.spo2 = Some(92);
        assert!(!assess(&r, &i).requests.contains(&RequestKind::TreatmentReferral));
    }

    fn any_input() -> impl Strategy<Value = Input> {
        (
            prop::option::of(0u8..=100),
            prop::option::of(30u16..=250),
            prop::option::of(5u16..=60),
            prop::collection::vec(0usize..Symptom::ALL.len(), 0..4),
            prop::bool::ANY,
            prop::bool::ANY,
            prop::option::of(80u8..=100),
            0i64..20,
        )
            .prop_map(|(spo2, pulse, rr, syms, worse, high_risk, baseline, days)| Input {
                spo2,
                pulse,
                respiratory_rate: rr,
                symptoms: syms.into_iter().map(|i| Symptom::ALL[i]).collect(),
                feeling: worse.then_some(Feeling::Worse),
                high_risk,
                baseline_spo2: baseline,
                days_since_onset: days,
                ..Input::default()
            })
    }

    proptest! {
        #[test]
        fn worse_inputs_never_lower_the_level(input in any_input(), drop in 1u8..10, extra in 0usize..Symptom::ALL.len(), more_pulse in 1u16..50) {
            let r = rules();
            let base = assess(&r, &input).level;
            if let Some(s) = input.spo2 {
                let lower = Input { spo2: Some(s.saturating_sub(drop)), ..input.clone() };
                prop_assert!(assess(&r, &lower).level >= base, "lower SpO2");
            }
            if let Some(p) = input.pulse {
                let higher = Input { pulse: Some(p + more_pulse), ..input.clone() };
                prop_assert!(assess(&r, &higher).level >= base, "higher pulse");
            }
            let mut more = input.clone();
            more.symptoms.push(Symptom::ALL[extra]);
            prop_assert!(assess(&r, &more).level >= base, "added symptom");
        }
    }
}

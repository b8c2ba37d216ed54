//! Triage: a report, the patient's profile and history, and `now` in; a level, the care requests
//! to open and the reasons out. Pure. The rules are data (`rules/default.toml`, docs/TRIAGE.md),
//! validated when loaded so a ward's mistake stops the start with its line named.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::reading::{Feeling, Temperature};
use super::symptom::Symptom;

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
}

impl RequestKind {
    pub const ALL: [RequestKind; 13] = [
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
        }
    }

    pub fn from_code(s: &str) -> Option<RequestKind> {
        RequestKind::ALL.into_iter().find(|k| k.code() == s)
    }

    /// A job for the equipment or transport contractors rather than a clinician.
    pub fn is_job(self) -> bool {
        matches!(
            self,
            RequestKind::OxygenDelivery | RequestKind::OxygenCollection | RequestKind::Transport
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

// ---- the ruleset --------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    pub from: u8,
    pub to: u8,
    pub level: Level,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Route {
    pub requests: Vec<RequestKind>,
    pub target_minutes: i64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Ruleset {
    pub version: String,
    pub spo2: Vec<Band>,
    pub remeasure: (u8, u8),
    pub remeasure_wait_minutes: i64,
    pub baseline_drop: (u8, Level),
    pub pulse: (u16, Level),
    pub respiratory_rate: (u16, Level, u8),
    pub fever: (Temperature, usize, Level),
    pub emergency_symptoms: Vec<Symptom>,
    pub urgent_symptoms: Vec<Symptom>,
    pub worse: Level,
    pub worse_and_harder_to_breathe: Level,
    pub asks_to_talk: Level,
    pub cannot_eat_or_drink: Level,
    pub high_risk_with_new_symptoms: Level,
    pub missing_spo2: Level,
    pub routes: BTreeMap<Level, Route>,
    pub referral: Option<(i64, i64)>,
}

/// A problem in a ruleset file, with the line it is on.
pub type RulesetError = super::data_file::DataFileError;

mod raw {
    use serde::Deserialize;
    use toml::Spanned;

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct File {
        pub version: Spanned<String>,
        pub spo2: Spanned<Vec<Spanned<Band>>>,
        pub remeasure: Spanned<Remeasure>,
        pub baseline_drop: Spanned<LevelAt<u8>>,
        pub pulse: Spanned<LevelAt<u16>>,
        pub respiratory_rate: Spanned<Rr>,
        pub fever: Spanned<Fever>,
        pub symptoms: Spanned<Symptoms>,
        pub feeling: Spanned<Feeling>,
        pub other: Spanned<Other>,
        pub routes: std::collections::BTreeMap<String, Spanned<Route>>,
        pub treatment_referral: Option<Spanned<Referral>>,
    }
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Band {
        pub from: i64,
        pub to: i64,
        pub level: Spanned<String>,
        pub label: String,
    }
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Remeasure {
        pub from: i64,
        pub to: i64,
        pub wait_minutes: i64,
    }
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct LevelAt<T> {
        #[serde(alias = "points")]
        pub at_or_above: T,
        pub level: Spanned<String>,
    }
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Rr {
        pub at_or_above: u16,
        pub level: Spanned<String>,
        pub emergency_with_spo2_at_or_below: u8,
    }
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Fever {
        pub at_or_above: f64,
        pub consecutive_days: usize,
        pub level: Spanned<String>,
    }
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Symptoms {
        pub emergency: Vec<Spanned<String>>,
        pub urgent: Vec<Spanned<String>>,
    }
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Feeling {
        pub worse: Spanned<String>,
        pub worse_and_harder_to_breathe: Spanned<String>,
    }
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Other {
        pub asks_to_talk: Spanned<String>,
        pub cannot_eat_or_drink: Spanned<String>,
        pub high_risk_with_new_symptoms: Spanned<String>,
        pub missing_spo2: Spanned<String>,
    }
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Route {
        pub requests: Vec<Spanned<String>>,
        pub target_minutes: i64,
    }
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Referral {
        pub enabled: bool,
        pub within_days_of_onset: i64,
        pub target_minutes: i64,
    }
}

/// The shipped default, compiled in.
pub const DEFAULT_RULES: &str = include_str!("../../rules/default.toml");

impl Ruleset {
    pub fn default_rules() -> Result<Ruleset, RulesetError> {
        Ruleset::parse("rules/default.toml", DEFAULT_RULES)
    }

    /// Parses and checks a ruleset; `file` names it in errors.
    pub fn parse(file: &str, text: &str) -> Result<Ruleset, RulesetError> {
        let err = |offset: usize, problem: String| RulesetError::at(file, text, offset, problem);
        let raw: raw::File = super::data_file::from_toml(file, text)?;
        let level = |s: &toml::Spanned<String>| {
            Level::from_code(s.get_ref()).ok_or_else(|| {
                err(
                    s.span().start,
                    format!(
                        "unknown level {:?} (stable, watch, moderate, urgent, emergency)",
                        s.get_ref()
                    ),
                )
            })
        };
        let symptom = |s: &toml::Spanned<String>| {
            Symptom::from_code(s.get_ref())
                .ok_or_else(|| err(s.span().start, format!("unknown symptom {:?}", s.get_ref())))
        };

        // SpO2 bands: each in range and not inverted, together covering 0-100 once, monotonic.
        let mut bands = Vec::new();
        for b in raw.spo2.get_ref() {
            let (from, to) = (b.get_ref().from, b.get_ref().to);
            if !(0..=100).contains(&from) || !(0..=100).contains(&to) {
                return Err(err(b.span().start, format!("SpO2 band {from}-{to} is outside 0-100")));
            }
            if from > to {
                return Err(err(
                    b.span().start,
                    format!("SpO2 band {from}-{to} is inverted (from > to)"),
                ));
            }
            bands.push((
                b.span().start,
                Band {
                    from: from as u8,
                    to: to as u8,
                    level: level(&b.get_ref().level)?,
                    label: b.get_ref().label.clone(),
                },
            ));
        }
        bands.sort_by_key(|(_, b)| b.from);
        let mut expect = 0u16;
        let mut previous: Option<Level> = None;
        for (at, b) in &bands {
            if u16::from(b.from) < expect {
                return Err(err(
                    *at,
                    format!("SpO2 band {}-{} overlaps the band before it", b.from, b.to),
                ));
            }
            if u16::from(b.from) > expect {
                return Err(err(
                    *at,
                    format!("SpO2 values {}-{} are in no band", expect, b.from - 1),
                ));
            }
            if previous.is_some_and(|p| b.level > p) {
                return Err(err(
                    *at,
                    format!("SpO2 band {}-{} is more urgent than a lower band", b.from, b.to),
                ));
            }
            previous = Some(b.level);
            expect = u16::from(b.to) + 1;
        }
        if expect != 101 {
            return Err(err(
                raw.spo2.span().start,
                format!("SpO2 values {expect}-100 are in no band"),
            ));
        }
        let spo2: Vec<Band> = bands.into_iter().map(|(_, b)| b).collect();

        let rm = raw.remeasure.get_ref();
        if rm.from > rm.to || !(0..=100).contains(&rm.from) || !(0..=100).contains(&rm.to) {
            return Err(err(
                raw.remeasure.span().start,
                "remeasure range is inverted or outside 0-100".into(),
            ));
        }
        if spo2
            .iter()
            .any(|b| b.level == Level::Emergency && i64::from(b.to) >= rm.from)
        {
            return Err(err(
                raw.remeasure.span().start,
                "remeasure range overlaps the emergency band: an emergency is never delayed".into(),
            ));
        }
        if !(1..=60).contains(&rm.wait_minutes) {
            return Err(err(
                raw.remeasure.span().start,
                "remeasure wait_minutes must be 1-60".into(),
            ));
        }

        let mut emergency_symptoms = Vec::new();
        for s in &raw.symptoms.get_ref().emergency {
            emergency_symptoms.push(symptom(s)?);
        }
        let mut urgent_symptoms = Vec::new();
        for s in &raw.symptoms.get_ref().urgent {
            let sym = symptom(s)?;
            if emergency_symptoms.contains(&sym) {
                return Err(err(
                    s.span().start,
                    format!("symptom {:?} is listed as emergency and urgent", s.get_ref()),
                ));
            }
            urgent_symptoms.push(sym);
        }
        if let Some(missing) = Symptom::URGENT
            .into_iter()
            .find(|s| !emergency_symptoms.contains(s) && !urgent_symptoms.contains(s))
        {
            return Err(err(
                raw.symptoms.span().start,
                format!(
                    "urgent symptom {:?} has no level (every MHLW urgent symptom needs one)",
                    missing.code()
                ),
            ));
        }

        let mut routes = BTreeMap::new();
        for (name, route) in &raw.routes {
            let Some(l) = Level::from_code(name) else {
                return Err(err(route.span().start, format!("route for unknown level {name:?}")));
            };
            let mut requests = Vec::new();
            for r in &route.get_ref().requests {
                requests.push(
                    RequestKind::from_code(r.get_ref())
                        .ok_or_else(|| err(r.span().start, format!("unknown care request kind {:?}", r.get_ref())))?,
                );
            }
            if requests.is_empty() {
                return Err(err(route.span().start, format!("route {name:?} opens no care request")));
            }
            routes.insert(
                l,
                Route {
                    requests,
                    target_minutes: route.get_ref().target_minutes,
                },
            );
        }
        for l in [Level::Watch, Level::Moderate, Level::Urgent, Level::Emergency] {
            if !routes.contains_key(&l) {
                let at = text.find("[routes").unwrap_or(text.len());
                return Err(err(at, format!("missing route for level {:?}", l.code())));
            }
        }

        let fever = raw.fever.get_ref();
        let fever_at = Temperature::new(fever.at_or_above)
            .map_err(|_| err(raw.fever.span().start, "fever threshold must be 34.0-43.0".into()))?;
        if fever.consecutive_days == 0 {
            return Err(err(
                raw.fever.span().start,
                "fever consecutive_days must be at least 1".into(),
            ));
        }
        let referral = match &raw.treatment_referral {
            Some(r) if r.get_ref().enabled => Some((r.get_ref().within_days_of_onset, r.get_ref().target_minutes)),
            _ => None,
        };
        Ok(Ruleset {
            version: raw.version.get_ref().clone(),
            spo2,
            remeasure: (rm.from as u8, rm.to as u8),
            remeasure_wait_minutes: rm.wait_minutes,
            baseline_drop: (
                raw.baseline_drop.get_ref().at_or_above,
                level(&raw.baseline_drop.get_ref().level)?,
            ),
            pulse: (raw.pulse.get_ref().at_or_above, level(&raw.pulse.get_ref().level)?),
            respiratory_rate: (
                raw.respiratory_rate.get_ref().at_or_above,
                level(&raw.respiratory_rate.get_ref().level)?,
                raw.respiratory_rate.get_ref().emergency_with_spo2_at_or_below,
            ),
            fever: (fever_at, fever.consecutive_days, level(&fever.level)?),
            emergency_symptoms,
            urgent_symptoms,
            worse: level(&raw.feeling.get_ref().worse)?,
            worse_and_harder_to_breathe: level(&raw.feeling.get_ref().worse_and_harder_to_breathe)?,
            asks_to_talk: level(&raw.other.get_ref().asks_to_talk)?,
            cannot_eat_or_drink: level(&raw.other.get_ref().cannot_eat_or_drink)?,
            high_risk_with_new_symptoms: level(&raw.other.get_ref().high_risk_with_new_symptoms)?,
            missing_spo2: level(&raw.other.get_ref().missing_spo2)?,
            routes,
            referral,
        })
    }

    fn band(&self, spo2: u8) -> Option<&Band> {
        self.spo2.iter().find(|b| (b.from..=b.to).contains(&spo2))
    }

    /// Whether a first SpO2 reading gets the re-measure prompt instead of counting at once.
    pub fn wants_remeasure(&self, spo2: u8) -> bool {
        (self.remeasure.0..=self.remeasure.1).contains(&spo2)
    }
}

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
    if let Some(p) = input.pulse {
        if p >= rules.pulse.0 {
            reasons.push(Reason::new(
                rules.pulse.1,
                msg!("reason-pulse"),
                &[("value", p.to_string()), ("bound", rules.pulse.0.to_string())],
            ));
        }
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
    if let Some((within, referral_target)) = rules.referral {
        if input.high_risk && input.days_since_onset <= within && level < Level::Urgent {
            requests.push(RequestKind::TreatmentReferral);
            reasons.push(Reason::new(
                level,
                msg!("reason-treatment-referral"),
                &[("days", within.to_string())],
            ));
            target_minutes.get_or_insert(referral_target);
        }
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

    #[test]
    fn a_bad_ruleset_is_refused_with_its_line() {
        let bad = DEFAULT_RULES.replace("from = 94\nto = 95", "from = 93\nto = 95");
        let e = Ruleset::parse("ward.toml", &bad).expect_err("overlap");
        assert!(e.problem.contains("overlaps"), "{e}");
        let line = bad.lines().position(|l| l == "from = 93").expect("line") + 1;
        assert!(
            (line - 2..=line).contains(&e.line),
            "{e} (band starts near line {line})"
        );

        let bad = DEFAULT_RULES.replace("\"chest_pain\"", "\"chest_pains\"");
        let e = Ruleset::parse("ward.toml", &bad).expect_err("unknown symptom");
        assert!(e.to_string().starts_with("ward.toml:"), "{e}");
        assert!(e.problem.contains("chest_pains"), "{e}");
        let line = bad.lines().position(|l| l.contains("chest_pains")).expect("line") + 1;
        assert_eq!(e.line, line);

        let bad = DEFAULT_RULES.replace("from = 96\nto = 100", "from = 100\nto = 96");
        assert!(
            Ruleset::parse("w", &bad)
                .expect_err("inverted")
                .problem
                .contains("inverted")
        );

        let bad = DEFAULT_RULES.replace(
            "[routes.watch]\nrequests = [\"phone_consultation\"]\ntarget_minutes = 240\n",
            "",
        );
        assert!(
            Ruleset::parse("w", &bad)
                .expect_err("route")
                .problem
                .contains("missing route")
        );

        let bad = DEFAULT_RULES.replace("[remeasure]\nfrom = 91", "[remeasure]\nfrom = 90");
        assert!(
            Ruleset::parse("w", &bad)
                .expect_err("remeasure")
                .problem
                .contains("never delayed")
        );

        let bad = DEFAULT_RULES.replace(
            "level = \"urgent\"\nlabel = \"moderate II\"",
            "level = \"moderate\"\nlabel = \"moderate II\"",
        );
        assert!(
            Ruleset::parse("w", &bad).is_ok(),
            "a less urgent band below is allowed to be equal or more urgent only"
        );
        let bad = DEFAULT_RULES.replace(
            "level = \"stable\"\nlabel = \"mild\"",
            "level = \"urgent\"\nlabel = \"mild\"",
        );
        assert!(
            Ruleset::parse("w", &bad)
                .expect_err("monotonic")
                .problem
                .contains("more urgent")
        );
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

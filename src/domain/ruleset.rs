//! The triage rules as data (`rules/default.toml`, docs/TRIAGE.md): read and checked when the
//! service starts, so a ward's mistake stops the start with its line named.

use std::collections::BTreeMap;

use super::reading::Temperature;
use super::request::{Level, RequestKind};
use super::symptom::Symptom;

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

    pub fn band(&self, spo2: u8) -> Option<&Band> {
        self.spo2.iter().find(|b| (b.from..=b.to).contains(&spo2))
    }

    /// Whether a first SpO2 reading gets the re-measure prompt instead of counting at once.
    pub fn wants_remeasure(&self, spo2: u8) -> bool {
        (self.remeasure.0..=self.remeasure.1).contains(&spo2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}

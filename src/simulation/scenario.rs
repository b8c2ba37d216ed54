//! A wave to simulate, as a ward writes it (TOML): who arrives, how their illness runs, how they
//! answer, who is on the roster and how they answer offers, the stock, the beds, and the
//! service's own settings. A `--vary` sets one value by its dotted path.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A scenario file's content.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// The same seed, scenario and build give the same run.
    pub seed: u64,
    /// The first day (local, the ward's time zone).
    pub start: NaiveDate,
    pub days: u32,
    /// The areas of the ward; each has the roster below.
    pub areas: Vec<String>,
    pub arrivals: Arrivals,
    pub population: Population,
    pub course: Course,
    pub answers: Answers,
    pub roster: Roster,
    pub providers: Behaviour,
    pub stock: Stock,
    pub station: Station,
    /// The service's own settings, as `MIMAMORI_*` names them without the prefix
    /// (`release_criteria`, `check_in_times`, `rules` …); a file path is read beside the scenario.
    #[serde(default)]
    pub service: BTreeMap<String, String>,
    /// Where the figures come from (shown in the report).
    #[serde(default)]
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Arrivals {
    /// Patients already at home when the run starts.
    pub initial: u32,
    /// New patients each day; the last value goes on for the days the list does not reach.
    pub per_day: Vec<u32>,
}

impl Arrivals {
    pub fn on_day(&self, day: u32) -> u32 {
        let i = usize::try_from(day).unwrap_or(usize::MAX);
        self.per_day.get(i).or(self.per_day.last()).copied().unwrap_or(0)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Population {
    /// Age bands and their shares (normalised).
    pub ages: Vec<AgeBand>,
    /// Share with a risk factor for severe disease (diabetes, COPD, …).
    pub risk_factor: f64,
    /// Share independent in daily living (who the station takes).
    pub independent: f64,
    /// Share without symptoms (released by the test date).
    pub asymptomatic: f64,
    /// Share with a family doctor registered (the chain asks them first).
    pub family_doctor: f64,
    /// Days from onset to the first day at home, low and high.
    pub onset_days_before: [u32; 2],
    /// The languages patients write in and their shares (normalised); none: all Japanese.
    #[serde(default)]
    pub languages: Vec<LanguageShare>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageShare {
    /// A language the service speaks and reads (`en`, `vi`, …).
    pub lang: crate::i18n::Lang,
    pub share: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgeBand {
    pub from: u32,
    pub to: u32,
    pub share: f64,
}

/// How the illness runs: the share of patients whose worst is each severity, and when it comes.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Course {
    /// Share whose worst is moderate I (SpO2 94–95).
    pub moderate1: f64,
    /// Share whose worst is moderate II (SpO2 ≤ 93, oxygen needed).
    pub moderate2: f64,
    /// Share whose worst is severe (SpO2 ≤ 90).
    pub severe: f64,
    /// From this age the shares are multiplied by `older_factor`.
    pub older_from: u32,
    pub older_factor: f64,
    /// A risk factor multiplies the shares by this.
    pub risk_factor_factor: f64,
    /// The worst begins this many days after onset, low and high.
    pub worst_from_day: [u32; 2],
    /// And lasts this many days, low and high.
    pub worst_days: [u32; 2],
}

/// How patients answer a check-in.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answers {
    /// Shares of prompts answered on time, late (after the reminder) and never (the rest).
    pub on_time: f64,
    pub late: f64,
    /// Minutes to answer on time, and late, low and high.
    pub on_time_minutes: [u32; 2],
    pub late_minutes: [u32; 2],
    /// Share of answers written with full-width digits, units and the like.
    pub typos: f64,
    /// Share written as a sentence rather than the numbers.
    pub free_text: f64,
}

/// How many providers are on the roster of each area.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Roster {
    /// Doctors on the day (and holiday) roster.
    pub doctors: u32,
    /// Doctors on the night roster.
    pub night_doctors: u32,
    pub nurses: u32,
    pub pharmacists: u32,
    /// Equipment contractors (oxygen delivery, collection, cylinder swaps).
    pub contractors: u32,
    /// The support centre's coordinators (hospital admission).
    pub support_centre: u32,
    /// The area director, asked when the rosters did not answer.
    pub area_directors: u32,
}

/// How providers answer the offers they get.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Behaviour {
    /// Shares of offers accepted and declined; the rest go unanswered.
    pub accept: f64,
    pub decline: f64,
    /// Minutes to answer an offer, low and high.
    pub answer_minutes: [u32; 2],
    /// Minutes from accepting to reporting the outcome, low and high.
    pub work_minutes: [u32; 2],
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stock {
    pub concentrators: u32,
    pub cylinders: u32,
    pub regulators: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Station {
    pub oxygen_beds: u32,
    /// Minutes the hotline takes to accept a requested admission.
    pub accept_minutes: u32,
    /// Days a patient stays before going home.
    pub stay_days: u32,
}

/// A scenario that could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ScenarioError {
    #[error("{0}")]
    Toml(String),
    #[error("{0}")]
    Invalid(String),
}

impl Scenario {
    pub fn parse(text: &str) -> Result<Scenario, ScenarioError> {
        let s: Scenario = toml::from_str(text).map_err(|e| ScenarioError::Toml(e.message().to_string()))?;
        s.check()?;
        Ok(s)
    }

    fn check(&self) -> Result<(), ScenarioError> {
        let bad = |what: &str| Err(ScenarioError::Invalid(what.to_string()));
        let share = |x: f64| (0.0..=1.0).contains(&x);
        if self.days == 0 || self.days > 120 {
            return bad("days must be between 1 and 120");
        }
        if self.areas.is_empty() {
            return bad("at least one area is needed");
        }
        let p = &self.population;
        if p.ages.is_empty() || p.ages.iter().any(|b| b.from > b.to || b.to > 110 || b.share < 0.0) {
            return bad("population.ages: bands need from ≤ to ≤ 110 and a share ≥ 0");
        }
        if ![p.risk_factor, p.independent, p.asymptomatic, p.family_doctor]
            .into_iter()
            .all(share)
        {
            return bad("population shares must be between 0 and 1");
        }
        if p.languages.iter().any(|l| l.share < 0.0) {
            return bad("population.languages: shares must be ≥ 0");
        }
        let c = &self.course;
        if ![c.moderate1, c.moderate2, c.severe].into_iter().all(share) || c.moderate1 + c.moderate2 + c.severe > 1.0 {
            return bad("course shares must be between 0 and 1 and add up to at most 1");
        }
        let a = &self.answers;
        if ![a.on_time, a.late, a.typos, a.free_text].into_iter().all(share) || a.on_time + a.late > 1.0 {
            return bad("answers: on_time + late must be at most 1");
        }
        let b = &self.providers;
        if !share(b.accept) || !share(b.decline) || b.accept + b.decline > 1.0 {
            return bad("providers: accept + decline must be at most 1");
        }
        for [low, high] in [
            p.onset_days_before,
            c.worst_from_day,
            c.worst_days,
            a.on_time_minutes,
            a.late_minutes,
            b.answer_minutes,
            b.work_minutes,
        ] {
            if low > high {
                return bad("a range [low, high] has low above high");
            }
        }
        Ok(())
    }

    /// The scenario with one value changed by its dotted path (`roster.doctors`).
    pub fn with(&self, path: &str, value: &toml::Value) -> Result<Scenario, ScenarioError> {
        let mut doc = toml::Value::try_from(self).map_err(|e| ScenarioError::Toml(e.to_string()))?;
        let mut at = &mut doc;
        for key in path.split('.') {
            at = at
                .get_mut(key)
                .ok_or_else(|| ScenarioError::Invalid(format!("{path}: the scenario has no such value")))?;
        }
        *at = value.clone();
        let s: Scenario = doc
            .try_into()
            .map_err(|e: toml::de::Error| ScenarioError::Toml(e.message().to_string()))?;
        s.check()?;
        Ok(s)
    }
}

/// A sweep over one value: `roster.doctors=10..40:5`, or a list `roster.doctors=10,20,40`.
#[derive(Debug, Clone, PartialEq)]
pub struct Vary {
    pub path: String,
    pub values: Vec<f64>,
}

impl Vary {
    pub fn parse(s: &str) -> Result<Vary, String> {
        let (path, range) = s
            .split_once('=')
            .ok_or_else(|| format!("{s:?} is not like roster.doctors=10..40:5"))?;
        let number = |t: &str| t.trim().parse::<f64>().map_err(|_| format!("{t:?} is not a number"));
        let values = if let Some((from, rest)) = range.split_once("..") {
            let (to, step) = rest.split_once(':').unwrap_or((rest, "1"));
            let (from, to, step) = (number(from)?, number(to)?, number(step)?);
            if step <= 0.0 || from > to {
                return Err(format!("{range:?}: need from ≤ to and a step above 0"));
            }
            let n = ((to - from) / step + 1e-9).floor() as usize;
            if n > 100 {
                return Err(format!("{range:?}: more than 100 runs"));
            }
            (0..=n).map(|i| from + step * i as f64).collect()
        } else {
            range.split(',').map(number).collect::<Result<Vec<_>, _>>()?
        };
        Ok(Vary {
            path: path.trim().to_string(),
            values,
        })
    }

    /// A value as the scenario holds it: whole numbers stay integers.
    pub fn value(&self, v: f64, like: Option<&toml::Value>) -> toml::Value {
        match like {
            Some(toml::Value::Float(_)) => toml::Value::Float(v),
            _ if v.fract() == 0.0 => toml::Value::Integer(v as i64),
            _ => toml::Value::Float(v),
        }
    }
}

/// The scenario's current value at a dotted path (to keep its type in a sweep).
pub fn value_at(s: &Scenario, path: &str) -> Option<toml::Value> {
    let doc = toml::Value::try_from(s).ok()?;
    let mut at = &doc;
    for key in path.split('.') {
        at = at.get(key)?;
    }
    Some(at.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sweep_is_read_as_a_range_or_a_list() {
        let v = Vary::parse("roster.doctors=10..40:5").expect("range");
        assert_eq!(v.path, "roster.doctors");
        assert_eq!(v.values, vec![10.0, 15.0, 20.0, 25.0, 30.0, 35.0, 40.0]);
        assert_eq!(
            Vary::parse("providers.accept=0.2,0.5").expect("list").values,
            vec![0.2, 0.5]
        );
        assert!(Vary::parse("roster.doctors=40..10").is_err());
        assert!(Vary::parse("roster.doctors").is_err());
    }
}

//! Synthetic patients (pure): who they are, how their illness runs day by day, and what they
//! write when asked. Every draw comes from the caller's seeded generator, so a seed repeats a run.

use chrono::{Days, NaiveDate};
use rand::Rng;

use super::scenario::{Answers, Course, Population};
pub use crate::domain::reading::Feeling;
use crate::i18n::Lang;

/// The worst a patient's illness gets (MHLW 診療の手引き's severity by SpO2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Mild,
    /// SpO2 94–95.
    Moderate1,
    /// SpO2 ≤ 93: oxygen needed.
    Moderate2,
    /// SpO2 ≤ 90.
    Severe,
}

impl Severity {
    pub fn code(self) -> &'static str {
        match self {
            Severity::Mild => "mild",
            Severity::Moderate1 => "moderate1",
            Severity::Moderate2 => "moderate2",
            Severity::Severe => "severe",
        }
    }
}

/// One synthetic patient.
#[derive(Debug, Clone)]
pub struct Person {
    pub age: u32,
    pub risk_factor: bool,
    pub independent: bool,
    pub asymptomatic: bool,
    pub family_doctor: bool,
    /// SpO2 when well (96–99): a mild day reads this or one below.
    pub baseline_spo2: u32,
    pub onset: NaiveDate,
    pub worst: Severity,
    /// The worst lasts from this day to the day before `worst_until`.
    pub worst_from: NaiveDate,
    pub worst_until: NaiveDate,
    /// The language they write and read.
    pub language: Lang,
}

fn between<R: Rng>(rng: &mut R, [low, high]: [u32; 2]) -> u32 {
    rng.gen_range(low..=high)
}

/// One of `items`, each as likely as its share of their sum (`None`: the draw fell past the
/// last one, which rounding allows).
fn by_share<'a, T, R: Rng>(rng: &mut R, items: &'a [T], share: impl Fn(&T) -> f64) -> Option<&'a T> {
    let total: f64 = items.iter().map(&share).sum();
    let mut pick = rng.r#gen::<f64>() * total;
    for item in items {
        if pick < share(item) {
            return Some(item);
        }
        pick -= share(item);
    }
    None
}

/// Draws a patient who starts home recovery on `first_day`.
pub fn draw<R: Rng>(rng: &mut R, population: &Population, course: &Course, first_day: NaiveDate) -> Person {
    let age = match by_share(rng, &population.ages, |b| b.share) {
        Some(band) => rng.gen_range(band.from..=band.to),
        None => population.ages.last().map_or(40, |b| b.from),
    };
    let risk_factor = rng.gen_bool(population.risk_factor);
    let independent = rng.gen_bool(population.independent);
    let asymptomatic = rng.gen_bool(population.asymptomatic);
    let family_doctor = rng.gen_bool(population.family_doctor);
    let onset = first_day - Days::new(u64::from(between(rng, population.onset_days_before)));
    let baseline_spo2 = rng.gen_range(96..=99);
    let mut factor = 1.0;
    if age >= course.older_from {
        factor *= course.older_factor;
    }
    if risk_factor {
        factor *= course.risk_factor_factor;
    }
    let shares = [course.severe, course.moderate2, course.moderate1].map(|s| s * factor);
    let scale = shares.iter().sum::<f64>().max(1.0);
    let mut roll = rng.r#gen::<f64>() * scale;
    let mut worst = Severity::Mild;
    for (share, severity) in shares
        .into_iter()
        .zip([Severity::Severe, Severity::Moderate2, Severity::Moderate1])
    {
        if roll < share {
            worst = severity;
            break;
        }
        roll -= share;
    }
    if asymptomatic {
        worst = Severity::Mild;
    }
    let worst_from = onset + Days::new(u64::from(between(rng, course.worst_from_day)));
    let worst_until = worst_from + Days::new(u64::from(between(rng, course.worst_days).max(1)));
    // (drawn only where the scenario has a mix: a Japanese-only one keeps its seed's results)
    let language = match population.languages.last() {
        None => Lang::JA,
        Some(last) => by_share(rng, &population.languages, |l| l.share).unwrap_or(last).lang,
    };
    Person {
        age,
        risk_factor,
        independent,
        asymptomatic,
        family_doctor,
        baseline_spo2,
        onset,
        worst,
        worst_from,
        worst_until,
        language,
    }
}

/// What a patient would measure and say on a day.
#[derive(Debug, Clone, PartialEq)]
pub struct Vitals {
    pub spo2: u32,
    /// Tenths of a degree.
    pub temperature: u32,
    pub breathless: bool,
    pub cannot_lie_down: bool,
    pub cough: bool,
    pub feeling: Feeling,
}

impl Person {
    /// How ill the patient is on `day`.
    pub fn severity_on(&self, day: NaiveDate) -> Severity {
        if day >= self.worst_from && day < self.worst_until {
            self.worst
        } else {
            Severity::Mild
        }
    }

    /// What the patient measures on `day`.
    pub fn vitals<R: Rng>(&self, rng: &mut R, day: NaiveDate) -> Vitals {
        let severity = self.severity_on(day);
        let since_onset = (day - self.onset).num_days();
        let feverish = !self.asymptomatic && since_onset <= 3;
        let well = (self.baseline_spo2 - rng.gen_range(0..=1)).max(96);
        let (spo2, temperature) = match severity {
            Severity::Mild if feverish => (well, rng.gen_range(373..=385)),
            Severity::Mild => (well, rng.gen_range(362..=371)),
            Severity::Moderate1 => (rng.gen_range(94..=95), rng.gen_range(375..=385)),
            Severity::Moderate2 => (rng.gen_range(91..=93), rng.gen_range(380..=390)),
            Severity::Severe => (rng.gen_range(86..=90), rng.gen_range(385..=395)),
        };
        let feeling = if severity > Severity::Mild && day == self.worst_from {
            Feeling::Worse
        } else if day >= self.worst_until && day < self.worst_until + Days::new(2) && self.worst > Severity::Mild {
            Feeling::Better
        } else {
            Feeling::Same
        };
        Vitals {
            spo2,
            temperature,
            breathless: severity >= Severity::Moderate2,
            cannot_lie_down: severity == Severity::Severe,
            cough: !self.asymptomatic && (feverish || severity > Severity::Mild),
            feeling,
        }
    }
}

/// How one check-in is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// After this many minutes.
    OnTime(u32),
    /// After the reminder: this many minutes.
    Late(u32),
    Silent,
}

pub fn answer<R: Rng>(rng: &mut R, a: &Answers) -> Answer {
    let roll = rng.r#gen::<f64>();
    if roll < a.on_time {
        Answer::OnTime(between(rng, a.on_time_minutes))
    } else if roll < a.on_time + a.late {
        Answer::Late(between(rng, a.late_minutes))
    } else {
        Answer::Silent
    }
}

/// How a report is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phrasing {
    /// `SpO2 96 体温 36.8 症状なし 変わらない`
    Numbers,
    /// Full-width digits, a percent sign and 度: `ＳｐＯ２ ９６％ 熱３６．８度 …`
    Typed,
    /// A sentence: `酸素は96で、熱は36.8度です。…`
    Sentence,
}

pub fn phrasing<R: Rng>(rng: &mut R, a: &Answers) -> Phrasing {
    let roll = rng.r#gen::<f64>();
    if roll < a.typos {
        Phrasing::Typed
    } else if roll < a.typos + a.free_text {
        Phrasing::Sentence
    } else {
        Phrasing::Numbers
    }
}

fn temperature_text(tenths: u32) -> String {
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// Digits and the Latin letters in their full-width forms, as a phone's Japanese keyboard types.
fn full_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' | 'A'..='Z' | 'a'..='z' | '.' | '%' => char::from_u32(c as u32 + 0xFEE0).unwrap_or(c),
            c => c,
        })
        .collect()
}

/// The words for the symptoms and the feeling (Japanese, as the ward's patients wrote them).
fn words(v: &Vitals) -> String {
    let mut parts = Vec::new();
    if v.cannot_lie_down {
        parts.push("息苦しくて横になれない");
    } else if v.breathless {
        parts.push("息苦しい");
    }
    if v.cough {
        parts.push("咳が出る");
    }
    if parts.is_empty() {
        parts.push("症状なし");
    }
    parts.push(match v.feeling {
        Feeling::Better => "良くなった",
        Feeling::Same => "変わらない",
        Feeling::Worse => "悪くなった",
    });
    parts.join(" ")
}

/// A whole check-in in one message.
pub fn report_text(v: &Vitals, how: Phrasing) -> String {
    let t = temperature_text(v.temperature);
    match how {
        Phrasing::Numbers => format!("SpO2 {} 体温 {t} {}", v.spo2, words(v)),
        Phrasing::Typed => format!("{} {}", full_width(&format!("SpO2 {}% 体温{t}度", v.spo2)), words(v)),
        Phrasing::Sentence => format!("酸素は{}で、熱は{t}度です。{}", v.spo2, words(v).replace(' ', "、")),
    }
}

/// A second SpO2 reading alone (asked to measure again).
pub fn spo2_text(v: &Vitals) -> String {
    v.spo2.to_string()
}

/// A temperature alone (asked for it).
pub fn temperature_only(v: &Vitals) -> String {
    temperature_text(v.temperature)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand::rngs::StdRng;

    #[test]
    fn older_patients_with_risk_factors_fall_worse_more_often() {
        let population = Population {
            ages: vec![super::super::scenario::AgeBand {
                from: 30,
                to: 30,
                share: 1.0,
            }],
            risk_factor: 0.0,
            independent: 1.0,
            asymptomatic: 0.0,
            family_doctor: 0.0,
            onset_days_before: [2, 2],
            languages: Vec::new(),
        };
        let course = Course {
            moderate1: 0.1,
            moderate2: 0.05,
            severe: 0.01,
            older_from: 65,
            older_factor: 3.0,
            risk_factor_factor: 2.0,
            worst_from_day: [6, 6],
            worst_days: [3, 3],
        };
        let day = NaiveDate::from_ymd_opt(2021, 8, 1).expect("date");
        let share = |population: &Population| {
            let mut rng = StdRng::seed_from_u64(7);
            (0..4000)
                .filter(|_| draw(&mut rng, population, &course, day).worst > Severity::Mild)
                .count() as f64
                / 4000.0
        };
        let young = share(&population);
        let old = share(&Population {
            ages: vec![super::super::scenario::AgeBand {
                from: 80,
                to: 80,
                share: 1.0,
            }],
            risk_factor: 1.0,
            ..population.clone()
        });
        assert!((0.13..0.19).contains(&young), "{young}");
        assert!((0.85..=1.0).contains(&old), "{old}");
        let mut rng = StdRng::seed_from_u64(1);
        let p = draw(&mut rng, &population, &course, day);
        assert_eq!(p.onset, day - Days::new(2));
        assert_eq!(p.worst_from, p.onset + Days::new(6));
        assert_eq!(p.severity_on(p.worst_from - Days::new(1)), Severity::Mild);
        assert_eq!(p.severity_on(p.worst_from), p.worst);
        assert_eq!(p.severity_on(p.worst_until), Severity::Mild);
    }
}

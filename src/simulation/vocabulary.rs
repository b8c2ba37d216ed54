//! What a synthetic patient writes in a language other than Japanese (pure): the first way the
//! shipped lexicon of their language says each thing. The Japanese patients' forms are written
//! out in `course` as the ward's patients wrote them; for the other languages the lexicon is the
//! record of how patients write, so a run exercises the reading of each language as shipped.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::course::{Feeling, Vitals};
use crate::domain::lexicon::SHIPPED;

/// The part of a lexicon file a synthetic patient writes from.
#[derive(Deserialize)]
struct LexiconWords {
    language: String,
    script: String,
    concepts: BTreeMap<String, Vec<String>>,
    labels: BTreeMap<String, Vec<String>>,
    units: BTreeMap<String, Vec<String>>,
}

/// One language's words for a check-in.
#[derive(Debug, Clone, PartialEq)]
pub struct Vocabulary {
    pub language: String,
    spo2: String,
    temperature: String,
    spo2_unit: String,
    temperature_unit: String,
    breathless: String,
    cannot_lie_down: String,
    cough: String,
    no_symptoms: String,
    better: String,
    same: String,
    worse: String,
}

/// How a patient writes a check-in in one message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Labels before the numbers, words after.
    Labelled,
    /// The numbers with their units, no labels.
    Units,
    /// The words first, then the numbers.
    WordsFirst,
}

impl Vocabulary {
    /// Every shipped language but Japanese, by its code.
    pub fn shipped() -> BTreeMap<String, Vocabulary> {
        SHIPPED
            .iter()
            .filter_map(|(_, text)| toml::from_str::<LexiconWords>(text).ok())
            .filter(|l| l.language != "ja")
            .filter_map(Vocabulary::from_lexicon)
            .map(|v| (v.language.clone(), v))
            .collect()
    }

    fn from_lexicon(l: LexiconWords) -> Option<Vocabulary> {
        let chars = l.script == "chars";
        let first = |list: Option<&Vec<String>>| list.and_then(|l| l.first()).map(|p| written(p, chars));
        let concept = |name: &str| first(l.concepts.get(name));
        Some(Vocabulary {
            spo2: first(l.labels.get("spo2"))?,
            temperature: first(l.labels.get("temperature"))?,
            spo2_unit: first(l.units.get("spo2")).unwrap_or_else(|| "%".to_string()),
            temperature_unit: first(l.units.get("temperature")).unwrap_or_default(),
            breathless: concept("breathless_on_exertion")?,
            cannot_lie_down: concept("cannot_lie_down")?,
            cough: concept("cough")?,
            no_symptoms: concept("no_symptoms")?,
            better: concept("better")?,
            same: concept("same")?,
            worse: concept("worse")?,
            language: l.language,
        })
    }

    /// A whole check-in in one message.
    pub fn report(&self, v: &Vitals, layout: Layout) -> String {
        let t = format!("{}.{}", v.temperature / 10, v.temperature % 10);
        let words = self.words(v);
        match layout {
            Layout::Labelled => format!("{} {} {} {t} {words}", self.spo2, v.spo2, self.temperature),
            Layout::Units => format!("{}{} {t}{} {words}", v.spo2, self.spo2_unit, self.temperature_unit),
            Layout::WordsFirst => format!("{words}, {} {}, {} {t}", self.spo2, v.spo2, self.temperature),
        }
    }

    /// How they feel, then their symptoms: "same, cough". A negation before a comma reaches the
    /// words after it ("sin fiebre, igual" is read as not the same), so the feeling goes first.
    fn words(&self, v: &Vitals) -> String {
        let mut parts = vec![match v.feeling {
            Feeling::Better => &self.better,
            Feeling::Same => &self.same,
            Feeling::Worse => &self.worse,
        }];
        if v.cannot_lie_down {
            parts.push(&self.cannot_lie_down);
        } else if v.breathless {
            parts.push(&self.breathless);
        }
        if v.cough {
            parts.push(&self.cough);
        }
        if parts.len() == 1 {
            parts.push(&self.no_symptoms);
        }
        parts.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ")
    }
}

/// A lexicon phrase as a patient would type it: of a pattern (`walk|climb + breathless`) the
/// first word of each place, in order; `=word` is the word itself.
fn written(phrase: &str, chars: bool) -> String {
    let parts: Vec<&str> = phrase
        .split(" + ")
        .map(|place| place.split('|').next().unwrap_or(place).trim().trim_start_matches('='))
        .collect();
    parts.join(if chars { "" } else { " " })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::lexicon::Lexicons;
    use crate::domain::reading;
    use crate::domain::symptom::Symptom;
    use crate::simulation::course::{Phrasing, report_text};

    fn vitals(spo2: u32, t: u32, breathless: bool, lie: bool, cough: bool, feeling: Feeling) -> Vitals {
        Vitals {
            spo2,
            temperature: t,
            breathless,
            cannot_lie_down: lie,
            cough,
            feeling,
        }
    }

    #[test]
    fn every_way_a_synthetic_patient_writes_is_read_as_meant() {
        let lexicons = Lexicons::load(None).expect("lexicons");
        let vocabularies = Vocabulary::shipped();
        // every shipped language but Japanese has the words for a check-in
        assert_eq!(vocabularies.len(), SHIPPED.len() - 1);
        let cases = [
            vitals(97, 368, false, false, false, Feeling::Same),
            vitals(94, 381, false, false, true, Feeling::Worse),
            vitals(92, 385, true, false, true, Feeling::Same),
            vitals(88, 392, true, true, true, Feeling::Worse),
            vitals(98, 364, false, false, false, Feeling::Better),
        ];
        for v in &cases {
            // (read as the service reads a patient of that language)
            let japanese =
                [Phrasing::Numbers, Phrasing::Typed, Phrasing::Sentence].map(|how| ("ja", report_text(v, how)));
            let others = vocabularies.values().flat_map(|w| {
                [Layout::Labelled, Layout::Units, Layout::WordsFirst].map(|l| (w.language.as_str(), w.report(v, l)))
            });
            for (language, text) in japanese.into_iter().chain(others) {
                let p = reading::parse_as(&text, &lexicons, language);
                assert_eq!(p.spo2.map(|s| u32::from(s.percent())), Some(v.spo2), "{text}");
                assert_eq!(
                    p.temperature.map(|t| u32::from(t.tenths())),
                    Some(v.temperature),
                    "{text}"
                );
                assert_eq!(p.feeling, Some(v.feeling), "{text}");
                assert!(!p.harder_to_breathe, "{text}");
                let found = |s: Symptom| p.symptoms.contains(&s);
                assert_eq!(found(Symptom::CannotLieDown), v.cannot_lie_down, "{text}");
                let breathing = [
                    Symptom::SuddenBreathlessness,
                    Symptom::BreathlessOnExertion,
                    Symptom::CannotLieDown,
                ];
                assert_eq!(breathing.into_iter().any(found), v.breathless, "{text}");
                assert_eq!(p.no_symptoms, !v.breathless && !v.cough, "{text}");
            }
        }
    }

    #[test]
    fn a_pattern_is_written_as_its_first_words() {
        assert_eq!(written("walk|climb + breathless|puffed", false), "walk breathless");
        assert_eq!(written("走|走路 + 就喘|喘", true), "走就喘");
        assert_eq!(written("=dying", false), "dying");
    }
}

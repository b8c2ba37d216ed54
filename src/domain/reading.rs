//! Reading what a patient types: `SpO2 94 37.8`, `９４　３７．８`, `spo2:94% temp 37.8℃`,
//! `酸素96 体温36.5 息苦しい`, `胸の痛みはないけど咳が出る`.
//!
//! [`parse`] never fails: it returns what it could read, what it read but cannot accept
//! (a probable typo, with the field named so the patient can be asked again), what the words
//! said (through the [`Lexicons`]) and whether the text held anything at all. Validation into
//! [`Spo2`], [`Temperature`] and [`Pulse`] follows docs/TRIAGE.md "Implausible values".

use serde::{Deserialize, Serialize};

use super::lexicon::{Answer, Concept, Finding, Lexicons, Polarity};
use super::numbers::{Field, numbers};
use super::symptom::Symptom;
pub use super::vitals::{Invalid, Pulse, RespiratoryRate, SPO2_CRITICAL_BELOW, Spo2, Temperature};

/// How the patient feels compared with the last check-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Feeling {
    Better,
    Same,
    Worse,
}

impl Feeling {
    pub fn code(self) -> &'static str {
        match self {
            Feeling::Better => "better",
            Feeling::Same => "same",
            Feeling::Worse => "worse",
        }
    }
    pub fn from_code(code: &str) -> Option<Feeling> {
        [Feeling::Better, Feeling::Same, Feeling::Worse]
            .into_iter()
            .find(|f| f.code() == code)
    }
}

/// Everything one message said.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Parsed {
    pub spo2: Option<Spo2>,
    pub temperature: Option<Temperature>,
    pub pulse: Option<Pulse>,
    pub respiratory_rate: Option<RespiratoryRate>,
    /// Symptoms the patient says they have (a hedged common symptom counts: "熱っぽい").
    pub symptoms: Vec<Symptom>,
    /// Urgent symptoms the words may mean but do not settle: the patient is asked.
    pub unsure: Vec<Symptom>,
    /// Symptoms the patient says they do not have ("胸の痛みはない"): never told back as theirs.
    pub denied: Vec<Symptom>,
    /// The patient said "none" / "なし" to the symptom checklist.
    pub no_symptoms: bool,
    pub feeling: Option<Feeling>,
    /// "harder to breathe", "苦しい".
    pub harder_to_breathe: bool,
    /// "help", "相談": the patient asks to talk to someone.
    pub asks_to_talk: bool,
    /// "食べられない", "can't eat or drink".
    pub cannot_eat_or_drink: bool,
    /// "助けて", "help me": asked how bad it is when no reading says.
    pub distress: bool,
    /// "違う", "that's wrong": the last report was misread.
    pub correction: bool,
    /// The whole message is a yes / no / none answer.
    pub answer: Option<Answer>,
    /// Every phrase understood, with the patient's own words (what staff see).
    pub understood: Vec<Finding>,
    /// Values read but refused as implausible, in the order met.
    pub invalid: Vec<Invalid>,
}

impl Parsed {
    /// True when the message held nothing this parser understood.
    pub fn is_empty(&self) -> bool {
        self.spo2.is_none()
            && self.temperature.is_none()
            && self.pulse.is_none()
            && self.respiratory_rate.is_none()
            && self.symptoms.is_empty()
            && self.unsure.is_empty()
            && self.denied.is_empty()
            && !self.no_symptoms
            && !self.distress
            && !self.correction
            && self.answer.is_none()
            && self.feeling.is_none()
            && !self.harder_to_breathe
            && !self.asks_to_talk
            && !self.cannot_eat_or_drink
            && self.invalid.is_empty()
    }

    /// A message that says "worse", "help" or names a symptom and reports no value: honoured
    /// at once, at any time.
    pub fn is_keyword_only(&self) -> bool {
        self.spo2.is_none()
            && self.temperature.is_none()
            && self.pulse.is_none()
            && self.invalid.is_empty()
            && (self.feeling == Some(Feeling::Worse)
                || self.harder_to_breathe
                || self.asks_to_talk
                || self.cannot_eat_or_drink
                || !self.symptoms.is_empty())
    }

    /// Words that only leave an urgent sign unsure ("唇の色が悪い"): nothing to record or
    /// triage until the patient answers the question they raise.
    pub fn only_raises_questions(&self) -> bool {
        !self.unsure.is_empty()
            && self.spo2.is_none()
            && self.temperature.is_none()
            && self.pulse.is_none()
            && self.respiratory_rate.is_none()
            && self.invalid.is_empty()
            && self.symptoms.is_empty()
            && self.feeling.is_none()
            && !self.harder_to_breathe
            && !self.asks_to_talk
            && !self.cannot_eat_or_drink
    }

    /// The urgent signs to ask about: those the words left unsure, and for distress without a
    /// reading or a named sign, whether breathing is hard.
    pub fn questions(&self) -> Vec<Symptom> {
        let mut asks = self.unsure.clone();
        let named = self.symptoms.iter().any(|s| s.is_urgent());
        if self.distress && self.spo2.is_none() && !named && asks.is_empty() {
            asks.push(Symptom::SuddenBreathlessness);
        }
        asks
    }
}

pub use super::numbers::normalise;

/// Reads one message as the ward's language writes it: Japanese, with English mixed in.
pub fn parse(text: &str, lexicons: &Lexicons) -> Parsed {
    parse_as(text, lexicons, "ja")
}

/// Reads one message as a patient whose lexicon is `language` writes it (see
/// [`Lexicons::understand_as`]); numbers, labels and answers are read in every language.
pub fn parse_as(text: &str, lexicons: &Lexicons, language: &str) -> Parsed {
    let mut parsed = read_values(text, &lexicons.labels);
    parsed.answer = lexicons.answer(text);
    let findings = lexicons.understand_as(text, language);
    apply_findings(&mut parsed, text, findings);
    parsed
}

/// The numbers: unlabelled ones are read as SpO2, then temperature, then pulse, except that a
/// number with a decimal point is a temperature (oximeters show whole numbers).
fn read_values(text: &str, labels: &super::numbers::Labels) -> Parsed {
    let norm = normalise(text);
    let mut parsed = Parsed::default();
    let mut fields: Vec<(Field, f64)> = Vec::new();
    let taken = |f: Field, fields: &Vec<(Field, f64)>| fields.iter().any(|(g, _)| *g == f);
    for n in numbers(&norm, labels) {
        let field = match n.field {
            Some(f) => f,
            None if n.has_decimal && !taken(Field::Temperature, &fields) => Field::Temperature,
            None if !taken(Field::Spo2, &fields) => Field::Spo2,
            None if !taken(Field::Temperature, &fields) => Field::Temperature,
            None => Field::Pulse,
        };
        fields.push((field, n.value));
    }
    for (field, value) in fields {
        match field {
            Field::Spo2 => match Spo2::new(value) {
                Ok(v) => parsed.spo2 = Some(v),
                Err(e) => parsed.invalid.push(e),
            },
            Field::Temperature => match Temperature::new(value) {
                Ok(v) => parsed.temperature = Some(v),
                Err(e) => parsed.invalid.push(e),
            },
            Field::Pulse => match Pulse::new(value) {
                Ok(v) => parsed.pulse = Some(v),
                Err(e) => parsed.invalid.push(e),
            },
            Field::RespiratoryRate => match RespiratoryRate::new(value) {
                Ok(v) => parsed.respiratory_rate = Some(v),
                Err(e) => parsed.invalid.push(e),
            },
        }
    }
    parsed
}

/// "熱 37.9", "fever: 38.2": a fever word that only labels the number after it is the reading's
/// label, not a symptom (the value says whether there is fever).
fn labels_a_number(text: &str, f: &Finding) -> bool {
    f.concept == Concept::Symptom(Symptom::Fever)
        && normalise(&text[f.end..])
            .trim_start_matches([' ', ':', '=', 'は', 'が', 'も'])
            .starts_with(|c: char| c.is_ascii_digit())
}

/// Each concept the words named and what was said of it, merged over the message.
pub fn concepts(findings: &[Finding]) -> Vec<(Concept, Polarity)> {
    Concept::all()
        .into_iter()
        .filter_map(|c| {
            let of: Vec<Polarity> = findings.iter().filter(|f| f.concept == c).map(|f| f.polarity).collect();
            let p = if of.contains(&Polarity::Affirmed) {
                Polarity::Affirmed
            } else if of.contains(&Polarity::Uncertain) {
                Polarity::Uncertain
            } else {
                *of.first()?
            };
            Some((c, p))
        })
        .collect()
}

/// What the words said, concept by concept: said anywhere in the message counts over denied
/// elsewhere ("胸の痛みはない。でも胸が苦しい" is chest pain).
fn apply_findings(parsed: &mut Parsed, text: &str, mut findings: Vec<Finding>) {
    findings.retain(|f| !labels_a_number(text, f));
    let merged = concepts(&findings);
    let polarity = |c: Concept| merged.iter().find(|(m, _)| *m == c).map(|(_, p)| *p);
    for s in Symptom::ALL {
        match polarity(Concept::Symptom(s)) {
            Some(Polarity::Affirmed) => parsed.symptoms.push(s),
            // a hedged common symptom is recorded; a hedged urgent one is asked about
            Some(Polarity::Uncertain) if !s.is_urgent() => parsed.symptoms.push(s),
            Some(Polarity::Uncertain) => parsed.unsure.push(s),
            Some(Polarity::Negated) => parsed.denied.push(s),
            None => {}
        }
    }
    let said = |c: Concept| matches!(polarity(c), Some(Polarity::Affirmed | Polarity::Uncertain));
    parsed.feeling = if said(Concept::Worse) {
        Some(Feeling::Worse)
    } else if said(Concept::Same) || polarity(Concept::Better) == Some(Polarity::Negated) {
        Some(Feeling::Same)
    } else if said(Concept::Better) {
        Some(Feeling::Better)
    } else {
        None
    };
    parsed.harder_to_breathe = said(Concept::HarderToBreathe);
    if parsed.harder_to_breathe && parsed.feeling.is_none() {
        // "苦しい" on its own is how a patient says it is getting worse (Penn COVID Watch)
        parsed.feeling = Some(Feeling::Worse);
    }
    parsed.distress = said(Concept::Distress);
    // someone in distress is called whatever else they answer
    parsed.asks_to_talk = said(Concept::AsksToTalk) || parsed.distress;
    parsed.cannot_eat_or_drink = said(Concept::CannotEatOrDrink);
    parsed.correction = said(Concept::Correction);
    parsed.no_symptoms = parsed.symptoms.is_empty()
        && parsed.unsure.is_empty()
        && (said(Concept::NoSymptoms) || matches!(parsed.answer, Some(Answer::None | Answer::No)));
    parsed.understood = findings;
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn parsed(text: &str) -> Parsed {
        static LEXICONS: std::sync::OnceLock<Lexicons> = std::sync::OnceLock::new();
        parse(text, LEXICONS.get_or_init(Lexicons::shipped))
    }

    fn read(text: &str) -> (Option<u8>, Option<u16>, Option<u16>) {
        let p = parsed(text);
        (
            p.spo2.map(Spo2::percent),
            p.temperature.map(Temperature::tenths),
            p.pulse.map(Pulse::bpm),
        )
    }

    /// Each language's digits, labels, units and decimal commas (issue: every patient in their
    /// own language).
    #[test]
    fn numbers_are_read_in_every_languages_forms() {
        assert_eq!(read("SpO2 ९४ ज्वरो ३७.८"), (Some(94), Some(378), None), "Devanagari");
        assert_eq!(read("SpO2 ၉၃ အပူချိန် ၃၈.၂"), (Some(93), Some(382), None), "Burmese");
        assert_eq!(read("ออกซิเจน ๙๕ อุณหภูมิ ๓๗.๕"), (Some(95), Some(375), None), "Thai");
        assert_eq!(read("血氧 95 体温 37.6"), (Some(95), Some(376), None));
        assert_eq!(
            read("体温 37.6 血氧 95"),
            (Some(95), Some(376), None),
            "labels say which"
        );
        assert_eq!(read("산소포화도 96 체온 37.2도"), (Some(96), Some(372), None));
        assert_eq!(read("체온 38도 산소포화도 93"), (Some(93), Some(380), None));
        assert_eq!(
            read("SpO2 94 température 37,8"),
            (Some(94), Some(378), None),
            "decimal comma"
        );
        assert_eq!(read("temperatura 38,2 saturación 92"), (Some(92), Some(382), None));
        assert_eq!(read("nhiệt độ 36,5 SpO2 97"), (Some(97), Some(365), None));
        assert_eq!(
            parsed("96,97").spo2.map(Spo2::percent),
            Some(96),
            "a comma before two digits is a list"
        );
        assert_eq!(read("发烧38度5 血氧96"), (Some(96), Some(385), None), "38度5 is 38.5");
        assert_eq!(read("熱は38度5分"), (None, Some(385), None));
    }

    #[test]
    fn the_forms_patients_send_are_read() {
        assert_eq!(read("SpO2 94 37.8"), (Some(94), Some(378), None));
        assert_eq!(read("９４　３７．８"), (Some(94), Some(378), None));
        assert_eq!(read("spo2:94% temp 37.8℃"), (Some(94), Some(378), None));
        assert_eq!(read("酸素96 体温36.5 息苦しい"), (Some(96), Some(365), None));
        assert_eq!(read("94 37.8 pulse 88"), (Some(94), Some(378), Some(88)));
        assert_eq!(read("体温37.2 酸素95%"), (Some(95), Some(372), None));
        assert_eq!(read("37.5 96"), (Some(96), Some(375), None));
        assert_eq!(read("96 37"), (Some(96), Some(370), None));
        assert_eq!(read("98"), (Some(98), None, None));
        assert_eq!(
            parsed("spo2 93 37.0 RR 32")
                .respiratory_rate
                .map(RespiratoryRate::per_minute),
            Some(32)
        );
        assert_eq!(
            parsed("酸素93 呼吸数32")
                .respiratory_rate
                .map(RespiratoryRate::per_minute),
            Some(32)
        );
        assert_eq!(parsed("rr 200").invalid, vec![Invalid::RespiratoryRate]);
        assert_eq!(
            read("sorry, 96 37.5"),
            (Some(96), Some(375), None),
            "no label inside a word"
        );
    }

    #[test]
    fn symptoms_and_feelings_are_read_with_the_values() {
        let p = parsed("酸素96 体温36.5 息苦しい");
        assert_eq!(p.symptoms, vec![Symptom::SuddenBreathlessness]);
        assert_eq!(parsed("worse").feeling, Some(Feeling::Worse));
        assert!(parsed("なし").no_symptoms);
    }

    #[test]
    fn worse_and_help_keywords_are_read_in_both_languages() {
        for text in ["worse", "悪化", "苦しい", "I feel worse and it is harder to breathe"] {
            let p = parsed(text);
            assert!(p.is_keyword_only(), "{text}");
            assert_eq!(p.feeling, Some(Feeling::Worse), "{text}");
        }
        assert!(parsed("苦しい").harder_to_breathe);
        assert!(
            !parsed("息苦しい").harder_to_breathe && parsed("息苦しい").feeling.is_none(),
            "the symptom, not the keyword"
        );
        assert!(parsed("help").asks_to_talk && parsed("相談したい").asks_to_talk);
        assert!(parsed("食事がとれない").is_keyword_only() && parsed("I can't eat").cannot_eat_or_drink);
        assert!(
            !parsed("SpO2 94 37.8 worse").is_keyword_only(),
            "values make it a report"
        );
    }

    #[test]
    fn implausible_values_are_refused_and_named() {
        let p = parsed("spo2 101 37.8");
        assert_eq!(p.spo2, None);
        assert_eq!(p.temperature.map(Temperature::tenths), Some(378));
        assert_eq!(p.invalid, vec![Invalid::Spo2]);
        assert_eq!(parsed("94 48").invalid, vec![Invalid::Temperature]);
        assert_eq!(parsed("94 33.9").invalid, vec![Invalid::Temperature]);
        assert_eq!(parsed("94 36.5 pulse 251").invalid, vec![Invalid::Pulse]);
        assert_eq!(parsed("94 36.5 pulse 29").invalid, vec![Invalid::Pulse]);
    }

    #[test]
    fn a_very_low_spo2_is_kept_as_critical_not_refused() {
        let p = parsed("spo2 65");
        assert_eq!(p.spo2.map(Spo2::percent), Some(65));
        assert!(p.spo2.is_some_and(Spo2::is_critical));
        assert!(p.invalid.is_empty());
    }

    #[test]
    fn text_without_readings_is_empty() {
        assert!(parsed("こんにちは").is_empty());
        assert!(parsed("").is_empty());
    }

    fn to_full_width(s: &str) -> String {
        s.chars()
            .map(|c| match c {
                '!'..='~' => char::from_u32(c as u32 + 0xFEE0).unwrap_or(c),
                ' ' => '\u{3000}',
                _ => c,
            })
            .collect()
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC*") {
            let _ = parsed(&s);
        }

        #[test]
        fn full_width_and_half_width_read_the_same(
            spo2 in 0u8..=110, t in 300u16..=450, label in prop::bool::ANY, extra in "[ a-z0-9%.:]{0,12}"
        ) {
            let text = if label {
                format!("spo2 {spo2}% temp {}.{} {extra}", t / 10, t % 10)
            } else {
                format!("{spo2} {}.{} {extra}", t / 10, t % 10)
            };
            prop_assert_eq!(parsed(&text), parsed(&to_full_width(&text)));
        }
    }
}

//! The understanding scorecard: a corpus of patient messages (`tests/corpus/<lang>.txt`), each
//! with what a clinician reads in it, read by the service's own parser with the lexicons in
//! `lexicon/`. Prints recall and precision per concept and language; fails on any urgent sign
//! that is neither understood nor asked about, and on precision below 0.95.
//!
//! Run `cargo test understanding -- --nocapture` to see the table.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::Path;

use mimamori::domain::lexicon::{Concept, Lexicons, Polarity};
use mimamori::domain::reading;
use mimamori::i18n::Lang;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Label {
    Has,
    Denied,
    /// An urgent sign the service may ask about instead of assuming.
    MayAsk,
}

struct Case {
    line: usize,
    text: String,
    labels: Vec<(Concept, Label)>,
}

fn corpus(lang: &str) -> Vec<Case> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/corpus/{lang}.txt"));
    let text = std::fs::read_to_string(&path).expect("corpus file");
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (message, labels) = line
            .split_once(" =>")
            .unwrap_or_else(|| panic!("{lang}.txt:{line_no}: no ' =>'"));
        let labels = labels
            .split_whitespace()
            .map(|l| {
                let (label, code) = match l.as_bytes().first() {
                    Some(b'-') => (Label::Denied, &l[1..]),
                    Some(b'?') => (Label::MayAsk, &l[1..]),
                    _ => (Label::Has, l),
                };
                let concept =
                    Concept::from_code(code).unwrap_or_else(|| panic!("{lang}.txt:{line_no}: unknown concept {code}"));
                (concept, label)
            })
            .collect();
        out.push(Case {
            line: line_no,
            text: message.trim().to_string(),
            labels,
        });
    }
    out
}

#[derive(Default, Clone, Copy)]
struct Score {
    expected: u32,
    found: u32,
    asked: u32,
    false_positive: u32,
    denied_right: u32,
    denied_total: u32,
}

#[test]
fn the_corpus_is_understood_with_no_urgent_sign_missed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("lexicon");
    let lexicons = Lexicons::load(Some(&dir)).expect("lexicons");
    let mut report = String::new();
    let mut missed = Vec::new();
    let mut wrong = Vec::new();
    let (mut tp, mut fp, mut messages, mut over_asked) = (0u32, 0u32, 0usize, 0u32);
    let mut scorecard = String::new();
    for language in Lang::all() {
        let lang = language.code();
        let cases = corpus(lang);
        assert!(
            cases.len() >= 40,
            "{lang}.txt holds {} messages, fewer than 40",
            cases.len()
        );
        messages += cases.len();
        let (tp0, fp0, missed0) = (tp, fp, missed.len());
        let mut scores: BTreeMap<Concept, Score> = BTreeMap::new();
        for case in &cases {
            let parsed = reading::parse_as(&case.text, &lexicons, language.lexicon());
            let got = reading::concepts(&parsed.understood);
            let polarity = |c: Concept| got.iter().find(|(g, _)| *g == c).map(|(_, p)| *p);
            for &(concept, label) in &case.labels {
                let s = scores.entry(concept).or_default();
                let p = polarity(concept);
                match label {
                    Label::Has | Label::MayAsk => {
                        s.expected += 1;
                        match p {
                            Some(Polarity::Affirmed) => s.found += 1,
                            // a common symptom said with a hedge is recorded as said
                            Some(Polarity::Uncertain) if !concept.is_danger() => s.found += 1,
                            Some(Polarity::Uncertain) => s.asked += 1,
                            _ => {
                                if concept.is_danger() {
                                    missed.push(format!(
                                        "{lang}.txt:{} {:?}: {}",
                                        case.line,
                                        case.text,
                                        concept.code()
                                    ));
                                } else {
                                    wrong.push(format!(
                                        "{lang}.txt:{} {:?}: {} not found",
                                        case.line,
                                        case.text,
                                        concept.code()
                                    ));
                                }
                            }
                        }
                    }
                    Label::Denied => {
                        s.denied_total += 1;
                        match p {
                            Some(Polarity::Negated) | None => s.denied_right += 1,
                            Some(Polarity::Uncertain) => s.asked += 1,
                            Some(Polarity::Affirmed) => {}
                        }
                    }
                }
            }
            for (concept, p) in &got {
                let label = case.labels.iter().find(|(c, _)| c == concept).map(|(_, l)| *l);
                let positive = *p == Polarity::Affirmed || (*p == Polarity::Uncertain && !concept.is_danger());
                let s = scores.entry(*concept).or_default();
                match (positive, label) {
                    (true, Some(Label::Has | Label::MayAsk)) => tp += 1,
                    (true, _) => {
                        fp += 1;
                        s.false_positive += 1;
                        wrong.push(format!(
                            "{lang}.txt:{} {:?}: {} read, not meant",
                            case.line,
                            case.text,
                            concept.code()
                        ));
                    }
                    (false, None) if *p == Polarity::Uncertain => {
                        over_asked += 1;
                        s.asked += 1;
                    }
                    _ => {}
                }
            }
        }
        let (said, caught) = scores
            .values()
            .fold((0, 0), |(a, b), s| (a + s.expected, b + s.found + s.asked));
        let _ = writeln!(
            scorecard,
            "  {lang:<8} {:>4} messages  recall {:.2}  precision {:.2}  urgent missed {}",
            cases.len(),
            f64::from(caught) / f64::from(said.max(1)),
            f64::from(tp - tp0) / f64::from((tp - tp0 + fp - fp0).max(1)),
            missed.len() - missed0
        );
        let _ = writeln!(report, "\n{lang}: {} messages", cases.len());
        let _ = writeln!(
            report,
            "  {:<24} {:>5} {:>5} {:>5} {:>4} {:>7} {:>9} {:>8}",
            "concept", "said", "found", "asked", "fp", "recall", "precision", "denials"
        );
        for (concept, s) in &scores {
            let recall = if s.expected == 0 {
                1.0
            } else {
                f64::from(s.found + s.asked) / f64::from(s.expected)
            };
            let precision = if s.found + s.false_positive == 0 {
                1.0
            } else {
                f64::from(s.found) / f64::from(s.found + s.false_positive)
            };
            let _ = writeln!(
                report,
                "  {:<24} {:>5} {:>5} {:>5} {:>4} {:>7.2} {:>9.2} {:>4}/{:<3}",
                concept.code(),
                s.expected,
                s.found,
                s.asked,
                s.false_positive,
                recall,
                precision,
                s.denied_right,
                s.denied_total
            );
        }
    }
    let precision = f64::from(tp) / f64::from((tp + fp).max(1));
    let _ = writeln!(
        report,
        "\nall: {messages} messages, precision {precision:.3} ({tp} right, {fp} wrong), {} urgent signs missed, {over_asked} questions not needed",
        missed.len()
    );
    let _ = writeln!(report, "\nper language:\n{scorecard}");
    for m in &missed {
        let _ = writeln!(report, "  MISSED: {m}");
    }
    for w in &wrong {
        let _ = writeln!(report, "  not right: {w}");
    }
    eprintln!("{report}");
    assert!(messages >= 400 + 40 * 11, "the corpus holds at least 880 messages");
    assert!(missed.is_empty(), "urgent signs missed:\n{}", missed.join("\n"));
    assert!(precision >= 0.95, "precision {precision:.3} < 0.95");
}

/// A language ships with a lexicon that can hear everything the service acts on: every concept,
/// the labels of SpO2 and temperature, and the word that opens the language menu.
#[test]
fn every_shipped_language_has_a_whole_lexicon() {
    let lexicons = Lexicons::shipped();
    for language in Lang::all() {
        let code = language.lexicon();
        let lex = lexicons
            .of(code)
            .unwrap_or_else(|| panic!("{}: no lexicon/{code}.toml", language.code()));
        for concept in Concept::all() {
            let found = lex.phrases_of(concept);
            assert!(found > 0, "lexicon/{code}.toml names no phrase for {}", concept.code());
        }
        for field in ["spo2", "temperature"] {
            assert!(
                lex.labels.before.iter().any(|(_, f)| f.code() == field),
                "lexicon/{code}.toml has no label for {field}"
            );
        }
        assert!(
            lex.has_commands(),
            "lexicon/{code}.toml has no word for the language menu"
        );
    }
}

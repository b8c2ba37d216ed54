//! What a patient's words mean: a lexicon per language (`lexicon/<lang>.toml`), data a ward can
//! read and extend, checked when the service starts so a mistake stops the start with its line.
//!
//! A lexicon names, for each [`Concept`], the phrases patients use for it. A phrase is compared
//! after [`normalise::fold`]; `a + b` means "a, then b within `near` characters or words" (a body
//! part and a state: `胸 + 痛`), `|` separates words that may stand in the same place
//! (`唇|くちびる + 紫|青`). Negation and hedging follow NegEx / ConText: trigger terms with a
//! scope, terms that end a scope, and pseudo-triggers that look like a negation but are not one
//! (`止まらない`, "not only"). See [`matcher`].

pub mod matcher;
pub mod normalise;

use std::collections::BTreeMap;

use toml::Spanned;

use super::symptom::Symptom;
pub use matcher::{Finding, Polarity};

/// Something a patient can say that the service acts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Concept {
    Symptom(Symptom),
    /// Feels worse than at the last check.
    Worse,
    Better,
    Same,
    /// "苦しい", "struggling": breathing or being is harder, without a named symptom.
    HarderToBreathe,
    /// Wants a person to call.
    AsksToTalk,
    CannotEatOrDrink,
    /// "症状なし", "no symptoms".
    NoSymptoms,
    /// "助けて", "help me": distress that needs a question if no reading says how bad.
    Distress,
    /// "違う", "that's wrong": the last report was misread.
    Correction,
}

impl Concept {
    /// Every concept, in the order the scorecard lists them.
    pub fn all() -> Vec<Concept> {
        let mut all: Vec<Concept> = Symptom::ALL.into_iter().map(Concept::Symptom).collect();
        all.extend([
            Concept::Worse,
            Concept::Better,
            Concept::Same,
            Concept::HarderToBreathe,
            Concept::AsksToTalk,
            Concept::CannotEatOrDrink,
            Concept::NoSymptoms,
            Concept::Distress,
            Concept::Correction,
        ]);
        all
    }

    pub fn code(self) -> &'static str {
        match self {
            Concept::Symptom(s) => s.code(),
            Concept::Worse => "worse",
            Concept::Better => "better",
            Concept::Same => "same",
            Concept::HarderToBreathe => "harder_to_breathe",
            Concept::AsksToTalk => "asks_to_talk",
            Concept::CannotEatOrDrink => "cannot_eat_or_drink",
            Concept::NoSymptoms => "no_symptoms",
            Concept::Distress => "distress",
            Concept::Correction => "correction",
        }
    }

    pub fn from_code(code: &str) -> Option<Concept> {
        Concept::all().into_iter().find(|c| c.code() == code)
    }

    /// Something the patient does rather than has: never negated ("違います、胸は痛くない" is
    /// still a correction).
    pub fn is_act(self) -> bool {
        matches!(self, Concept::Correction | Concept::Distress)
    }

    /// A sign that must never be missed: asked back when unsure, never silently dropped.
    pub fn is_danger(self) -> bool {
        matches!(self, Concept::Symptom(s) if s.is_urgent())
    }
}

/// How the language separates words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// No spaces between words (Japanese): phrases are found character by character.
    Chars,
    /// Words between spaces: phrases are found word by word, inflections folded by a stemmer.
    Words,
}

/// Whole-message answers (the message says only this).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Yes,
    No,
    /// "なし", "none": nothing to report (the symptom question).
    None,
}

/// One compiled language.
#[derive(Debug, Clone)]
pub struct Lexicon {
    pub language: String,
    pub(crate) script: Script,
    pub(crate) stemmer: Option<rust_stemmers::Algorithm>,
    pub(crate) near: usize,
    pub(crate) scope: usize,
    pub(crate) unsure_gap: usize,
    /// A negation after a list denies all of it (Japanese: 咳、熱はない).
    pub(crate) lists: bool,
    pub(crate) phrases: Vec<Phrase>,
    pub(crate) negation_before: Vec<Term>,
    pub(crate) negation_after: Vec<Term>,
    pub(crate) between: Vec<Term>,
    pub(crate) pseudo: Vec<Term>,
    pub(crate) ends: Vec<Term>,
    pub(crate) joins: Vec<Term>,
    pub(crate) hedges: Vec<Term>,
    pub(crate) answers: Vec<(String, Answer)>,
}

/// A phrase of a concept: groups of alternative terms, in order, each within `near` of the last.
#[derive(Debug, Clone)]
pub(crate) struct Phrase {
    pub concept: Concept,
    /// An "unsure" phrase: the concept may be meant; the patient is asked.
    pub unsure: bool,
    pub groups: Vec<Vec<Term>>,
}

/// A term: the units (characters or word stems) it is made of, the words as written (for typo
/// matching), and whether it must be written exactly ("=dying": no typo of it counts).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Term(pub Vec<String>, pub Vec<String>, pub bool);

/// A problem in a lexicon file, with the line it is on.
pub type LexiconError = super::data_file::DataFileError;

mod raw {
    use std::collections::BTreeMap;

    use serde::Deserialize;
    use toml::Spanned;

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct File {
        pub language: Spanned<String>,
        pub script: Spanned<String>,
        #[serde(default)]
        pub stemmer: Option<Spanned<String>>,
        pub near: usize,
        pub negation: Negation,
        pub uncertainty: Uncertainty,
        pub answers: Answers,
        pub concepts: Spanned<BTreeMap<Spanned<String>, Vec<Spanned<String>>>>,
        #[serde(default)]
        pub unsure: BTreeMap<Spanned<String>, Vec<Spanned<String>>>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Negation {
        #[serde(default)]
        pub before: Vec<Spanned<String>>,
        #[serde(default)]
        pub after: Vec<Spanned<String>>,
        #[serde(default)]
        pub between: Vec<Spanned<String>>,
        #[serde(default)]
        pub pseudo: Vec<Spanned<String>>,
        #[serde(default)]
        pub ends: Vec<Spanned<String>>,
        #[serde(default)]
        pub joins: Vec<Spanned<String>>,
        pub scope: usize,
        pub unsure_gap: usize,
        pub lists: bool,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Uncertainty {
        pub hedges: Vec<Spanned<String>>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Answers {
        pub yes: Vec<Spanned<String>>,
        pub no: Vec<Spanned<String>>,
        pub none: Vec<Spanned<String>>,
    }
}

/// The shipped lexicons, compiled in: (file name, text).
pub const SHIPPED: [(&str, &str); 2] = [
    ("lexicon/ja.toml", include_str!("../../../lexicon/ja.toml")),
    ("lexicon/en.toml", include_str!("../../../lexicon/en.toml")),
];

impl Lexicon {
    /// Parses and checks a lexicon; `file` names it in errors.
    pub fn parse(file: &str, text: &str) -> Result<Lexicon, LexiconError> {
        let err = |offset: usize, problem: String| LexiconError::at(file, text, offset, problem);
        let raw: raw::File = super::data_file::from_toml(file, text)?;
        let script = match raw.script.get_ref().as_str() {
            "chars" => Script::Chars,
            "words" => Script::Words,
            other => {
                return Err(err(
                    raw.script.span().start,
                    format!("unknown script {other:?} (chars or words)"),
                ));
            }
        };
        let stemmer = match &raw.stemmer {
            None => None,
            Some(s) => Some(stemmer(s.get_ref()).ok_or_else(|| {
                err(
                    s.span().start,
                    format!("unknown stemmer {:?} (e.g. english, french, spanish)", s.get_ref()),
                )
            })?),
        };
        if raw.language.get_ref().trim().is_empty() {
            return Err(err(raw.language.span().start, "the language is empty".into()));
        }
        let mut lex = Lexicon {
            language: raw.language.get_ref().clone(),
            script,
            stemmer,
            near: raw.near,
            scope: raw.negation.scope,
            unsure_gap: raw.negation.unsure_gap,
            lists: raw.negation.lists,
            phrases: Vec::new(),
            negation_before: Vec::new(),
            negation_after: Vec::new(),
            between: Vec::new(),
            pseudo: Vec::new(),
            ends: Vec::new(),
            joins: Vec::new(),
            hedges: Vec::new(),
            answers: Vec::new(),
        };
        let term = |lex: &Lexicon, s: &Spanned<String>| -> Result<Term, LexiconError> {
            if s.get_ref().contains('+') || s.get_ref().contains('|') {
                return Err(err(
                    s.span().start,
                    format!("{:?}: + and | belong in concept phrases only", s.get_ref()),
                ));
            }
            let t = lex.term(s.get_ref());
            if t.0.is_empty() {
                return Err(err(s.span().start, format!("{:?} has no letters", s.get_ref())));
            }
            Ok(t)
        };
        let terms = |lex: &Lexicon, list: &[Spanned<String>]| -> Result<Vec<Term>, LexiconError> {
            list.iter().map(|s| term(lex, s)).collect()
        };
        lex.negation_before = terms(&lex, &raw.negation.before)?;
        lex.negation_after = terms(&lex, &raw.negation.after)?;
        lex.between = terms(&lex, &raw.negation.between)?;
        lex.pseudo = terms(&lex, &raw.negation.pseudo)?;
        lex.ends = terms(&lex, &raw.negation.ends)?;
        lex.joins = terms(&lex, &raw.negation.joins)?;
        lex.hedges = terms(&lex, &raw.uncertainty.hedges)?;
        if lex.negation_before.is_empty() && lex.negation_after.is_empty() {
            return Err(err(0, "[negation] needs `before` or `after` terms".into()));
        }
        for (list, answer) in [
            (&raw.answers.yes, Answer::Yes),
            (&raw.answers.no, Answer::No),
            (&raw.answers.none, Answer::None),
        ] {
            for s in list {
                let folded = answer_form(s.get_ref());
                if folded.is_empty() {
                    return Err(err(s.span().start, format!("{:?} has no letters", s.get_ref())));
                }
                lex.answers.push((folded, answer));
            }
        }

        let mut seen: BTreeMap<Vec<Vec<Term>>, (Concept, bool)> = BTreeMap::new();
        for (table, unsure) in [(raw.concepts.get_ref(), false), (&raw.unsure, true)] {
            for (code, phrases) in table {
                let concept = Concept::from_code(code.get_ref())
                    .ok_or_else(|| err(code.span().start, format!("unknown concept {:?}", code.get_ref())))?;
                if unsure && !concept.is_danger() {
                    return Err(err(
                        code.span().start,
                        format!(
                            "{:?}: only urgent symptoms are asked back; list its phrases under [concepts]",
                            code.get_ref()
                        ),
                    ));
                }
                for p in phrases {
                    let groups = lex.phrase(p.get_ref());
                    if groups.is_empty() || groups.iter().any(|g| g.is_empty() || g.iter().any(|t| t.0.is_empty())) {
                        return Err(err(
                            p.span().start,
                            format!("{:?}: an empty word (check the + and | signs)", p.get_ref()),
                        ));
                    }
                    if let Some((other, _)) = seen.insert(groups.clone(), (concept, unsure))
                        && other != concept
                    {
                        return Err(err(
                            p.span().start,
                            format!("{:?} is already a phrase of {:?}", p.get_ref(), other.code()),
                        ));
                    }
                    lex.phrases.push(Phrase {
                        concept,
                        unsure,
                        groups,
                    });
                }
            }
        }
        // a language is complete when a patient can name every urgent symptom in it
        let named = |c: Concept| lex.phrases.iter().any(|p| p.concept == c && !p.unsure);
        if let Some(missing) = Symptom::URGENT.into_iter().find(|s| !named(Concept::Symptom(*s))) {
            return Err(err(
                raw.concepts.span().start,
                format!("urgent symptom {:?} has no phrase", missing.code()),
            ));
        }
        Ok(lex)
    }

    /// The units of one term as the matcher compares them.
    pub(crate) fn term(&self, text: &str) -> Term {
        let (exact, text) = match text.strip_prefix('=') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let folded = normalise::fold(text);
        let units: Vec<_> = matcher::units(self, &folded)
            .into_iter()
            .filter(|u| !u.is_break)
            .collect();
        Term(
            units.iter().map(|u| u.key.clone()).collect(),
            units.into_iter().map(|u| u.raw).collect(),
            exact,
        )
    }

    fn phrase(&self, text: &str) -> Vec<Vec<Term>> {
        text.split('+')
            .map(|group| group.split('|').map(|alt| self.term(alt.trim())).collect())
            .collect()
    }

    /// The whole-message answer `text` is, if it is one.
    pub fn answer(&self, text: &str) -> Option<Answer> {
        let folded = answer_form(text);
        self.answers
            .iter()
            .find(|(a, _)| *a == folded)
            .map(|(_, answer)| *answer)
    }
}

/// A whole-message answer compared without spaces, punctuation or emoji ("はい！", "Yes.").
fn answer_form(text: &str) -> String {
    normalise::fold_str(text)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

fn stemmer(name: &str) -> Option<rust_stemmers::Algorithm> {
    use rust_stemmers::Algorithm::*;
    Some(match name {
        "english" => English,
        "french" => French,
        "spanish" => Spanish,
        "portuguese" => Portuguese,
        "german" => German,
        "italian" => Italian,
        _ => return None,
    })
}

/// Every language the service understands; a message is read with all of them (patients mix:
/// "SpO2 95 せきが出る、no fever").
#[derive(Debug, Clone)]
pub struct Lexicons {
    pub languages: Vec<Lexicon>,
}

impl Lexicons {
    /// The shipped lexicons, with a ward's files from `dir` (one `<lang>.toml` each) in place of
    /// or beside them.
    pub fn load(dir: Option<&std::path::Path>) -> Result<Lexicons, LexiconError> {
        let mut languages = Vec::new();
        for (file, text) in SHIPPED {
            languages.push(Lexicon::parse(file, text)?);
        }
        if let Some(dir) = dir {
            let entries = std::fs::read_dir(dir).map_err(|e| LexiconError {
                file: dir.display().to_string(),
                line: 0,
                problem: e.to_string(),
            })?;
            let mut files: Vec<_> = entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                .collect();
            files.sort();
            for path in files {
                let name = path.display().to_string();
                let text = std::fs::read_to_string(&path).map_err(|e| LexiconError {
                    file: name.clone(),
                    line: 0,
                    problem: e.to_string(),
                })?;
                let lex = Lexicon::parse(&name, &text)?;
                languages.retain(|l| l.language != lex.language);
                languages.push(lex);
            }
        }
        Ok(Lexicons { languages })
    }

    /// The shipped lexicons (they are checked by the tests, so this cannot fail in a build that
    /// passed them).
    pub fn shipped() -> Lexicons {
        match Lexicons::load(None) {
            Ok(l) => l,
            Err(e) => panic!("a shipped lexicon is broken: {e}"),
        }
    }

    /// What `text` says, in every language: findings ordered by where they start.
    pub fn understand(&self, text: &str) -> Vec<Finding> {
        let folded = normalise::fold(text);
        let mut all: Vec<Finding> = self
            .languages
            .iter()
            .flat_map(|l| matcher::understand(l, text, &folded))
            .collect();
        all.sort_by_key(|f| (f.start, f.end));
        all
    }

    /// The whole-message answer `text` is, in any language.
    pub fn answer(&self, text: &str) -> Option<Answer> {
        self.languages.iter().find_map(|l| l.answer(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_lexicons_load_and_name_every_urgent_symptom() {
        let l = Lexicons::shipped();
        let langs: Vec<&str> = l.languages.iter().map(|l| l.language.as_str()).collect();
        assert_eq!(langs, ["ja", "en"]);
    }

    #[test]
    fn a_broken_lexicon_names_its_line() {
        let base = SHIPPED[1].1;
        let broken = base.replacen("[concepts]", "[concepts]\nblue_face = [\"blue face\"]", 1);
        let e = Lexicon::parse("ward.toml", &broken).expect_err("unknown concept");
        assert!(e.problem.contains("unknown concept \"blue_face\""), "{e}");
        let line = broken.lines().position(|l| l.starts_with("blue_face")).map(|i| i + 1);
        assert_eq!(Some(e.line), line);

        let dup = base.replacen("[unsure]", "[unsure]\ndazed = [\"cough\"]", 1);
        let e = Lexicon::parse("ward.toml", &dup).expect_err("duplicate");
        assert!(e.problem.contains("already a phrase of \"cough\""), "{e}");

        let empty = base.replacen("[unsure]", "[unsure]\ndazed = [\"tight + \"]", 1);
        assert!(Lexicon::parse("ward.toml", &empty).is_err());

        let missing = base
            .replacen("angina", "anginaa", 1)
            .replacen("chest_pain = [", "chest_pain_x = [", 1);
        let e = Lexicon::parse("ward.toml", &missing).expect_err("unknown");
        assert!(e.problem.contains("chest_pain_x"), "{e}");
    }

    #[test]
    fn answers_are_whole_messages() {
        let l = Lexicons::shipped();
        assert_eq!(l.answer("はい！"), Some(Answer::Yes));
        assert_eq!(l.answer("Yes."), Some(Answer::Yes));
        assert_eq!(l.answer("いいえ"), Some(Answer::No));
        assert_eq!(l.answer("特になし"), Some(Answer::None));
        assert_eq!(l.answer("はい、咳が出ます"), None);
    }
}

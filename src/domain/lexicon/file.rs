//! One language's lexicon file: read, checked (a mistake names its line) and compiled into
//! the terms the matcher compares.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap as HashMap;

use toml::Spanned;

use super::concept::{Answer, Concept};
use super::normalise;
use super::units::{Script, units};
use crate::domain::symptom::Symptom;

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
    /// The phrases by how they begin (see [`PhraseIndex`]).
    pub(crate) starts: PhraseIndex,
    pub(crate) negation_before: Vec<Term>,
    pub(crate) negation_after: Vec<Term>,
    pub(crate) between: Vec<Term>,
    pub(crate) pseudo: Vec<Term>,
    pub(crate) ends: Vec<Term>,
    pub(crate) joins: Vec<Term>,
    pub(crate) hedges: Vec<Term>,
    pub(crate) answers: Vec<(String, Answer)>,
    /// Words that say what a number measures, before it and after it.
    pub labels: crate::domain::numbers::Labels,
    /// Whole-message commands ("言語", "language").
    pub(crate) commands: Vec<(String, Command)>,
}

/// Something a whole message asks the service to do rather than reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// Show the language menu.
    Language,
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

/// The phrases of a lexicon (their positions in it) by how their first words begin: for any
/// one message, nearly every phrase starts with a word it does not contain (see
/// `present::Present::phrases`).
#[derive(Debug, Clone, Default)]
pub(crate) struct PhraseIndex {
    /// By the first unit of each term of the phrase's first group.
    pub(super) by_key: HashMap<String, Vec<usize>>,
    /// By the first letter of each such term a typo may stand for: of its first unit, and of
    /// its first word as written (the typos the matcher forgives begin as the word does).
    pub(super) by_key_initial: HashMap<char, Vec<usize>>,
    pub(super) by_raw_initial: HashMap<char, Vec<usize>>,
}

impl PhraseIndex {
    pub(crate) fn of(phrases: &[Phrase]) -> PhraseIndex {
        let mut index = PhraseIndex::default();
        for (at, phrase) in phrases.iter().enumerate() {
            for term in phrase.groups.first().into_iter().flatten() {
                let Some(first) = term.0.first() else {
                    continue;
                };
                index.by_key.entry(first.clone()).or_default().push(at);
                if term.2 {
                    // (written exactly: no typo of it counts)
                    continue;
                }
                if let Some(c) = first.chars().next() {
                    index.by_key_initial.entry(c).or_default().push(at);
                }
                if let Some(c) = term.1.first().and_then(|w| w.chars().next()) {
                    index.by_raw_initial.entry(c).or_default().push(at);
                }
            }
        }
        index
    }
}

/// A problem in a lexicon file, with the line it is on.
pub type LexiconError = crate::domain::data_file::DataFileError;

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
        /// Per measured field (`spo2`, `temperature`, `pulse`, `respiratory_rate`): the words
        /// written before a number that say what it is.
        #[serde(default)]
        pub labels: BTreeMap<Spanned<String>, Vec<Spanned<String>>>,
        /// The same, written after the number (`%`, `℃`, `도`).
        #[serde(default)]
        pub units: BTreeMap<Spanned<String>, Vec<Spanned<String>>>,
        #[serde(default)]
        pub commands: Commands,
    }

    #[derive(Deserialize, Default)]
    #[serde(deny_unknown_fields)]
    pub struct Commands {
        #[serde(default)]
        pub language: Vec<Spanned<String>>,
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

// The shipped lexicons, compiled in as `SHIPPED: &[(file name, text)]`: every
// `lexicon/<lang>.toml`, Japanese first (build.rs finds them).
include!(concat!(env!("OUT_DIR"), "/lexicons.rs"));

impl Lexicon {
    /// Parses and checks a lexicon; `file` names it in errors.
    pub fn parse(file: &str, text: &str) -> Result<Lexicon, LexiconError> {
        let err = |offset: usize, problem: String| LexiconError::at(file, text, offset, problem);
        let raw: raw::File = crate::domain::data_file::from_toml(file, text)?;
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
            starts: PhraseIndex::default(),
            negation_before: Vec::new(),
            negation_after: Vec::new(),
            between: Vec::new(),
            pseudo: Vec::new(),
            ends: Vec::new(),
            joins: Vec::new(),
            hedges: Vec::new(),
            answers: Vec::new(),
            labels: Default::default(),
            commands: Vec::new(),
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

        for s in &raw.commands.language {
            let folded = answer_form(s.get_ref());
            if folded.is_empty() {
                return Err(err(s.span().start, format!("{:?} has no letters", s.get_ref())));
            }
            lex.commands.push((folded, Command::Language));
        }
        for (table, after) in [(&raw.labels, false), (&raw.units, true)] {
            for (code, words) in table {
                let field = crate::domain::numbers::Field::ALL
                    .into_iter()
                    .find(|f| f.code() == code.get_ref())
                    .ok_or_else(|| {
                        err(
                            code.span().start,
                            format!(
                                "unknown field {:?} (spo2, temperature, pulse or respiratory_rate)",
                                code.get_ref()
                            ),
                        )
                    })?;
                for w in words {
                    let word = crate::domain::numbers::normalise(w.get_ref()).trim().to_string();
                    if word.is_empty() {
                        return Err(err(w.span().start, "an empty label".into()));
                    }
                    let list = if after {
                        &mut lex.labels.after
                    } else {
                        &mut lex.labels.before
                    };
                    list.push((word, field));
                }
            }
        }
        lex.labels.sort();

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
        lex.starts = PhraseIndex::of(&lex.phrases);
        Ok(lex)
    }

    /// The units of one term as the matcher compares them.
    pub(crate) fn term(&self, text: &str) -> Term {
        let (exact, text) = match text.strip_prefix('=') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let folded = normalise::fold(text);
        let units: Vec<_> = units(self.script, self.stemmer, &folded)
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

    /// How many phrases name `concept` for sure (not only "unsure").
    pub fn phrases_of(&self, concept: Concept) -> usize {
        self.phrases
            .iter()
            .filter(|p| p.concept == concept && !p.unsure)
            .count()
    }

    /// Whether the language names its whole-message commands.
    pub fn has_commands(&self) -> bool {
        !self.commands.is_empty()
    }

    /// The whole-message command a message is, if it is one; `form`: the message's
    /// [`answer_form`].
    pub fn command(&self, form: &str) -> Option<Command> {
        self.commands.iter().find(|(c, _)| *c == form).map(|(_, c)| *c)
    }

    /// The whole-message answer a message is, if it is one; `form`: the message's
    /// [`answer_form`].
    pub fn answer(&self, form: &str) -> Option<Answer> {
        self.answers.iter().find(|(a, _)| *a == form).map(|(_, answer)| *answer)
    }
}

/// A whole-message answer compared without spaces, punctuation or emoji ("はい！", "Yes.").
pub fn answer_form(text: &str) -> String {
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

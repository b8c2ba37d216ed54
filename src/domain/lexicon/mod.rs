//! What a patient's words mean: a lexicon per language (`lexicon/<lang>.toml`), data a ward can
//! read and extend, checked when the service starts so a mistake stops the start with its line.
//!
//! A lexicon names, for each [`Concept`], the phrases patients use for it. A phrase is compared
//! after [`normalise::fold`]; `a + b` means "a, then b within `near` characters or words" (a body
//! part and a state: `胸 + 痛`), `|` separates words that may stand in the same place
//! (`唇|くちびる + 紫|青`). Negation and hedging follow NegEx / ConText: trigger terms with a
//! scope, terms that end a scope, and pseudo-triggers that look like a negation but are not one
//! (`止まらない`, "not only"). See [`matcher`].
pub mod concept;
pub mod file;
pub mod matcher;
pub mod normalise;
mod present;
pub mod units;

pub use concept::{Answer, Concept};
pub use file::{Command, Lexicon, LexiconError, SHIPPED};
pub use matcher::{Finding, Polarity};

/// The languages every patient may mix into a message, whatever their own.
const MIXED_IN: [&str; 2] = ["ja", "en"];

/// Every language the service understands; a message is read with all of them (patients mix:
/// "SpO2 95 せきが出る、no fever").
#[derive(Debug, Clone)]
pub struct Lexicons {
    pub languages: Vec<Lexicon>,
    /// Every language's number labels and units together: "血氧 95" reads wherever it is sent.
    pub labels: crate::domain::numbers::Labels,
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
        let mut labels = crate::domain::numbers::Labels::default();
        for l in &languages {
            labels.before.extend(l.labels.before.iter().cloned());
            labels.after.extend(l.labels.after.iter().cloned());
        }
        labels.sort();
        Ok(Lexicons { languages, labels })
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

    /// What `text` says, read as a patient of `language` writes: that language's lexicon, and
    /// Japanese and English (the words people in Japan mix in), the patient's own reading
    /// winning where two read the same characters (a Chinese 胸不痛 is not a Japanese 胸…痛).
    /// Other languages are left out: a French "bizarre" in an English message is not French.
    pub fn understand_as(&self, text: &str, language: &str) -> Vec<Finding> {
        let Some(own) = self.of(language) else {
            return self.understand(text);
        };
        let folded = normalise::fold(text);
        let mine = matcher::understand(own, text, &folded);
        let mut all = mine.clone();
        for other in self
            .languages
            .iter()
            .filter(|l| l.language != language && MIXED_IN.contains(&l.language.as_str()))
        {
            for f in matcher::understand(other, text, &folded) {
                if !mine.iter().any(|m| m.start < f.end && f.start < m.end) {
                    all.push(f);
                }
            }
        }
        all.sort_by_key(|f| (f.start, f.end));
        all
    }

    /// The whole-message command `text` is, in any language.
    pub fn command(&self, text: &str) -> Option<Command> {
        let form = file::answer_form(text);
        self.languages.iter().find_map(|l| l.command(&form))
    }

    /// The lexicon of a language code, if one ships or the ward added one.
    pub fn of(&self, language: &str) -> Option<&Lexicon> {
        self.languages.iter().find(|l| l.language == language)
    }

    /// The whole-message answer `text` is, in any language.
    pub fn answer(&self, text: &str) -> Option<Answer> {
        let form = file::answer_form(text);
        self.languages.iter().find_map(|l| l.answer(&form))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_lexicons_load_and_name_every_urgent_symptom() {
        let l = Lexicons::shipped();
        let langs: Vec<&str> = l.languages.iter().map(|l| l.language.as_str()).collect();
        assert_eq!(langs.len(), SHIPPED.len(), "{langs:?}");
        assert_eq!(langs[0], "ja", "Japanese, the ward's language, first");
        for code in ["en", "zh", "ko", "vi", "tl", "ne", "my", "th", "fr", "pt", "es"] {
            assert!(langs.contains(&code), "{code} ships: {langs:?}");
        }
    }

    #[test]
    fn a_broken_lexicon_names_its_line() {
        let base = SHIPPED
            .iter()
            .find(|(f, _)| f.ends_with("/en.toml"))
            .map(|(_, t)| *t)
            .unwrap_or_default();
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

    /// Chinese and Japanese share characters: each patient is read in their own language.
    #[test]
    fn a_patients_own_language_reads_characters_two_languages_share() {
        let l = Lexicons::shipped();
        let chest = |text: &str, lang: &str| {
            l.understand_as(text, lang)
                .into_iter()
                .find(|f| f.concept.code() == "chest_pain")
                .map(|f| f.polarity)
        };
        assert_eq!(chest("胸不痛", "zh"), Some(Polarity::Negated));
        assert_eq!(chest("胸が痛くない", "ja"), Some(Polarity::Negated));
        assert_eq!(chest("胸が痛い", "ja"), Some(Polarity::Affirmed));
        // a French word is not read into an English patient's message
        assert!(l.understand_as("what a bizarre dream", "en").is_empty());
        assert!(!l.understand_as("c'est bizarre", "fr").is_empty());
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

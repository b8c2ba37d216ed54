//! Every user-facing text comes from `locales/<lang>/*.ftl` (fluent), compiled into the binary.
//! A language is a folder: `language.toml`, `patient.ftl` (what patients read; every language
//! has all of it) and, where a language serves providers or the console, `provider.ftl` and
//! `console.ftl`. Tests check that each file present is whole and every message renders.

use std::collections::HashMap;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};

/// One language folder of `locales/`, as the build embedded it.
pub struct EmbeddedLanguage {
    pub code: &'static str,
    /// `language.toml`: its own name, the platform hints that choose it, its fallback.
    pub meta: &'static str,
    /// (file stem, fluent source): `patient`, and where the language has them `provider` and
    /// `console`.
    pub files: &'static [(&'static str, &'static str)],
}

include!(concat!(env!("OUT_DIR"), "/languages.rs"));

/// What `language.toml` says about a language.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageInfo {
    /// Its own name ("Tiếng Việt"), for the language menu.
    pub name: String,
    /// Its name in English, for the README and the console.
    pub english: String,
    /// Platform language tags that choose it (`zh-CN`, `zh-Hans`); the folder name always does.
    #[serde(default)]
    pub hints: Vec<String>,
    /// Read where this language lacks a file (`provider.ftl`, `console.ftl`); Japanese if unset.
    #[serde(default)]
    pub fallback: Option<String>,
    /// The lexicon (`lexicon/<code>.toml`) that reads this language's patients, when it is not
    /// its own: easy Japanese is read as Japanese.
    #[serde(default)]
    pub lexicon: Option<String>,
    /// Who checked the patient messages as a native speaker; empty until someone has.
    #[serde(default)]
    pub reviewed_by: String,
}

static INFO: LazyLock<Vec<Result<LanguageInfo, String>>> = LazyLock::new(|| {
    EMBEDDED
        .iter()
        .map(|l| toml::from_str(l.meta).map_err(|e| format!("locales/{}/language.toml: {e}", l.code)))
        .collect()
});

/// A language the service speaks: one folder of `locales/` (its code is the folder name).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Lang(&'static str);

impl std::fmt::Debug for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

impl Lang {
    /// The ward's own language: what a patient hears before anything says otherwise.
    pub const JA: Lang = Lang("ja");
    pub const EN: Lang = Lang("en");

    /// Every shipped language, Japanese first.
    pub fn all() -> impl Iterator<Item = Lang> {
        EMBEDDED.iter().map(|l| Lang(l.code))
    }

    /// The languages that have `file` (`provider`, `console`): what a provider or a member of
    /// staff may choose.
    pub fn with_file(file: &str) -> impl Iterator<Item = Lang> {
        EMBEDDED
            .iter()
            .filter(move |l| l.files.iter().any(|(f, _)| *f == file))
            .map(|l| Lang(l.code))
    }

    pub fn code(self) -> &'static str {
        self.0
    }

    /// This language if it has `file`, else the nearest fallback that does: a console reader
    /// who chose Vietnamese reads English, an easy-Japanese provider reads Japanese.
    pub fn serving(self, file: &str) -> Lang {
        let has = |l: Lang| EMBEDDED[l.index()].files.iter().any(|(f, _)| *f == file);
        let mut lang = self;
        for _ in 0..EMBEDDED.len() {
            if has(lang) {
                return lang;
            }
            lang = lang.fallback();
        }
        Lang::JA
    }

    fn index(self) -> usize {
        EMBEDDED.iter().position(|l| l.code == self.0).unwrap_or(0)
    }

    /// What `language.toml` says (an unreadable file is reported by [`Locales::load`]).
    pub fn info(self) -> &'static LanguageInfo {
        static EMPTY: LazyLock<LanguageInfo> = LazyLock::new(LanguageInfo::default);
        match INFO.get(self.index()) {
            Some(Ok(info)) => info,
            _ => &EMPTY,
        }
    }

    /// The code of the lexicon that reads this language's patients.
    pub fn lexicon(self) -> &'static str {
        self.info().lexicon.as_deref().unwrap_or(self.0)
    }

    /// Where a message this language lacks is read.
    pub fn fallback(self) -> Lang {
        self.info()
            .fallback
            .as_deref()
            .and_then(Lang::from_code)
            .filter(|f| *f != self)
            .unwrap_or(Lang::JA)
    }

    /// Exactly a folder name (`ja-easy`, `zh`), case aside.
    pub fn from_code(code: &str) -> Option<Lang> {
        EMBEDDED
            .iter()
            .find(|l| l.code.eq_ignore_ascii_case(code))
            .map(|l| Lang(l.code))
    }

    /// Reads a BCP-47 tag as sent by LINE (`ja`, `en-US`, `zh-Hant`) or Telegram (`pt-br`): the
    /// folder name, then a language's hints, then the primary subtag.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let tag = tag.trim().replace('_', "-");
        if let Some(l) = Lang::from_code(&tag) {
            return Some(l);
        }
        if let Some(l) = Lang::all().find(|l| l.info().hints.iter().any(|h| h.eq_ignore_ascii_case(&tag))) {
            return Some(l);
        }
        let primary = tag.split('-').next()?;
        Lang::from_code(primary)
            .or_else(|| Lang::all().find(|l| l.info().hints.iter().any(|h| h.eq_ignore_ascii_case(primary))))
    }
}

impl std::str::FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Lang, String> {
        Lang::from_tag(s).ok_or_else(|| {
            let known: Vec<&str> = Lang::all().map(Lang::code).collect();
            format!("unknown language {s:?}; one of {}", known.join(", "))
        })
    }
}

impl Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0)
    }
}

impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Lang, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

pub struct Locales {
    bundles: HashMap<Lang, FluentBundle<FluentResource>>,
}

/// Arguments for a message: `&[("name", "Hanako".into())]`.
pub type Args<'a> = [(&'a str, FluentValue<'a>)];

impl Locales {
    pub fn load() -> Result<Locales, String> {
        let mut bundles = HashMap::new();
        for (language, info) in EMBEDDED.iter().zip(INFO.iter()) {
            let info = info.as_ref().map_err(Clone::clone)?;
            if let Some(f) = &info.fallback
                && Lang::from_code(f).is_none()
            {
                return Err(format!(
                    "locales/{}/language.toml: unknown fallback {f:?}",
                    language.code
                ));
            }
            if !language.files.iter().any(|(f, _)| *f == "patient") {
                return Err(format!("locales/{}: no patient.ftl", language.code));
            }
            // plural rules follow the primary subtag: ja-easy counts as Japanese
            let primary = language.code.split('-').next().unwrap_or(language.code);
            let id = primary
                .parse()
                .map_err(|e| format!("language id {}: {e}", language.code))?;
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // chat apps render the isolation marks as boxes on some phones
            bundle.set_use_isolating(false);
            for (name, source) in language.files {
                let resource = FluentResource::try_new(source.to_string())
                    .map_err(|(_, errors)| format!("locales/{}/{name}.ftl: {errors:?}", language.code))?;
                bundle
                    .add_resource(resource)
                    .map_err(|errors| format!("locales/{}/{name}.ftl: {errors:?}", language.code))?;
            }
            bundles.insert(Lang(language.code), bundle);
        }
        Ok(Locales { bundles })
    }

    /// The text of `key` in `lang`, else in its fallback, else in Japanese. A key missing
    /// everywhere is a bug caught by tests; at run time the key itself is shown, not nothing.
    pub fn text(&self, lang: Lang, key: &str, args: &Args) -> String {
        let found = [lang, lang.fallback(), Lang::JA].into_iter().find_map(|l| {
            let bundle = self.bundles.get(&l)?;
            let pattern = bundle.get_message(key).and_then(|m| m.value())?;
            Some((l, bundle, pattern))
        });
        let Some((used, bundle, pattern)) = found else {
            tracing::error!(key, lang = lang.code(), "missing translation");
            return key.to_string();
        };
        let mut fargs = FluentArgs::new();
        for (k, v) in args {
            fargs.set(*k, v.clone());
        }
        let mut errors = vec![];
        let text = bundle.format_pattern(pattern, Some(&fargs), &mut errors);
        if !errors.is_empty() {
            tracing::error!(key, lang = used.code(), ?errors, "translation arguments");
        }
        text.into_owned()
    }

    /// Whether `lang` itself has `key` (no fallback).
    pub fn has(&self, lang: Lang, key: &str) -> bool {
        self.bundles
            .get(&lang)
            .and_then(|b| b.get_message(key))
            .is_some_and(|m| m.value().is_some())
    }
}

/// Message ids defined in one fluent source.
pub fn message_ids(source: &str) -> Vec<String> {
    message_variables(source).into_keys().collect()
}

/// Each message of a fluent source with the variables it uses (`$name`, `$minutes`).
pub fn message_variables(source: &str) -> std::collections::BTreeMap<String, std::collections::BTreeSet<String>> {
    let mut out = std::collections::BTreeMap::new();
    let mut current: Option<String> = None;
    for line in source.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            current = None;
            continue;
        }
        if line.chars().next().is_some_and(|c| c.is_ascii_lowercase())
            && let Some((id, _)) = line.split_once('=')
        {
            current = Some(id.trim().to_string());
            out.insert(id.trim().to_string(), std::collections::BTreeSet::new());
        }
        let Some(id) = &current else { continue };
        for part in line.split('$').skip(1) {
            let var: String = part
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                .collect();
            if let Some(vars) = out.get_mut(id)
                && !var.is_empty()
            {
                vars.insert(var);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;
    use std::collections::BTreeSet;

    fn file(lang: Lang, stem: &str) -> Option<&'static str> {
        EMBEDDED[lang.index()]
            .files
            .iter()
            .find(|(f, _)| *f == stem)
            .map(|(_, s)| *s)
    }

    /// Every language is whole: every message of each file it has, with the same variables as
    /// Japanese (a translation that drops `{ $minutes }` would tell a patient nothing), and every
    /// message renders — with words and with numbers, so plural selectors and number forms work.
    #[test]
    fn every_language_is_whole_and_every_message_renders() {
        let locales = Locales::load().expect("locales parse");
        assert!(Lang::all().count() >= 13, "the shipped languages");
        for lang in Lang::all() {
            assert!(!lang.info().name.is_empty(), "{lang}: language.toml names it");
            for (stem, _) in EMBEDDED[Lang::JA.index()].files {
                let reference = message_variables(file(Lang::JA, stem).unwrap_or_default());
                let Some(source) = file(lang, stem) else {
                    assert_ne!(*stem, "patient", "{lang} has no patient.ftl");
                    continue;
                };
                let ours = message_variables(source);
                let missing: Vec<_> = reference.keys().filter(|k| !ours.contains_key(*k)).collect();
                let extra: Vec<_> = ours.keys().filter(|k| !reference.contains_key(*k)).collect();
                assert!(missing.is_empty(), "{lang}/{stem}.ftl lacks {missing:?}");
                assert!(extra.is_empty(), "{lang}/{stem}.ftl has unknown {extra:?}");
                for (key, vars) in &reference {
                    assert_eq!(&ours[key], vars, "{lang}/{stem}.ftl {key}: variables differ from ja");
                    for sample in [FluentValue::from("Ｘ"), FluentValue::from(1), FluentValue::from(5)] {
                        let args: Vec<(&str, FluentValue)> =
                            vars.iter().map(|v| (v.as_str(), sample.clone())).collect();
                        let bundle = &locales.bundles[&lang];
                        let pattern = bundle.get_message(key).and_then(|m| m.value());
                        let Some(pattern) = pattern else {
                            panic!("{lang}/{stem}.ftl {key} has no value");
                        };
                        let mut fargs = FluentArgs::new();
                        for (k, v) in &args {
                            fargs.set(*k, v.clone());
                        }
                        let mut errors = vec![];
                        let text = bundle.format_pattern(pattern, Some(&fargs), &mut errors);
                        assert!(errors.is_empty(), "{lang} {key}: {errors:?}");
                        assert!(!text.trim().is_empty(), "{lang} {key} renders empty");
                    }
                }
            }
        }
    }

    #[test]
    fn a_missing_message_falls_back_to_the_languages_fallback() {
        let locales = Locales::load().expect("locales parse");
        let vi = Lang::from_code("vi").expect("vi ships");
        assert!(!locales.has(vi, "offer-accept"), "providers' texts are ja and en only");
        assert_eq!(
            locales.text(vi, "offer-accept", &[]),
            locales.text(vi.fallback(), "offer-accept", &[])
        );
        let easy = Lang::from_code("ja-easy").expect("easy Japanese ships");
        assert_eq!(easy.fallback(), Lang::JA);
    }

    #[test]
    fn every_message_the_code_asks_for_exists() {
        let locales = Locales::load().expect("locales parse");
        let mut asked = BTreeSet::new();
        let mut stack = vec![
            std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src")),
            std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/templates")),
        ];
        while let Some(p) = stack.pop() {
            for entry in std::fs::read_dir(&p).expect("src dir") {
                let path = entry.expect("entry").path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "rs" || e == "html") {
                    let text = std::fs::read_to_string(&path).expect("source");
                    // message ids are marked with the msg! macro in the code, and asked for
                    // with tr.t and a literal in the console templates
                    for marker in ["msg!(\"", "tr.t(\""] {
                        for part in text.split(marker).skip(1) {
                            if let Some((id, _)) = part.split_once('"') {
                                asked.insert(id.to_string());
                            }
                        }
                    }
                }
            }
        }
        assert!(asked.len() > 10, "the scan found the message ids ({})", asked.len());
        // ids built at run time
        asked.extend(crate::domain::symptom::Symptom::ALL.iter().map(|s| s.label_key()));
        // Japanese is the reference every other language is checked against
        for id in asked {
            assert!(locales.has(Lang::JA, &id), "ja lacks {id}");
        }
    }

    #[test]
    fn language_tags_are_read() {
        let code = |t: &str| Lang::from_tag(t).map(Lang::code);
        assert_eq!(code("en-US"), Some("en"));
        assert_eq!(code("ja"), Some("ja"));
        assert_eq!(code("zh-Hans"), Some("zh"));
        assert_eq!(code("zh_CN"), Some("zh"));
        assert_eq!(code("pt-br"), Some("pt"));
        assert_eq!(code("fil"), Some("tl"));
        assert_eq!(code("ja-easy"), Some("ja-easy"));
        assert_eq!(code("xx"), None);
        let all: BTreeMap<&str, &str> = Lang::all().map(|l| (l.code(), l.info().english.as_str())).collect();
        assert_eq!(all.len(), 13, "{all:?}");
    }
}

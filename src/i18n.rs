//! Every user-facing text comes from `locales/<lang>/*.ftl` (fluent), compiled into the binary.
//! A test checks that every locale defines every message and that every message the code asks
//! for exists.

use std::collections::HashMap;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};

/// The languages the service speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Ja,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Ja, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::En => "en",
        }
    }

    /// Reads a BCP-47 tag as sent by LINE (`ja`, `en-US`) or Telegram (`en`).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "ja" => Some(Lang::Ja),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// The sources, embedded at build time so the binary runs from anywhere: per language, the
/// chat messages (`main.ftl`) and the staff console (`console.ftl`).
pub const SOURCES: &[(Lang, &str, &str)] = &[
    (Lang::Ja, "main", include_str!("../locales/ja/main.ftl")),
    (Lang::Ja, "console", include_str!("../locales/ja/console.ftl")),
    (Lang::En, "main", include_str!("../locales/en/main.ftl")),
    (Lang::En, "console", include_str!("../locales/en/console.ftl")),
];

pub struct Locales {
    bundles: HashMap<Lang, FluentBundle<FluentResource>>,
}

/// Arguments for a message: `&[("name", "Hanako".into())]`.
pub type Args<'a> = [(&'a str, FluentValue<'a>)];

impl Locales {
    pub fn load() -> Result<Locales, String> {
        let mut bundles: HashMap<Lang, FluentBundle<FluentResource>> = HashMap::new();
        for (lang, name, source) in SOURCES {
            let resource = FluentResource::try_new(source.to_string())
                .map_err(|(_, errors)| format!("locales/{}/{name}.ftl: {errors:?}", lang.code()))?;
            let bundle = match bundles.entry(*lang) {
                std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
                std::collections::hash_map::Entry::Vacant(e) => {
                    let id = lang
                        .code()
                        .parse()
                        .map_err(|e| format!("language id {}: {e}", lang.code()))?;
                    let mut bundle = FluentBundle::new_concurrent(vec![id]);
                    // chat apps render the isolation marks as boxes on some phones
                    bundle.set_use_isolating(false);
                    e.insert(bundle)
                }
            };
            bundle
                .add_resource(resource)
                .map_err(|errors| format!("locales/{}/{name}.ftl: {errors:?}", lang.code()))?;
        }
        Ok(Locales { bundles })
    }

    /// The text of `key` in `lang`. A missing key is a bug caught by tests; at run time the key
    /// itself is shown rather than nothing.
    pub fn text(&self, lang: Lang, key: &str, args: &Args) -> String {
        let Some(bundle) = self.bundles.get(&lang) else {
            return key.to_string();
        };
        let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
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
            tracing::error!(key, lang = lang.code(), ?errors, "translation arguments");
        }
        text.into_owned()
    }

    pub fn has(&self, lang: Lang, key: &str) -> bool {
        self.bundles
            .get(&lang)
            .and_then(|b| b.get_message(key))
            .is_some_and(|m| m.value().is_some())
    }
}

/// Message ids defined in one fluent source.
pub fn message_ids(source: &str) -> Vec<String> {
    source
        .lines()
        .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
        .filter_map(|l| l.split_once('=').map(|(id, _)| id.trim().to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn every_locale_defines_every_message() {
        let mut sets: Vec<(Lang, BTreeSet<String>)> = Vec::new();
        for (l, _, s) in SOURCES {
            match sets.iter_mut().find(|(x, _)| x == l) {
                Some((_, set)) => set.extend(message_ids(s)),
                None => sets.push((*l, message_ids(s).into_iter().collect())),
            }
        }
        let all: BTreeSet<String> = sets.iter().flat_map(|(_, s)| s.iter().cloned()).collect();
        for (lang, set) in &sets {
            let missing: Vec<_> = all.difference(set).collect();
            assert!(missing.is_empty(), "{} lacks {missing:?}", lang.code());
        }
        let locales = Locales::load().expect("locales parse");
        for lang in Lang::ALL {
            for key in &all {
                assert!(locales.has(lang, key), "{} cannot format {key}", lang.code());
            }
        }
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
        for id in asked {
            for lang in Lang::ALL {
                assert!(locales.has(lang, &id), "{} lacks {id}", lang.code());
            }
        }
    }

    #[test]
    fn language_tags_are_read() {
        assert_eq!(Lang::from_tag("en-US"), Some(Lang::En));
        assert_eq!(Lang::from_tag("ja"), Some(Lang::Ja));
        assert_eq!(Lang::from_tag("ko"), None);
    }
}

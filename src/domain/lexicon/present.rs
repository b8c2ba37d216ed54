//! What a message may hold, found from its own words before anything is compared: for any one
//! message, nearly every term of a lexicon starts with a word it does not contain, and each
//! phrase was otherwise tried in turn, each term at every position of the message.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::file::{PhraseIndex, Term};
use super::units::Unit;

/// What a message holds, for passing over at once a term it cannot hold: most of a lexicon's
/// terms, for any one message, were otherwise compared at every position of it.
pub(super) struct Present {
    keys: HashSet<String>,
    /// The first letters of the words (stems, and as written) long enough to hold a typo.
    typo_key_initials: HashSet<char>,
    typo_raw_initials: HashSet<char>,
}

impl Present {
    pub(super) fn of(units: &[Unit]) -> Present {
        let initial = |w: &str| w.chars().next().filter(|_| w.len() >= 5);
        let words = || units.iter().filter(|u| !u.is_break);
        Present {
            keys: units.iter().map(|u| u.key.clone()).collect(),
            typo_key_initials: words().filter_map(|u| initial(&u.key)).collect(),
            typo_raw_initials: words().filter_map(|u| initial(&u.raw)).collect(),
        }
    }

    /// Whether the term's first unit stands in the message, or a typo of it may (see
    /// the matcher's `near_miss`); of any part of the message too.
    pub(super) fn may_hold(&self, term: &Term, fuzzy: bool) -> bool {
        let Some(first) = term.0.first() else {
            return false;
        };
        let starts = |w: Option<&String>, initials: &HashSet<char>| {
            w.and_then(|w| w.chars().next()).is_some_and(|c| initials.contains(&c))
        };
        self.keys.contains(first)
            || fuzzy
                && !term.2
                && (starts(Some(first), &self.typo_key_initials) || starts(term.1.first(), &self.typo_raw_initials))
    }

    /// The phrases of `index`, in lexicon order, whose first words may stand in the message: no
    /// other can match ([`Present::may_hold`] over the terms of a phrase's first group).
    pub(super) fn phrases(&self, index: &PhraseIndex, fuzzy: bool) -> Vec<usize> {
        let mut at: Vec<usize> = self
            .keys
            .iter()
            .filter_map(|k| index.by_key.get(k))
            .flatten()
            .copied()
            .collect();
        if fuzzy {
            let by = |initials: &HashSet<char>, map: &HashMap<char, Vec<usize>>| {
                initials
                    .iter()
                    .filter_map(|c| map.get(c))
                    .flatten()
                    .copied()
                    .collect::<Vec<_>>()
            };
            at.extend(by(&self.typo_key_initials, &index.by_key_initial));
            at.extend(by(&self.typo_raw_initials, &index.by_raw_initial));
        }
        at.sort_unstable();
        at.dedup();
        at
    }
}

//! Finding concepts in a message and deciding, for each, whether the patient affirms it, denies
//! it, or leaves us unsure — the NegEx / ConText design (trigger terms with a scope, terminating
//! terms, pseudo-triggers), with one rule of our own: when a negation's reach is ambiguous for an
//! urgent symptom ("no fever and chest pain"), the answer is "unsure" and the patient is asked,
//! never a guess towards "no".

use super::concept::Concept;
use super::file::{Lexicon, Phrase, Term};
use super::normalise::Folded;
use super::present::Present;
use super::units::{Script, Unit, units};

/// What the patient said about a concept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    Affirmed,
    Negated,
    /// Hedged, or a negation we cannot place: asked back when the concept is urgent.
    Uncertain,
}

/// One phrase of a message and what it was understood as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub concept: Concept,
    pub polarity: Polarity,
    /// Byte range in the original message.
    pub start: usize,
    pub end: usize,
    /// The patient's own words for it.
    pub text: String,
}

/// A typo of a lexicon word: one edit away, same first letter, long enough not to be another word.
fn near_miss(written: &str, word: &str) -> bool {
    // (the first letter first: it turns away nearly every pair before anything is counted)
    if written.chars().next() != word.chars().next() || written.len() < 5 || word.len() < 5 {
        return false;
    }
    let (w, l) = (written.chars().count(), word.chars().count());
    w >= 5
        && l >= 5
        && w.abs_diff(l) <= 1
        && written != word
        && written.chars().all(char::is_alphabetic)
        && strsim::damerau_levenshtein(written, word) == 1
}

/// Where `term` stands in `units` (part of the message `present` describes), as unit ranges.
fn occurrences(term: &Term, units: &[Unit], present: &Present, fuzzy: bool, out: &mut Vec<(usize, usize)>) {
    let n = term.0.len();
    if n == 0 || n > units.len() || !present.may_hold(term, fuzzy) {
        return;
    }
    for at in 0..=units.len() - n {
        let window = &units[at..at + n];
        let same = |i: usize, u: &Unit| {
            term.0[i] == u.key
                || fuzzy && !term.2 && !u.is_break && (near_miss(&u.key, &term.0[i]) || near_miss(&u.raw, &term.1[i]))
        };
        if window.iter().enumerate().all(|(i, u)| same(i, u)) {
            out.push((at, at + n));
        }
    }
}

fn all_occurrences(terms: &[Term], units: &[Unit], present: &Present) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for t in terms {
        occurrences(t, units, present, false, &mut out);
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// A concept phrase found at unit range `from..to`.
#[derive(Debug, Clone)]
struct Match<'a> {
    phrase: &'a Phrase,
    from: usize,
    to: usize,
    /// Where each group's word stands (`chest` and `hurt` in "chest doesn't hurt").
    parts: Vec<(usize, usize)>,
}

/// What the scope rules look at in one message.
struct Scene<'a> {
    lex: &'a Lexicon,
    units: Vec<Unit>,
    present: Present,
    /// Unit ranges of scope-ending terms ("but", "けど").
    ends: Vec<(usize, usize)>,
    /// Unit ranges that look like triggers but are not ("止まらない", "not only").
    pseudo: Vec<(usize, usize)>,
    /// Where the negations before and after a concept, and the hedges, stand.
    before: Vec<(usize, usize)>,
    after: Vec<(usize, usize)>,
    hedges: Vec<(usize, usize)>,
    kept: Vec<Match<'a>>,
}

impl Scene<'_> {
    /// Does anything between units `a` and `b` end the scope? `weak`: clause punctuation too.
    fn blocked(&self, a: usize, b: usize, weak: bool) -> bool {
        self.units[a.min(b)..b.max(a)]
            .iter()
            .any(|u| u.is_break && (u.strong || weak))
            || self.ends.iter().any(|&(s, e)| s < b && e > a)
    }

    /// A trigger that is really part of a concept phrase or a pseudo-trigger does not count.
    fn is_real_trigger(&self, (s, e): (usize, usize)) -> bool {
        !self.kept.iter().any(|m| m.from < e && m.to > s) && !self.pseudo.iter().any(|&(ps, pe)| ps <= s && pe >= e)
    }

    fn concept_at(&self, at: usize) -> Option<usize> {
        self.kept.iter().find(|m| m.from == at).map(|m| m.to)
    }

    /// Can `from..to` be read entirely as filler words, clause punctuation and other concepts
    /// ("は", "く", "、熱も")? A list that ends in a negation negates all of it
    /// ("咳、熱、息苦しさはありません"). The second value: whether a comma was crossed, which
    /// leaves an urgent sign unsure ("息苦しい、咳はない" may deny only the cough).
    fn is_filler(&self, from: usize, to: usize) -> (bool, bool) {
        let n = to - from;
        // reach[i]: from+i can be reached by fillers, and whether a comma was crossed on the way
        let mut reach: Vec<Option<bool>> = vec![None; n + 1];
        reach[0] = Some(false);
        let set = |reach: &mut Vec<Option<bool>>, i: usize, comma: bool| {
            // the reading that crosses no comma is the one that counts
            reach[i] = Some(reach[i].map_or(comma, |c| c && comma));
        };
        for i in 0..n {
            let Some(comma) = reach[i] else { continue };
            let at = from + i;
            let u = &self.units[at];
            if u.is_break && !u.strong && self.lex.lists {
                set(&mut reach, i + 1, true);
            }
            if let Some(end) = self.concept_at(at).filter(|e| *e <= to) {
                set(&mut reach, end - from, comma);
            }
            for t in &self.lex.between {
                let k = t.0.len();
                if at + k <= to && t.0.iter().zip(&self.units[at..at + k]).all(|(a, b)| *a == b.key) {
                    set(&mut reach, i + k, comma);
                }
            }
        }
        match reach[n] {
            Some(comma) => (true, comma),
            None => (false, false),
        }
    }

    /// The polarity a negation before the match, or between its words, gives, and where the
    /// negation stands: `None` when none reaches it.
    fn negated_before(&self, m: &Match<'_>) -> Option<(Polarity, usize)> {
        let triggers = &self.before;
        // "chest doesn't hurt", "lips not blue": a negation between the phrase's own words
        let inside = triggers.iter().any(|&(ts, te)| {
            ts >= m.from
                && te <= m.to
                && !m.parts.iter().any(|&(ps, pe)| ps < te && pe > ts)
                && !self.pseudo.iter().any(|&(ps, pe)| ps <= ts && pe >= te)
        });
        if inside {
            return Some((Polarity::Negated, m.from));
        }
        // the nearest negation before decides
        for &(ts, te) in triggers.iter().rev() {
            if te > m.from || !self.is_real_trigger((ts, te)) {
                continue;
            }
            let between = &self.units[te..m.from];
            let distance = between.iter().filter(|u| !u.is_break).count();
            if distance > self.lex.scope || self.blocked(te, m.from, false) {
                return None;
            }
            // "no fever and chest pain", "no fever, chest pain": which does "no" govern?
            let joined = between.iter().any(|u| u.is_break)
                || !all_occurrences(&self.lex.joins, between, &self.present).is_empty();
            let p = if joined && m.phrase.concept.is_danger() {
                Polarity::Uncertain
            } else {
                Polarity::Negated
            };
            return Some((p, ts));
        }
        None
    }

    /// The polarity a negation after the match gives ("胸の痛みはない", "fever: gone").
    fn negated_after(&self, m: &Match<'_>) -> Option<(Polarity, usize)> {
        // the nearest negation after the concept decides; a later one belongs to other words
        let (ts, te) = self
            .after
            .iter()
            .copied()
            .filter(|&(ts, _)| ts >= m.to)
            .find(|&t| self.is_real_trigger(t))?;
        match self.is_filler(m.to, ts) {
            (true, true) if m.phrase.concept.is_danger() => return Some((Polarity::Uncertain, te)),
            (true, _) => return Some((Polarity::Negated, te)),
            (false, _) => {}
        }
        if self.blocked(m.to, ts, true) {
            return None;
        }
        // a short gap we cannot read ("胸は痛まない"): not a guess either way
        let short = ts - m.to <= self.lex.unsure_gap;
        (short && m.phrase.concept.is_danger()).then_some((Polarity::Uncertain, te))
    }

    /// A hedge ("maybe", "かも", "気がする") in the same clause, before or after.
    fn hedged(&self, m: &Match<'_>) -> bool {
        self.hedges.iter().copied().any(|(hs, he)| {
            if !self.is_real_trigger((hs, he)) {
                return false;
            }
            if he <= m.from {
                m.from - he <= self.lex.scope && !self.blocked(he, m.from, true)
            } else if hs >= m.to {
                hs - m.to <= self.lex.scope * 2 && !self.blocked(m.to, hs, true)
            } else {
                false
            }
        })
    }
}

/// Every concept `lex` finds in a message, with its polarity.
pub(crate) fn understand(lex: &Lexicon, original: &str, folded: &Folded) -> Vec<Finding> {
    let units = units(lex.script, lex.stemmer, folded);
    let present = Present::of(&units);
    let mut scene = Scene {
        lex,
        ends: all_occurrences(&lex.ends, &units, &present),
        pseudo: all_occurrences(&lex.pseudo, &units, &present),
        before: all_occurrences(&lex.negation_before, &units, &present),
        after: all_occurrences(&lex.negation_after, &units, &present),
        hedges: all_occurrences(&lex.hedges, &units, &present),
        units,
        present,
        kept: Vec::new(),
    };
    let fuzzy = lex.script == Script::Words;
    let mut found: Vec<Match<'_>> = Vec::new();
    let group_occurrences = |group: &[Term]| {
        let mut at = Vec::new();
        for t in group {
            occurrences(t, &scene.units, &scene.present, fuzzy, &mut at);
        }
        at.sort_unstable();
        at.dedup();
        at
    };
    for phrase in scene
        .present
        .phrases(&lex.starts, fuzzy)
        .into_iter()
        .map(|at| &lex.phrases[at])
    {
        let starts = group_occurrences(&phrase.groups[0]);
        if starts.is_empty() {
            continue;
        }
        let rest: Vec<Vec<(usize, usize)>> = phrase.groups[1..].iter().map(|g| group_occurrences(g)).collect();
        'start: for (from, first_end) in starts {
            let mut end = first_end;
            let mut parts = vec![(from, first_end)];
            for next in &rest {
                let Some(&(s, e)) = next
                    .iter()
                    .filter(|(s, _)| *s >= end && *s - end <= lex.near && !scene.blocked(end, *s, true))
                    .min_by_key(|(s, _)| *s)
                else {
                    continue 'start;
                };
                parts.push((s, e));
                end = e;
            }
            found.push(Match {
                phrase,
                from,
                to: end,
                parts,
            });
        }
    }
    // the reading that accounts for the most words wins, and the words it matched are its own
    // ("いつもと違う" is not "違う"); an urgent sign is dropped only when other readings account
    // for every word of it: under-triage is the failure that matters
    found.sort_by_key(|m| {
        let words: usize = m.parts.iter().map(|(s, e)| e - s).sum();
        (
            std::cmp::Reverse(words),
            !m.phrase.concept.is_danger(),
            m.to - m.from,
            m.phrase.unsure,
            m.from,
        )
    });
    let mut claimed = vec![false; scene.units.len()];
    for m in found {
        let same = scene
            .kept
            .iter()
            .any(|k| k.phrase.concept == m.phrase.concept && k.from < m.to && k.to > m.from);
        let units = || m.parts.iter().flat_map(|&(s, e)| s..e);
        let clash = if m.phrase.concept.is_danger() {
            units().all(|u| claimed[u])
        } else {
            units().any(|u| claimed[u])
        };
        if !same && !clash {
            units().for_each(|u| claimed[u] = true);
            scene.kept.push(m);
        }
    }
    scene.kept.sort_by_key(|m| m.from);
    let mut out = Vec::new();
    for m in &scene.kept {
        let found = if m.phrase.concept.is_act() {
            None
        } else {
            scene.negated_before(m).or_else(|| scene.negated_after(m))
        };
        let negation = found.map(|(p, _)| p);
        let hedged = scene.hedged(m);
        let polarity = match (m.phrase.unsure, negation, hedged) {
            (true, _, _) => Polarity::Uncertain,
            (_, Some(Polarity::Uncertain), _) => Polarity::Uncertain,
            (_, Some(_), true) => Polarity::Uncertain,
            (_, Some(p), false) => p,
            (_, None, true) => Polarity::Uncertain,
            (_, None, false) => Polarity::Affirmed,
        };
        // the words shown to staff reach to the negation ("胸の痛みはない")
        let (first, last) = match found {
            Some((_, at)) if at < m.from => (at, m.to),
            Some((_, end)) if end > m.to => (m.from, end),
            _ => (m.from, m.to),
        };
        let from = scene.units[first].from;
        let to = scene.units[last - 1].to;
        let text = folded.source(original, from, to);
        let start = folded.origin.get(from).map(|o| o.0).unwrap_or(0);
        out.push(Finding {
            concept: m.phrase.concept,
            polarity,
            start,
            end: start + text.len(),
            text: text.to_string(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::lexicon::Lexicons;
    use crate::domain::symptom::Symptom;

    fn read(text: &str) -> Vec<(&'static str, Polarity)> {
        static LEXICONS: std::sync::OnceLock<Lexicons> = std::sync::OnceLock::new();
        LEXICONS
            .get_or_init(Lexicons::shipped)
            .understand(text)
            .into_iter()
            .map(|f| (f.concept.code(), f.polarity))
            .collect()
    }

    fn has(text: &str, code: &str, p: Polarity) -> bool {
        read(text).contains(&(code, p))
    }

    #[test]
    fn emergency_signs_in_other_words_are_understood() {
        use Polarity::Affirmed;
        assert!(has("my lips look blue", "purple_lips", Affirmed));
        assert!(has("息がくるしい", "sudden_breathlessness", Affirmed));
        assert!(has("ぼーっとする", "dazed", Affirmed));
        assert!(has("hard to breathe", "sudden_breathlessness", Affirmed));
        assert!(has("chest hurts", "chest_pain", Affirmed));
        assert!(
            has("息が苦しい", "sudden_breathlessness", Affirmed),
            "{:?}",
            read("息が苦しい")
        );
        assert!(has("息苦しい", "sudden_breathlessness", Affirmed));
    }

    #[test]
    fn a_denied_sign_is_not_a_sign() {
        use Polarity::{Affirmed, Negated};
        for text in [
            "no chest pain",
            "胸の痛みはない",
            "胸は痛くないです",
            "chest doesn't hurt",
            "胸痛なし",
        ] {
            assert!(has(text, "chest_pain", Negated), "{text}: {:?}", read(text));
        }
        assert!(
            has("息苦しさはありません", "sudden_breathlessness", Negated),
            "{:?}",
            read("息苦しさはありません")
        );
        // the negation belongs to other words
        assert!(has("息苦しくて眠れない", "sudden_breathlessness", Affirmed));
        assert!(has("咳が止まらない", "cough", Affirmed));
        assert!(has("夜中に急に息ができなくなった", "sudden_breathlessness", Affirmed));
        assert!(has("no cough but chest pain", "chest_pain", Affirmed));
        assert!(has("咳はないけど、胸が痛い", "chest_pain", Affirmed));
        assert!(has("息苦しい、咳はない", "sudden_breathlessness", Affirmed));
    }

    #[test]
    fn a_negation_we_cannot_place_leaves_an_urgent_sign_unsure() {
        use Polarity::{Negated, Uncertain};
        let r = read("no fever and chest pain");
        assert!(
            r.contains(&("fever", Negated)) && r.contains(&("chest_pain", Uncertain)),
            "{r:?}"
        );
        assert!(has("息苦しさ、咳はない", "sudden_breathlessness", Uncertain));
        assert!(has("唇が紫っぽい", "purple_lips", Uncertain));
        assert!(has("maybe my chest hurts a bit", "chest_pain", Uncertain));
    }

    #[test]
    fn typos_kana_and_width_are_forgiven() {
        use Polarity::Affirmed;
        assert!(has("short of breth", "sudden_breathlessness", Affirmed));
        assert!(has("ｾﾞｰｾﾞｰする", "sudden_wheezing", Affirmed));
        assert!(has("イキグルシイ", "sudden_breathlessness", Affirmed));
        assert!(has("diarhea", Symptom::Diarrhoea.code(), Affirmed));
    }

    #[test]
    fn findings_carry_the_patients_own_words() {
        static LEXICONS: std::sync::OnceLock<Lexicons> = std::sync::OnceLock::new();
        let text = "ＳｐＯ２ 95、胸のあたりがズキズキ";
        let found = LEXICONS.get_or_init(Lexicons::shipped).understand(text);
        let chest = found
            .iter()
            .find(|f| f.concept == Concept::Symptom(Symptom::ChestPain))
            .expect("chest pain");
        assert_eq!(chest.text, "胸のあたりがズキズキ");
        assert_eq!(&text[chest.start..chest.end], chest.text);
    }
}

//! The one form every lexicon phrase and every patient message is compared in, with the way back
//! to the message's own characters (staff see the words the patient wrote, not the folded form).
//!
//! NFKC (full-width → ASCII, half-width kana → full-width), lower case, katakana → hiragana,
//! small kana → large, and the ways Japanese writes a long or clipped sound dropped: `ー`, `〜`,
//! `っ`, and a small vowel kana that only draws out the one before it (`ぜーぜー`, `ぜぇぜぇ`
//! and `ｾﾞｰｾﾞｰ` all become `ぜぜ`). A full-size vowel kana is kept: it is as often a word of
//! its own (`はありません` is not `はりません`), so the lexicon lists `ぜえぜえ` beside `ぜーぜー`.
//! Apostrophes inside words go (`can't` = `cant`).

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::canonical_combining_class;

/// A message in the compared form.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Folded {
    pub chars: Vec<char>,
    /// For each folded char, the byte range in the original text it came from.
    pub origin: Vec<(usize, usize)>,
}

impl Folded {
    pub fn as_string(&self) -> String {
        self.chars.iter().collect()
    }

    /// The original text behind folded chars `from..to`.
    pub fn source<'a>(&self, original: &'a str, from: usize, to: usize) -> &'a str {
        if from >= to || to > self.origin.len() {
            return "";
        }
        let start = self.origin[from].0;
        let end = self.origin[to - 1].1;
        original.get(start..end).unwrap_or("")
    }
}

/// The vowel a hiragana ends in (a, i, u, e, o), if it is a kana with one.
fn vowel(c: char) -> Option<char> {
    const ROWS: [(&str, char); 5] = [
        ("あかさたなはまやらわがざだばぱ", 'a'),
        ("いきしちにひみりぎじぢびぴ", 'i'),
        ("うくすつぬふむゆるぐずづぶぷゔ", 'u'),
        ("えけせてねへめれげぜでべぺ", 'e'),
        ("おこそとのほもよろをごぞどぼぽ", 'o'),
    ];
    ROWS.iter().find(|(row, _)| row.contains(c)).map(|(_, v)| *v)
}

/// Does the small vowel `kana` only lengthen `before` (`ぜぇ`, `すぅ`)?
fn lengthens(before: char, kana: char) -> bool {
    match (vowel(before), kana) {
        (Some(v), 'あ') => v == 'a',
        (Some(v), 'い') => v == 'i',
        (Some(v), 'う') => v == 'u' || v == 'o',
        (Some(v), 'え') => v == 'e',
        (Some(v), 'お') => v == 'o',
        _ => false,
    }
}

/// A small vowel kana (ぁぃぅぇぉ, after katakana folding).
fn is_small_vowel(c: char) -> bool {
    matches!(c, 'ぁ' | 'ぃ' | 'ぅ' | 'ぇ' | 'ぉ')
}

fn to_hiragana(c: char) -> char {
    match c {
        // katakana → hiragana (ァ..ヶ)
        '\u{30A1}'..='\u{30F6}' => char::from_u32(c as u32 - 0x60).unwrap_or(c),
        _ => c,
    }
}

fn fold_kana(c: char) -> Option<char> {
    Some(match c {
        'ぁ' => 'あ',
        'ぃ' => 'い',
        'ぅ' => 'う',
        'ぇ' => 'え',
        'ぉ' => 'お',
        'ゃ' => 'や',
        'ゅ' => 'ゆ',
        'ょ' => 'よ',
        'ゎ' => 'わ',
        // sounds that are only drawn out or clipped
        'っ' | 'ー' | '〜' | '～' => return None,
        '’' | '\'' | '`' => return None,
        _ => c,
    })
}

/// Folds `text` into the compared form.
pub fn fold(text: &str) -> Folded {
    let mut out = Folded::default();
    let mut chunk_start = 0;
    let bytes: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < bytes.len() {
        let (start, _) = bytes[i];
        chunk_start = chunk_start.max(start);
        // a base char and the marks that belong to it (combining, half-width voicing marks)
        let mut j = i + 1;
        while j < bytes.len() {
            let c = bytes[j].1;
            if canonical_combining_class(c) != 0 || matches!(c, '\u{FF9E}' | '\u{FF9F}' | '\u{3099}' | '\u{309A}') {
                j += 1;
            } else {
                break;
            }
        }
        let end = bytes.get(j).map(|(at, _)| *at).unwrap_or(text.len());
        let chunk = &text[start..end];
        for c in chunk.nfkc().flat_map(char::to_lowercase) {
            let c = to_hiragana(c);
            if is_small_vowel(c)
                && let Some(&before) = out.chars.last()
                && lengthens(before, fold_kana(c).unwrap_or(c))
            {
                continue;
            }
            let Some(c) = fold_kana(c) else { continue };
            if c.is_whitespace() && out.chars.last().is_some_and(|p| p.is_whitespace()) {
                continue;
            }
            let c = if c.is_whitespace() { ' ' } else { c };
            out.chars.push(c);
            out.origin.push((start, end));
        }
        i = j;
    }
    out
}

/// [`fold`] as a plain string (for lexicon phrases).
pub fn fold_str(text: &str) -> String {
    fold(text).as_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ways_of_writing_a_sound_fold_together() {
        let forms = ["ぜーぜー", "ぜぇぜぇ", "ｾﾞｰｾﾞｰ", "ゼーゼー", "ゼェゼェ"];
        for f in forms {
            assert_eq!(fold_str(f), "ぜぜ", "{f}");
        }
        assert_eq!(fold_str("ボーッと"), fold_str("ぼーっと"));
        assert_eq!(fold_str("くるしー"), "くるし");
        assert_eq!(fold_str("イキグルシイ"), "いきぐるしい");
        assert_eq!(fold_str("ひゅーひゅー"), fold_str("ヒューヒュー"));
        assert_eq!(
            fold_str("熱はありません"),
            "熱はありません",
            "a full-size vowel is a word"
        );
    }

    #[test]
    fn width_case_and_apostrophes_fold() {
        assert_eq!(fold_str("ＣＡＮ’Ｔ  Breathe"), "cant breathe");
        assert_eq!(fold_str("SpO2　９４"), "spo2 94");
    }

    #[test]
    fn every_folded_char_leads_back_to_the_original() {
        let text = "唇がﾑﾗｻｷ色っぽい！";
        let f = fold(text);
        assert_eq!(f.chars.len(), f.origin.len());
        let all = f.source(text, 0, f.chars.len());
        assert_eq!(all, text);
        let s = f.as_string();
        let at = s.chars().position(|c| c == 'む').expect("folded");
        assert_eq!(f.source(text, at, at + 4), "ﾑﾗｻｷ");
    }
}

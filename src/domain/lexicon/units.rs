//! A message cut into what the matcher compares: characters (Japanese) or word stems, with the
//! punctuation that ends a clause or a sentence.

use super::normalise::Folded;

/// How the language separates words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// No spaces between words (Japanese): phrases are found character by character.
    Chars,
    /// Words between spaces: phrases are found word by word, inflections folded by a stemmer.
    Words,
}

/// A character (or word) of a message as the matcher compares it.
#[derive(Debug, Clone)]
pub(crate) struct Unit {
    /// What is compared: the character, or the word's stem.
    pub key: String,
    /// The word as written (folded), for typo matching.
    pub raw: String,
    /// Folded-char range.
    pub from: usize,
    pub to: usize,
    /// Punctuation that ends a clause (`、`, `,`) or, when `strong`, a sentence.
    pub is_break: bool,
    pub strong: bool,
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '.' | '!' | '?' | '\n')
}

fn is_clause_end(c: char) -> bool {
    matches!(c, '、' | ',' | ';' | '・')
}

/// CJK and kana never join a Latin word ("咳とfever" is two words).
fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x9FFF | 0xF900..=0xFAFF)
}

fn break_unit(c: char, at: usize) -> Unit {
    Unit {
        is_break: true,
        strong: is_sentence_end(c),
        ..char_unit(c, at)
    }
}

/// One character as a unit of its own.
fn char_unit(c: char, at: usize) -> Unit {
    Unit {
        key: c.to_string(),
        raw: c.to_string(),
        from: at,
        to: at + 1,
        is_break: false,
        strong: false,
    }
}

/// Splits folded text into the units of `lex`'s script.
pub(crate) fn units(script: Script, stemmer: Option<rust_stemmers::Algorithm>, folded: &Folded) -> Vec<Unit> {
    let chars = &folded.chars;
    let stemmer = stemmer.map(rust_stemmers::Stemmer::create);
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if is_sentence_end(c) || is_clause_end(c) {
            // a decimal point is not the end of a sentence
            let decimal = c == '.'
                && i > 0
                && chars[i - 1].is_ascii_digit()
                && chars.get(i + 1).is_some_and(char::is_ascii_digit);
            if !decimal {
                out.push(break_unit(c, i));
                i += 1;
                continue;
            }
        }
        match script {
            Script::Chars => {
                out.push(char_unit(c, i));
                i += 1;
            }
            Script::Words => {
                if !c.is_alphanumeric() {
                    out.push(char_unit(c, i));
                    i += 1;
                    continue;
                }
                let start = i;
                let cjk = is_cjk(c);
                while i < chars.len() && chars[i].is_alphanumeric() && is_cjk(chars[i]) == cjk {
                    i += 1;
                }
                let word: String = chars[start..i].iter().collect();
                let key = match &stemmer {
                    Some(stemmer) if !cjk => stemmer.stem(&word).into_owned(),
                    _ => word.clone(),
                };
                out.push(Unit {
                    key,
                    raw: word,
                    from: start,
                    to: i,
                    is_break: false,
                    strong: false,
                });
            }
        }
    }
    out
}

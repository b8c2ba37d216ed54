//! The numbers in a patient's message, each with the label before it (`SpO2`, `体温`, `脈`) or
//! the unit after it (`%`, `℃`, `bpm`) that says what it measures, as the lexicons list them. The text is already in the
//! compared form ([`normalise`]: NFKC, lower case, every script's digits as ASCII).

use unicode_normalization::UnicodeNormalization;

/// The form every matcher works on: NFKC (full-width digits, `％`, `：`, `℃` and the ideographic
/// space become their ASCII forms), lower case, and the digits of every script as ASCII digits
/// (Devanagari ९५, Burmese ၉၅, Thai ๙๕ are 95).
pub fn normalise(text: &str) -> String {
    text.nfkc().flat_map(char::to_lowercase).map(ascii_digit).collect()
}

/// A decimal digit of any script as its ASCII digit; anything else as it is.
fn ascii_digit(c: char) -> char {
    // the zero of each script whose digits run zero to nine in order (Unicode Nd)
    const ZEROS: [u32; 22] = [
        0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66, 0x0DE6, 0x0E50,
        0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x19D0, 0x1B50,
    ];
    let n = c as u32;
    match ZEROS.iter().find(|z| (**z..**z + 10).contains(&n)) {
        Some(z) => char::from_digit(n - z, 10).unwrap_or(c),
        None => c,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Spo2,
    Temperature,
    Pulse,
    RespiratoryRate,
}

impl Field {
    pub const ALL: [Field; 4] = [Field::Spo2, Field::Temperature, Field::Pulse, Field::RespiratoryRate];

    /// Its name in a lexicon's `[labels]` and `[units]` tables.
    pub fn code(self) -> &'static str {
        match self {
            Field::Spo2 => "spo2",
            Field::Temperature => "temperature",
            Field::Pulse => "pulse",
            Field::RespiratoryRate => "respiratory_rate",
        }
    }
}

/// The words that say what a number measures, from every lexicon, in the compared form: labels
/// before it (`spo2`, `体温`, `산소포화도`), units after it (`%`, `℃`, `도`).
#[derive(Debug, Clone, Default)]
pub struct Labels {
    /// Longest first, so "spo2" is not read as the label "o2" followed by a stray "sp".
    pub before: Vec<(String, Field)>,
    pub after: Vec<(String, Field)>,
}

impl Labels {
    pub fn sort(&mut self) {
        for list in [&mut self.before, &mut self.after] {
            list.sort_by(|a, b| b.0.chars().count().cmp(&a.0.chars().count()).then(a.0.cmp(&b.0)));
            list.dedup();
        }
    }
}

/// A number in the text with the label before it and the unit after it, if any.
pub(crate) struct Number {
    pub value: f64,
    pub has_decimal: bool,
    pub field: Option<Field>,
}

/// The decimal separator: a point, or a comma followed by exactly one digit ("37,8" as French,
/// Spanish, Portuguese and Vietnamese write it; "95,96" stays two numbers).
fn decimal_at(chars: &[char], i: usize) -> bool {
    let digit = |k: usize| chars.get(k).is_some_and(char::is_ascii_digit);
    match chars.get(i) {
        Some('.') => digit(i + 1),
        Some(',') => digit(i + 1) && !digit(i + 2) && chars.get(i + 2) != Some(&'.'),
        // "38度5分", "38度5": Japanese and Chinese say a temperature's tenths after 度
        Some('度') => digit(i + 1) && !digit(i + 2),
        _ => false,
    }
}

pub(crate) fn numbers(text: &str, labels: &Labels) -> Vec<Number> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let mut label_from = 0; // where the text before the current number starts
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        // A digit glued to letters is part of a label ("spo2", "o2"), not a value.
        if i > 0 && chars[i - 1].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        let mut has_decimal = false;
        if decimal_at(&chars, i) {
            has_decimal = true;
            i += 1;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
        }
        let literal: String = chars[start..i]
            .iter()
            .map(|c| if matches!(c, ',' | '度') { '.' } else { *c })
            .collect();
        let Ok(value) = literal.parse::<f64>() else {
            continue;
        };
        let before: String = chars[label_from..start].iter().collect();
        let field = labels
            .before
            .iter()
            // (a label whose first letter is not there is passed over before a search is set up)
            .filter(|(label, _)| label.chars().next().is_some_and(|c| before.contains(c)))
            .filter_map(|(label, field)| before.rfind(label).map(|at| (at, label, *field)))
            // an English label is a word of its own: "sorry" holds no "rr", "that" no "hr"
            .filter(|(at, label, _)| {
                !label.is_ascii()
                    || !before[..*at]
                        .chars()
                        .next_back()
                        .is_some_and(|c| c.is_ascii_alphabetic())
            })
            .map(|(at, _, field)| (at, field))
            .max_by_key(|(at, _)| *at)
            .map(|(_, f)| f);
        let after: String = chars[i..].iter().take(12).collect();
        let after = after.trim_start();
        let unit = labels
            .after
            .iter()
            .find(|(unit, _)| after.starts_with(unit.as_str()))
            .map(|(_, field)| *field);
        out.push(Number {
            value,
            has_decimal,
            field: field.or(unit),
        });
        label_from = i;
    }
    out
}

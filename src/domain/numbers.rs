//! The numbers in a patient's message, each with the label before it (`SpO2`, `体温`, `脈`) or
//! the unit after it (`%`, `℃`, `bpm`) that says what it measures. The text is already in the
//! compared form (NFKC, lower case: see `normalise` in reading.rs).

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Field {
    Spo2,
    Temperature,
    Pulse,
    RespiratoryRate,
}

// Longest first, so "spo2" is not read as the label "o2" followed by a stray "sp".
const LABELS: &[(&str, Field)] = &[
    ("サチュレーション", Field::Spo2),
    ("spo2", Field::Spo2),
    ("sp02", Field::Spo2),
    ("sat", Field::Spo2),
    ("酸素", Field::Spo2),
    ("さんそ", Field::Spo2),
    ("o2", Field::Spo2),
    ("temperature", Field::Temperature),
    ("temp", Field::Temperature),
    ("体温", Field::Temperature),
    ("たいおん", Field::Temperature),
    ("熱", Field::Temperature),
    ("呼吸数", Field::RespiratoryRate),
    ("respiratory rate", Field::RespiratoryRate),
    ("breaths", Field::RespiratoryRate),
    ("resp", Field::RespiratoryRate),
    ("rr", Field::RespiratoryRate),
    ("pulse", Field::Pulse),
    ("心拍", Field::Pulse),
    ("脈拍", Field::Pulse),
    ("脈", Field::Pulse),
    ("hr", Field::Pulse),
];

/// A number in the text with the label before it and the unit after it, if any.
pub(crate) struct Number {
    pub value: f64,
    pub has_decimal: bool,
    pub field: Option<Field>,
}

pub(crate) fn numbers(text: &str) -> Vec<Number> {
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
        if i + 1 < chars.len() && chars[i] == '.' && chars[i + 1].is_ascii_digit() {
            has_decimal = true;
            i += 1;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
        }
        let literal: String = chars[start..i].iter().collect();
        let Ok(value) = literal.parse::<f64>() else {
            continue;
        };
        let before: String = chars[label_from..start].iter().collect();
        let field = LABELS
            .iter()
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
        let after: String = chars[i..].iter().take(4).collect();
        let after = after.trim_start();
        let unit = if after.starts_with('%') {
            Some(Field::Spo2)
        } else if after.starts_with("°c") || after.starts_with('°') || after.starts_with('度') {
            Some(Field::Temperature)
        } else if after.starts_with("bpm") || after.starts_with("回") {
            Some(Field::Pulse)
        } else {
            None
        };
        out.push(Number {
            value,
            has_decimal,
            field: field.or(unit),
        });
        label_from = i;
    }
    out
}

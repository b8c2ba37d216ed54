//! Who answers the patients' phone at each hour: the health centre by day, the Tokyo follow-up
//! centre at night and on holidays, say. A ward writes it as data (`MIMAMORI_COVERAGE`); every
//! message that tells a patient whom to call names the line answered at that moment.
//!
//! ```toml
//! [[line]]
//! name = { ja = "保健所", en = "the health centre" }
//! phone = "03-3993-1111"
//! when = ["weekday 08:30-17:15"]
//!
//! [[line]]
//! name = { ja = "東京都自宅療養者フォローアップセンター", en = "the Tokyo follow-up centre" }
//! phone = "0570-089-008"
//! when = ["weekday 00:00-08:30", "weekday 17:15-24:00", "saturday", "holiday"]
//! ```
//!
//! `when` entries are a kind of day (`weekday`, `saturday`, `holiday` — Sundays and public
//! holidays —, or `every`) with an optional `HH:MM-HH:MM` window (the whole day without one;
//! `24:00` ends at midnight). The first line whose window holds the moment answers.

use std::collections::BTreeMap;

use chrono::{NaiveDateTime, NaiveTime};
use serde::Deserialize;

use super::calendar::DayKind;

#[derive(Debug, Clone, PartialEq)]
pub struct PhoneLine {
    /// The line's name per language code; `ja` is used where the reader's language has none.
    pub names: BTreeMap<String, String>,
    pub phone: String,
    when: Vec<(Days, NaiveTime, Option<NaiveTime>)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Days {
    Every,
    Kind(DayKind),
}

impl PhoneLine {
    pub fn name(&self, lang: &str) -> &str {
        self.names
            .get(lang)
            .or_else(|| self.names.get("ja"))
            .or_else(|| self.names.values().next())
            .map_or("", String::as_str)
    }

    fn answers(&self, at: NaiveDateTime) -> bool {
        let kind = DayKind::of(at.date());
        let t = at.time();
        self.when.iter().any(|(days, start, end)| {
            let day = match days {
                Days::Every => true,
                Days::Kind(k) => *k == kind,
            };
            // an end of `None` is midnight: the rest of the day
            day && *start <= t && end.is_none_or(|e| t < e)
        })
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Coverage {
    lines: Vec<PhoneLine>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    line: Vec<RawLine>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLine {
    name: BTreeMap<String, String>,
    phone: String,
    when: Vec<String>,
}

fn window(s: &str) -> Option<(NaiveTime, Option<NaiveTime>)> {
    let (a, b) = s.split_once('-')?;
    let t = |x: &str| NaiveTime::parse_from_str(x.trim(), "%H:%M").ok();
    let start = t(a)?;
    let end = if b.trim() == "24:00" { None } else { Some(t(b)?) };
    end.is_none_or(|e| start < e).then_some((start, end))
}

fn entry(s: &str) -> Result<(Days, NaiveTime, Option<NaiveTime>), String> {
    let mut parts = s.split_whitespace();
    let days = match parts.next() {
        Some("every") => Days::Every,
        Some("weekday") => Days::Kind(DayKind::Weekday),
        Some("saturday") => Days::Kind(DayKind::Saturday),
        Some("holiday") => Days::Kind(DayKind::SundayOrHoliday),
        other => return Err(format!("{other:?} is not weekday, saturday, holiday or every")),
    };
    match parts.next() {
        None => Ok((days, NaiveTime::MIN, None)),
        Some(w) => window(w)
            .map(|(start, end)| (days, start, end))
            .ok_or_else(|| format!("{w:?} is not a window like 08:30-17:15")),
    }
}

impl Coverage {
    /// Reads a coverage file; an error names the line and what is wrong.
    pub fn parse(text: &str) -> Result<Coverage, String> {
        let file: File = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut lines = Vec::new();
        for (i, raw) in file.line.into_iter().enumerate() {
            if raw.phone.trim().is_empty() || raw.name.is_empty() {
                return Err(format!("line {}: a line needs a name and a phone", i + 1));
            }
            let when = raw
                .when
                .iter()
                .map(|w| entry(w).map_err(|e| format!("line {} ({}): {e}", i + 1, raw.phone)))
                .collect::<Result<Vec<_>, _>>()?;
            lines.push(PhoneLine {
                names: raw.name,
                phone: raw.phone.trim().to_string(),
                when,
            });
        }
        Ok(Coverage { lines })
    }

    /// The line that answers at a local moment, if the file says.
    pub fn answering(&self, at: NaiveDateTime) -> Option<&PhoneLine> {
        self.lines.iter().find(|l| l.answers(at))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINATO: &str = include_str!("../../rules/coverage-minato.toml");

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("time")
    }

    #[test]
    fn the_shipped_example_gives_the_centre_by_day_and_the_follow_up_centre_otherwise() {
        let c = Coverage::parse(MINATO).expect("the example parses");
        let phone = |s: &str| c.answering(at(s)).map(|l| l.phone.clone());
        let centre = phone("2026-11-20 10:00"); // a Friday morning
        let night = phone("2026-11-20 23:00");
        assert_ne!(centre, night);
        assert_eq!(phone("2026-11-20 07:00"), night, "before the centre opens");
        assert_eq!(phone("2026-11-21 10:00"), night, "Saturday");
        assert_eq!(phone("2026-11-23 10:00"), night, "Labour Thanksgiving Day");
        assert_eq!(phone("2026-11-24 08:30"), centre, "opens on the minute");
        let l = c.answering(at("2026-11-20 23:00")).expect("a line");
        assert!(!l.name("en").is_empty() && !l.name("ja").is_empty());
    }

    #[test]
    fn a_mistake_is_named() {
        let bad = "[[line]]\nname = { ja = \"保健所\" }\nphone = \"03\"\nwhen = [\"friday\"]\n";
        let e = Coverage::parse(bad).expect_err("friday is no kind of day");
        assert!(e.contains("line 1") && e.contains("friday"), "{e}");
        assert!(Coverage::parse("[[line]]\nname = {}\nphone = \"\"\nwhen = []\n").is_err());
    }
}

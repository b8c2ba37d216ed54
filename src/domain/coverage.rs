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
//!
//! [[route]]
//! requests = ["phone_consultation", "home_visit", "doctor_consultation", "pharmacy_delivery"]
//! to = "night_service"
//! when = ["weekday 00:00-08:30", "weekday 17:15-24:00", "saturday", "holiday"]
//! ```
//!
//! `when` entries are a kind of day (`weekday`, `saturday`, `holiday` — Sundays and public
//! holidays —, or `every`) with an optional `HH:MM-HH:MM` window (the whole day without one;
//! `24:00` ends at midnight). The first line whose window holds the moment answers.
//!
//! A `route` sends the requests of the kinds it names, opened in its windows, to the night-visit
//! doctor service (the roster duty `night_service`) instead of the usual chain (the family doctor,
//! the association's roster, the pharmacies); a prescription routed there is the night doctor's
//! first-line drug set. Outside every route, the usual chain.

use std::collections::BTreeMap;

use chrono::{NaiveDateTime, NaiveTime};
use serde::Deserialize;

use super::calendar::DayKind;
use super::request::RequestKind;

/// A set of windows in the week: `(days, start, end)`, an end of `None` being midnight.
#[derive(Debug, Clone, PartialEq)]
struct Hours(Vec<(Days, NaiveTime, Option<NaiveTime>)>);

impl Hours {
    fn parse(when: &[String]) -> Result<Hours, String> {
        when.iter().map(|w| entry(w)).collect::<Result<Vec<_>, _>>().map(Hours)
    }

    fn hold(&self, at: NaiveDateTime) -> bool {
        let kind = DayKind::of(at.date());
        let t = at.time();
        self.0.iter().any(|(days, start, end)| {
            let day = match days {
                Days::Every => true,
                Days::Kind(k) => *k == kind,
            };
            day && *start <= t && end.is_none_or(|e| t < e)
        })
    }
}

/// Who receives a request: the usual chain, or the night-visit doctor service.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Routing {
    Usual,
    NightService,
}

#[derive(Debug, Clone, PartialEq)]
struct Route {
    kinds: Vec<RequestKind>,
    to: Routing,
    when: Hours,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PhoneLine {
    /// The line's name per language code; `ja` is used where the reader's language has none.
    pub names: BTreeMap<String, String>,
    pub phone: String,
    when: Hours,
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
        self.when.hold(at)
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Coverage {
    lines: Vec<PhoneLine>,
    routes: Vec<Route>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    line: Vec<RawLine>,
    #[serde(default)]
    route: Vec<RawRoute>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRoute {
    requests: Vec<String>,
    to: String,
    when: Vec<String>,
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
            let when = Hours::parse(&raw.when).map_err(|e| format!("line {} ({}): {e}", i + 1, raw.phone))?;
            lines.push(PhoneLine {
                names: raw.name,
                phone: raw.phone.trim().to_string(),
                when,
            });
        }
        let mut routes = Vec::new();
        for (i, raw) in file.route.into_iter().enumerate() {
            let at = |e: String| format!("route {}: {e}", i + 1);
            let to = match raw.to.as_str() {
                "usual" => Routing::Usual,
                "night_service" => Routing::NightService,
                other => return Err(at(format!("{other:?} is not usual or night_service"))),
            };
            let kinds = raw
                .requests
                .iter()
                .map(|k| RequestKind::from_code(k).ok_or_else(|| at(format!("{k:?} is not a kind of request"))))
                .collect::<Result<Vec<_>, _>>()?;
            let when = Hours::parse(&raw.when).map_err(at)?;
            routes.push(Route { kinds, to, when });
        }
        Ok(Coverage { lines, routes })
    }

    /// Who receives a request of `kind` opened at a local moment.
    pub fn routing(&self, kind: RequestKind, at: NaiveDateTime) -> Routing {
        self.routes
            .iter()
            .find(|r| r.kinds.contains(&kind) && r.when.hold(at))
            .map_or(Routing::Usual, |r| r.to)
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
    fn the_shipped_example_sends_night_and_holiday_visits_to_the_night_service() {
        let c = Coverage::parse(MINATO).expect("the example parses");
        let visit = RequestKind::HomeVisit;
        assert_eq!(c.routing(visit, at("2026-11-20 10:00")), Routing::Usual);
        assert_eq!(c.routing(visit, at("2026-11-20 23:00")), Routing::NightService);
        assert_eq!(
            c.routing(visit, at("2026-11-23 10:00")),
            Routing::NightService,
            "a holiday"
        );
        let prescription = RequestKind::PharmacyDelivery;
        assert_eq!(c.routing(prescription, at("2026-11-20 23:00")), Routing::NightService);
        // an ambulance or oxygen is never the night doctor's alone
        assert_eq!(c.routing(RequestKind::Oxygen, at("2026-11-20 23:00")), Routing::Usual);
        assert_eq!(
            Coverage::default().routing(visit, at("2026-11-20 23:00")),
            Routing::Usual
        );
    }

    #[test]
    fn a_mistake_is_named() {
        let bad = "[[line]]\nname = { ja = \"保健所\" }\nphone = \"03\"\nwhen = [\"friday\"]\n";
        let e = Coverage::parse(bad).expect_err("friday is no kind of day");
        assert!(e.contains("line 1") && e.contains("friday"), "{e}");
        assert!(Coverage::parse("[[line]]\nname = {}\nphone = \"\"\nwhen = []\n").is_err());
        let e = Coverage::parse("[[route]]\nrequests = [\"visit\"]\nto = \"night_service\"\nwhen = [\"every\"]\n")
            .expect_err("visit is no kind");
        assert!(e.contains("route 1") && e.contains("visit"), "{e}");
    }
}

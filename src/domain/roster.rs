//! The roster file a ward loads (`mimamori roster load FILE`): which providers cover which areas
//! in which shift. Parsing and checking only; the database keeps what was loaded.
//!
//! ```toml
//! [[cover]]
//! provider = 3                  # an id from `mimamori provider add`
//! areas = ["Nerima", "Toshima"]
//! shifts = ["day", "holiday"]   # day | holiday (Sundays and public holidays by day) | night
//! weekdays = ["mon", "thu"]     # optional: the day shift only on these days
//!
//! [[duty]]
//! provider = 9
//! duty = "area_director"        # area_director (a doctor) | pharmacy_office (a pharmacist)
//!                               # | night_service (a doctor of the night-visit service)
//! areas = ["Nerima"]
//! ```

use serde::Deserialize;

use super::calendar::Shift;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    cover: Vec<Cover>,
    #[serde(default)]
    duty: Vec<DutyBlock>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DutyBlock {
    provider: i64,
    duty: String,
    areas: Vec<String>,
}

crate::code_enum! {
    /// Whether a provider is offered work.
    pub enum ProviderStatus {
        Active = "active",
        Inactive = "inactive",
    }
}

/// A standing duty for an area, outside the shift rosters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Duty {
    /// The medical association's area director (地域担当理事): asked when a chain is exhausted.
    AreaDirector,
    /// The pharmacists' association office: finds a pharmacy when none took a prescription.
    PharmacyOffice,
    /// A doctor of the night-visit service (Tokyo's 夜間往診), which the coverage file routes
    /// night and holiday requests to.
    NightService,
}

impl Duty {
    pub fn code(self) -> &'static str {
        match self {
            Duty::AreaDirector => "area_director",
            Duty::PharmacyOffice => "pharmacy_office",
            Duty::NightService => "night_service",
        }
    }
    /// The role a provider needs to hold the duty.
    pub fn role(self) -> &'static str {
        match self {
            Duty::AreaDirector | Duty::NightService => "doctor",
            Duty::PharmacyOffice => "pharmacist",
        }
    }
    fn from_code(s: &str) -> Option<Duty> {
        [Duty::AreaDirector, Duty::PharmacyOffice, Duty::NightService]
            .into_iter()
            .find(|d| d.code() == s)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Cover {
    provider: i64,
    areas: Vec<String>,
    shifts: Vec<String>,
    #[serde(default)]
    weekdays: Vec<String>,
}

/// One provider in one area and shift (or duty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub provider_id: i64,
    pub area: String,
    /// A shift code (day, holiday, night) or a duty code (area_director, pharmacy_office).
    pub slot: &'static str,
    /// The role the slot needs, if any.
    pub role: Option<&'static str>,
    /// "mon,thu" or empty for every day.
    pub weekdays: String,
}

const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// Parses and checks a roster file; errors say which `[[cover]]` block is wrong and why.
pub fn parse(text: &str) -> Result<Vec<Line>, String> {
    let file: File = toml::from_str(text).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    for (i, c) in file.cover.iter().enumerate() {
        let at = format!("[[cover]] #{} (provider {})", i + 1, c.provider);
        let areas: Vec<String> = c
            .areas
            .iter()
            .map(|a| a.trim().to_string())
            .filter(|a| !a.is_empty())
            .collect();
        if areas.is_empty() {
            return Err(format!("{at}: `areas` names no area"));
        }
        if c.shifts.is_empty() {
            return Err(format!("{at}: `shifts` names no shift (day, holiday, night)"));
        }
        let mut shifts = Vec::new();
        for s in &c.shifts {
            let shift =
                Shift::from_code(s.trim()).ok_or_else(|| format!("{at}: unknown shift {s:?} (day, holiday, night)"))?;
            shifts.push(shift);
        }
        for d in &c.weekdays {
            if !WEEKDAYS.contains(&d.trim()) {
                return Err(format!("{at}: unknown weekday {d:?} (mon … sun)"));
            }
        }
        if !c.weekdays.is_empty() && shifts != [Shift::Day] {
            return Err(format!(
                "{at}: `weekdays` narrows the day shift only; list the other shifts in a block of their own"
            ));
        }
        let weekdays = c.weekdays.iter().map(|d| d.trim()).collect::<Vec<_>>().join(",");
        for area in &areas {
            for shift in &shifts {
                out.push(Line {
                    provider_id: c.provider,
                    area: area.clone(),
                    slot: shift.code(),
                    role: None,
                    weekdays: weekdays.clone(),
                });
            }
        }
    }
    for (i, d) in file.duty.iter().enumerate() {
        let at = format!("[[duty]] #{} (provider {})", i + 1, d.provider);
        let duty = Duty::from_code(d.duty.trim()).ok_or_else(|| {
            format!(
                "{at}: unknown duty {:?} (area_director, pharmacy_office, night_service)",
                d.duty
            )
        })?;
        let areas: Vec<&str> = d.areas.iter().map(|a| a.trim()).filter(|a| !a.is_empty()).collect();
        if areas.is_empty() {
            return Err(format!("{at}: `areas` names no area"));
        }
        for area in areas {
            out.push(Line {
                provider_id: d.provider,
                area: area.to_string(),
                slot: duty.code(),
                role: Some(duty.role()),
                weekdays: String::new(),
            });
        }
    }
    Ok(out)
}

/// "mon" … "sun" for a date, as the roster spells it.
pub fn weekday_code(date: chrono::NaiveDate) -> &'static str {
    use chrono::Datelike;
    WEEKDAYS[date.weekday().num_days_from_monday() as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_expand_to_one_line_per_area_and_shift() {
        let lines = parse(
            r#"
            [[cover]]
            provider = 1
            areas = ["Nerima", "Toshima"]
            shifts = ["day", "holiday"]

            [[cover]]
            provider = 2
            areas = ["Nerima"]
            shifts = ["day"]
            weekdays = ["mon", "thu"]
            "#,
        )
        .expect("valid");
        assert_eq!(lines.len(), 5);
        assert_eq!(lines[0].area, "Nerima");
        assert_eq!(lines[1].slot, "holiday");
        assert_eq!(lines[4].weekdays, "mon,thu");
    }

    #[test]
    fn mistakes_are_named() {
        let err = |t: &str| parse(t).expect_err("refused");
        assert!(err("[[cover]]\nprovider = 1\nareas = []\nshifts = [\"day\"]").contains("#1 (provider 1): `areas`"));
        assert!(
            err("[[cover]]\nprovider = 1\nareas = [\"A\"]\nshifts = [\"evening\"]")
                .contains("unknown shift \"evening\"")
        );
        assert!(
            err("[[cover]]\nprovider = 1\nareas = [\"A\"]\nshifts = [\"day\"]\nweekdays = [\"funday\"]")
                .contains("unknown weekday")
        );
        assert!(
            err("[[cover]]\nprovider = 1\nareas = [\"A\"]\nshifts = [\"night\"]\nweekdays = [\"mon\"]")
                .contains("day shift only")
        );
        // toml's own message carries the line
        assert!(err("[[cover]]\nprovider = \"one\"").contains("line 2"));
        assert!(err("[[cover]]\nprovider = 1\nareas = [\"A\"]\nshifts = [\"day\"]\nboss = 1").contains("boss"));
    }

    #[test]
    fn duties_name_their_role() {
        let lines = parse("[[duty]]\nprovider = 4\nduty = \"pharmacy_office\"\nareas = [\"Nerima\"]").expect("valid");
        assert_eq!(lines[0].slot, "pharmacy_office");
        assert_eq!(lines[0].role, Some("pharmacist"));
        assert!(
            parse("[[duty]]\nprovider = 4\nduty = \"mayor\"\nareas = [\"A\"]")
                .expect_err("refused")
                .contains("[[duty]] #1 (provider 4): unknown duty")
        );
    }

    #[test]
    fn weekday_codes() {
        let d = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).expect("date");
        assert_eq!(weekday_code(d), "sun");
    }
}

//! The service calendar (docs/TRIAGE.md "Service hours"): Japanese public holidays computed for any
//! year under the Act on National Holidays as amended, and the windows that decide who is asked —
//! the family doctor or the day roster, the Sunday/holiday roster, the night roster; the usual
//! pharmacy, the holiday pharmacy, or nobody until morning. Pure: a local date or time in, an
//! answer out.

mod holidays;

pub use holidays::{Holiday, holiday};

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

/// How the calendar treats a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayKind {
    Weekday,
    Saturday,
    /// Sundays and public holidays (substitute and citizens' holidays included).
    SundayOrHoliday,
}

impl DayKind {
    pub fn of(date: NaiveDate) -> DayKind {
        if date.weekday() == Weekday::Sun || holiday(date).is_some() {
            DayKind::SundayOrHoliday
        } else if date.weekday() == Weekday::Sat {
            DayKind::Saturday
        } else {
            DayKind::Weekday
        }
    }
}

/// A daily window, start inclusive, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub start: NaiveTime,
    pub end: NaiveTime,
}

impl Window {
    pub fn new(start: (u32, u32), end: (u32, u32)) -> Window {
        let t = |(h, m): (u32, u32)| NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN);
        Window {
            start: t(start),
            end: t(end),
        }
    }
    /// "09:00-17:00" (start before end).
    pub fn parse(s: &str) -> Option<Window> {
        let (a, b) = s.split_once('-')?;
        let t = |x: &str| NaiveTime::parse_from_str(x.trim(), "%H:%M").ok();
        let (start, end) = (t(a)?, t(b)?);
        (start < end).then_some(Window { start, end })
    }
    pub fn contains(&self, t: NaiveTime) -> bool {
        self.start <= t && t < self.end
    }
}

/// Which roster covers a moment (the day, Sunday/holiday and night rosters of the seeds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Shift {
    Day,
    Holiday,
    Night,
}

impl Shift {
    pub fn code(self) -> &'static str {
        match self {
            Shift::Day => "day",
            Shift::Holiday => "holiday",
            Shift::Night => "night",
        }
    }
    pub fn from_code(s: &str) -> Option<Shift> {
        match s {
            "day" => Some(Shift::Day),
            "holiday" => Some(Shift::Holiday),
            "night" => Some(Shift::Night),
            _ => None,
        }
    }
}

/// Where a prescription goes at a moment (the seeds' pharmacy routing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PharmacyRoute {
    /// Weekdays and Saturdays within hours: the patient's usual or a partner pharmacy; the
    /// pharmacists' association office finds one when there is none.
    Usual,
    /// Sundays and holidays within hours: the ward's holiday pharmacy.
    HolidayPharmacy,
    /// Outside hours: the visiting doctor's first-line drug set; no pharmacy is asked.
    Closed,
}

/// The windows of docs/TRIAGE.md "Service hours"; a ward may change them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceHours {
    pub doctor_weekday: Window,
    pub doctor_saturday: Window,
    pub doctor_holiday: Window,
    pub pharmacy_weekday: Window,
    pub pharmacy_saturday: Window,
    pub pharmacy_holiday: Window,
}

impl Default for ServiceHours {
    fn default() -> Self {
        ServiceHours {
            doctor_weekday: Window::new((9, 0), (17, 0)),
            doctor_saturday: Window::new((9, 0), (17, 0)),
            doctor_holiday: Window::new((9, 0), (17, 0)),
            pharmacy_weekday: Window::new((10, 0), (17, 0)),
            pharmacy_saturday: Window::new((10, 0), (16, 0)),
            pharmacy_holiday: Window::new((10, 0), (16, 0)),
        }
    }
}

impl ServiceHours {
    /// The roster shift at a local time.
    pub fn shift(&self, at: NaiveDateTime) -> Shift {
        let t = at.time();
        match DayKind::of(at.date()) {
            DayKind::Weekday if self.doctor_weekday.contains(t) => Shift::Day,
            DayKind::Saturday if self.doctor_saturday.contains(t) => Shift::Day,
            DayKind::SundayOrHoliday if self.doctor_holiday.contains(t) => Shift::Holiday,
            _ => Shift::Night,
        }
    }

    /// The first moment after `at` when a pharmacy window opens (weekday, Saturday or holiday).
    pub fn next_pharmacy_opening(&self, at: NaiveDateTime) -> Option<NaiveDateTime> {
        (0..8).find_map(|d| {
            let date = at.date() + chrono::Duration::days(d);
            let window = match DayKind::of(date) {
                DayKind::Weekday => self.pharmacy_weekday,
                DayKind::Saturday => self.pharmacy_saturday,
                DayKind::SundayOrHoliday => self.pharmacy_holiday,
            };
            let start = date.and_time(window.start);
            (window.start < window.end && start > at).then_some(start)
        })
    }

    /// Where a prescription written at a local time goes.
    pub fn pharmacy(&self, at: NaiveDateTime) -> PharmacyRoute {
        let t = at.time();
        match DayKind::of(at.date()) {
            DayKind::Weekday if self.pharmacy_weekday.contains(t) => PharmacyRoute::Usual,
            DayKind::Saturday if self.pharmacy_saturday.contains(t) => PharmacyRoute::Usual,
            DayKind::SundayOrHoliday if self.pharmacy_holiday.contains(t) => PharmacyRoute::HolidayPharmacy,
            _ => PharmacyRoute::Closed,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a valid date")
    }

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        date(y, m, d).and_hms_opt(h, min, 0).expect("a valid time")
    }

    #[test]
    fn day_kinds() {
        assert_eq!(DayKind::of(date(2026, 11, 20)), DayKind::Weekday); // Friday
        assert_eq!(DayKind::of(date(2026, 11, 21)), DayKind::Saturday);
        assert_eq!(DayKind::of(date(2026, 11, 22)), DayKind::SundayOrHoliday);
        assert_eq!(DayKind::of(date(2026, 11, 23)), DayKind::SundayOrHoliday); // Labour Thanksgiving, Monday
        assert_eq!(DayKind::of(date(2025, 11, 24)), DayKind::SundayOrHoliday); // substitute
        // a Saturday holiday is a holiday
        assert_eq!(DayKind::of(date(2026, 10, 31)), DayKind::Saturday);
        assert_eq!(DayKind::of(date(2027, 1, 2)), DayKind::Saturday);
    }

    #[test]
    fn shifts_at_the_boundaries() {
        let h = ServiceHours::default();
        // weekday
        assert_eq!(h.shift(at(2026, 11, 20, 8, 59)), Shift::Night);
        assert_eq!(h.shift(at(2026, 11, 20, 9, 0)), Shift::Day);
        assert_eq!(h.shift(at(2026, 11, 20, 16, 59)), Shift::Day);
        assert_eq!(h.shift(at(2026, 11, 20, 17, 0)), Shift::Night);
        // Saturday 16:30 is still the day shift for doctors
        assert_eq!(h.shift(at(2026, 11, 21, 16, 30)), Shift::Day);
        // Sunday, a holiday, a substitute holiday: the holiday roster by day, the night roster after
        assert_eq!(h.shift(at(2026, 11, 22, 12, 0)), Shift::Holiday);
        assert_eq!(h.shift(at(2026, 11, 23, 12, 0)), Shift::Holiday);
        assert_eq!(h.shift(at(2025, 11, 24, 10, 0)), Shift::Holiday);
        assert_eq!(h.shift(at(2025, 11, 24, 22, 0)), Shift::Night);
        assert_eq!(h.shift(at(2026, 11, 24, 2, 0)), Shift::Night);
    }

    #[test]
    fn pharmacy_routing() {
        let h = ServiceHours::default();
        assert_eq!(h.pharmacy(at(2026, 11, 20, 9, 59)), PharmacyRoute::Closed);
        assert_eq!(h.pharmacy(at(2026, 11, 20, 10, 0)), PharmacyRoute::Usual);
        assert_eq!(h.pharmacy(at(2026, 11, 20, 16, 59)), PharmacyRoute::Usual);
        assert_eq!(h.pharmacy(at(2026, 11, 20, 17, 0)), PharmacyRoute::Closed);
        // Saturday to 16:00
        assert_eq!(h.pharmacy(at(2026, 11, 21, 15, 59)), PharmacyRoute::Usual);
        assert_eq!(h.pharmacy(at(2026, 11, 21, 16, 30)), PharmacyRoute::Closed);
        // Sunday and a substitute holiday: the holiday pharmacy 10–16
        assert_eq!(h.pharmacy(at(2026, 11, 22, 11, 0)), PharmacyRoute::HolidayPharmacy);
        assert_eq!(h.pharmacy(at(2025, 11, 24, 15, 59)), PharmacyRoute::HolidayPharmacy);
        assert_eq!(h.pharmacy(at(2025, 11, 24, 16, 0)), PharmacyRoute::Closed);
        assert_eq!(h.pharmacy(at(2026, 9, 22, 12, 0)), PharmacyRoute::HolidayPharmacy);
    }
}

//! When home recovery ends (docs/TRIAGE.md "Release"). Pure: dates in, the release instant out.

use chrono::{DateTime, Days, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;

/// The release criteria a ward uses; both published rules are shipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Criteria {
    /// With symptoms: 10 days after onset and 72 h after improvement (release on day 11);
    /// without: 10 days after the test.
    Y2021,
    /// With symptoms: 7 days after onset and 24 h after improvement (release on day 8);
    /// without: 7 days after the test.
    Y2022Sep,
}

impl Criteria {
    pub fn parse(s: &str) -> Option<Criteria> {
        match s {
            "2021" => Some(Criteria::Y2021),
            "2022-09" => Some(Criteria::Y2022Sep),
            _ => None,
        }
    }

    /// (days after onset or test, hours after improvement)
    fn rule(self) -> (u64, i64) {
        match self {
            Criteria::Y2021 => (10, 72),
            Criteria::Y2022Sep => (7, 24),
        }
    }
}

/// What the release depends on.
#[derive(Debug, Clone)]
pub struct Episode {
    pub onset: NaiveDate,
    pub test: Option<NaiveDate>,
    pub symptomatic: bool,
    /// When symptoms improved (the first report without symptoms after the last one with them);
    /// `None` while they have not.
    pub improved_at: Option<DateTime<Utc>>,
    /// Staff extended the episode to at least this instant.
    pub not_before: Option<DateTime<Utc>>,
}

/// The first instant of `day` in `tz`.
pub fn start_of_day(day: NaiveDate, tz: Tz) -> Option<DateTime<Utc>> {
    tz.from_local_datetime(&day.and_hms_opt(0, 0, 0)?)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
}

/// The instant home recovery ends, or `None` while symptoms have not improved. The onset (or
/// test) day is day 0; release is at the start of day N+1 in the ward's time zone, and not before
/// the hours after improvement have passed.
pub fn release_at(c: Criteria, tz: Tz, e: &Episode) -> Option<DateTime<Utc>> {
    let (days, hours) = c.rule();
    let at = if e.symptomatic {
        let day = start_of_day(e.onset.checked_add_days(Days::new(days + 1))?, tz)?;
        day.max(e.improved_at? + chrono::Duration::hours(hours))
    } else {
        start_of_day(e.test.unwrap_or(e.onset).checked_add_days(Days::new(days + 1))?, tz)?
    };
    Some(match e.not_before {
        Some(n) => at.max(n),
        None => at,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }
    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).expect("time").with_timezone(&Utc)
    }
    const TOKYO: Tz = chrono_tz::Asia::Tokyo;

    fn symptomatic(onset: &str, improved: &str) -> Episode {
        Episode {
            onset: d(onset),
            test: None,
            symptomatic: true,
            improved_at: Some(utc(improved)),
            not_before: None,
        }
    }

    #[test]
    fn criteria_2021_release_on_day_11_after_72_hours_of_improvement() {
        // onset 1 Nov (day 0), improved early: release at the start of 12 Nov JST (day 11)
        let e = symptomatic("2026-11-01", "2026-11-03T00:00:00Z");
        assert_eq!(
            release_at(Criteria::Y2021, TOKYO, &e),
            Some(utc("2026-11-11T15:00:00Z"))
        );
        // improved late on day 9: 72 hours later wins
        let e = symptomatic("2026-11-01", "2026-11-10T03:00:00Z");
        assert_eq!(
            release_at(Criteria::Y2021, TOKYO, &e),
            Some(utc("2026-11-13T03:00:00Z"))
        );
    }

    #[test]
    fn criteria_2022_09_release_on_day_8_after_24_hours_of_improvement() {
        let e = symptomatic("2026-11-01", "2026-11-03T00:00:00Z");
        assert_eq!(
            release_at(Criteria::Y2022Sep, TOKYO, &e),
            Some(utc("2026-11-08T15:00:00Z"))
        );
        let e = symptomatic("2026-11-01", "2026-11-08T06:00:00Z");
        assert_eq!(
            release_at(Criteria::Y2022Sep, TOKYO, &e),
            Some(utc("2026-11-09T06:00:00Z"))
        );
    }

    #[test]
    fn no_improvement_no_release_and_asymptomatic_patients_count_from_the_test() {
        let mut e = symptomatic("2026-11-01", "2026-11-03T00:00:00Z");
        e.improved_at = None;
        assert_eq!(release_at(Criteria::Y2021, TOKYO, &e), None);
        let e = Episode {
            onset: d("2026-11-01"),
            test: Some(d("2026-11-02")),
            symptomatic: false,
            improved_at: None,
            not_before: None,
        };
        assert_eq!(
            release_at(Criteria::Y2022Sep, TOKYO, &e),
            Some(utc("2026-11-09T15:00:00Z"))
        );
        assert_eq!(
            release_at(Criteria::Y2021, TOKYO, &e),
            Some(utc("2026-11-12T15:00:00Z"))
        );
    }

    #[test]
    fn staff_can_extend() {
        let mut e = symptomatic("2026-11-01", "2026-11-03T00:00:00Z");
        e.not_before = Some(utc("2026-11-20T00:00:00Z"));
        assert_eq!(
            release_at(Criteria::Y2022Sep, TOKYO, &e),
            Some(utc("2026-11-20T00:00:00Z"))
        );
    }
}

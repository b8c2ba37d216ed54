//! When check-ins are due (docs/TRIAGE.md "Cadence"). Pure: the caller passes `now`.

use chrono::{DateTime, Days, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

/// The local times of day at which a patient is asked to check in.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckInTimes {
    pub standard: Vec<NaiveTime>,
    pub high_risk: Vec<NaiveTime>,
}

impl Default for CheckInTimes {
    fn default() -> Self {
        let t = |h| NaiveTime::from_hms_opt(h, 0, 0).unwrap_or(NaiveTime::MIN);
        CheckInTimes {
            standard: vec![t(9), t(16)],
            high_risk: vec![t(9), t(13), t(17)],
        }
    }
}

impl CheckInTimes {
    pub fn for_patient(&self, high_risk: bool) -> &[NaiveTime] {
        if high_risk { &self.high_risk } else { &self.standard }
    }
}

/// The first check-in strictly after `now`, at one of `times` in `tz`.
/// Local times that do not exist (a DST gap) are skipped; ambiguous ones take the earlier instant.
pub fn next_check_in(times: &[NaiveTime], tz: Tz, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let today = now.with_timezone(&tz).date_naive();
    (0..3u64)
        .filter_map(|d| today.checked_add_days(Days::new(d)))
        .flat_map(|day| {
            let mut slots: Vec<_> = times
                .iter()
                .filter_map(|t| tz.from_local_datetime(&day.and_time(*t)).earliest())
                .map(|t| t.with_timezone(&Utc))
                .collect();
            slots.sort();
            slots
        })
        .find(|t| *t > now)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).expect("test time").with_timezone(&Utc)
    }

    #[test]
    fn standard_patients_are_asked_at_nine_and_four_tokyo_time() {
        let times = CheckInTimes::default();
        let tz = chrono_tz::Asia::Tokyo;
        // 08:00 JST → 09:00 JST the same day
        assert_eq!(
            next_check_in(times.for_patient(false), tz, utc("2026-11-21T23:00:00Z")),
            Some(utc("2026-11-22T00:00:00Z"))
        );
        // exactly 09:00 JST → 16:00 JST
        assert_eq!(
            next_check_in(times.for_patient(false), tz, utc("2026-11-22T00:00:00Z")),
            Some(utc("2026-11-22T07:00:00Z"))
        );
        // 20:00 JST → 09:00 JST next day
        assert_eq!(
            next_check_in(times.for_patient(false), tz, utc("2026-11-22T11:00:00Z")),
            Some(utc("2026-11-23T00:00:00Z"))
        );
    }

    #[test]
    fn high_risk_patients_are_asked_three_times_a_day() {
        let times = CheckInTimes::default();
        let tz = chrono_tz::Asia::Tokyo;
        assert_eq!(
            next_check_in(times.for_patient(true), tz, utc("2026-11-22T00:30:00Z")),
            Some(utc("2026-11-22T04:00:00Z"))
        );
        assert_eq!(
            next_check_in(times.for_patient(true), tz, utc("2026-11-22T04:00:00Z")),
            Some(utc("2026-11-22T08:00:00Z"))
        );
    }
}

//! What a doctor orders with visiting nursing (訪問看護指示): observation by visit or by phone,
//! how often, until when — and when the next visit is due. Pure.

use chrono::{DateTime, Duration, Utc};

crate::code_enum! {
    /// How the nurse observes the patient.
    pub enum NursingMode {
        Visit = "visit",
        Phone = "phone",
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NursingPlan {
    pub mode: NursingMode,
    pub every_hours: i64,
    pub until: DateTime<Utc>,
}

/// The frequencies a doctor picks from with one tap: (mode, every so many hours).
pub const FREQUENCIES: [(NursingMode, i64); 4] = [
    (NursingMode::Visit, 24),
    (NursingMode::Visit, 12),
    (NursingMode::Phone, 12),
    (NursingMode::Phone, 8),
];

/// The durations a doctor picks from, in days.
pub const DURATIONS: [i64; 2] = [3, 7];

/// How long nursing runs when the doctor says nothing and the episode has no end date yet.
const DEFAULT_DAYS: i64 = 7;

/// How long after a due visit, unreported, staff are asked to step in.
pub const GRACE: Duration = Duration::hours(2);

impl NursingPlan {
    /// A visit a day until the end of the patient's episode (or a week, if it has no end yet).
    pub fn default_from(now: DateTime<Utc>, release_at: Option<DateTime<Utc>>) -> NursingPlan {
        NursingPlan {
            mode: NursingMode::Visit,
            every_hours: 24,
            until: release_at
                .filter(|r| *r > now)
                .unwrap_or(now + Duration::days(DEFAULT_DAYS)),
        }
    }

    /// The visit due after one at `last`; `None` when it would fall after the plan's end.
    pub fn next_due(&self, last: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let next = last + Duration::hours(self.every_hours.max(1));
        (next <= self.until).then_some(next)
    }
}

/// "nplan:12:visit:24" (frequency) or "nplan:12:days:3" (duration): the request and the change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanChange {
    Frequency(NursingMode, i64),
    Days(i64),
}

pub fn parse_plan_button(data: &str) -> Option<(i64, PlanChange)> {
    let mut parts = data.strip_prefix("nplan:")?.split(':');
    let request = parts.next()?.parse().ok()?;
    let what = parts.next()?;
    let n: i64 = parts.next()?.parse().ok()?;
    let change = match what {
        "days" if DURATIONS.contains(&n) => PlanChange::Days(n),
        mode => {
            let mode = NursingMode::from_code(mode)?;
            FREQUENCIES
                .contains(&(mode, n))
                .then_some(PlanChange::Frequency(mode, n))?
        }
    };
    Some((request, change))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(h: i64) -> DateTime<Utc> {
        DateTime::<Utc>::from_timestamp(1_790_000_000, 0).expect("time") + Duration::hours(h)
    }

    #[test]
    fn the_default_is_a_daily_visit_until_the_episode_ends() {
        let p = NursingPlan::default_from(t(0), Some(t(72)));
        assert_eq!((p.mode, p.every_hours, p.until), (NursingMode::Visit, 24, t(72)));
        assert_eq!(NursingPlan::default_from(t(0), None).until, t(24 * 7));
        assert_eq!(NursingPlan::default_from(t(10), Some(t(5))).until, t(10 + 24 * 7));
    }

    #[test]
    fn visits_fall_due_every_so_often_until_the_end() {
        let p = NursingPlan {
            mode: NursingMode::Phone,
            every_hours: 12,
            until: t(30),
        };
        assert_eq!(p.next_due(t(0)), Some(t(12)));
        assert_eq!(p.next_due(t(18)), Some(t(30)));
        assert_eq!(p.next_due(t(19)), None);
    }

    #[test]
    fn only_the_offered_choices_parse() {
        assert_eq!(
            parse_plan_button("nplan:4:phone:8"),
            Some((4, PlanChange::Frequency(NursingMode::Phone, 8)))
        );
        assert_eq!(parse_plan_button("nplan:4:days:3"), Some((4, PlanChange::Days(3))));
        assert_eq!(parse_plan_button("nplan:4:days:300"), None);
        assert_eq!(parse_plan_button("nplan:4:phone:1"), None);
        assert_eq!(parse_plan_button("nplan:x:visit:24"), None);
        assert_eq!(parse_plan_button("outcome:4:visited"), None);
    }
}

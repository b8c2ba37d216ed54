//! Broadcasts: one notice to many (a new phone number, changed release criteria, a typhoon).
//! Who gets it is a segment, matched against each chat once when the broadcast starts (the list
//! is then frozen); each recipient gets the text in their language, or the fallback the author
//! chose. Pure.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use super::request::Level;

crate::code_enum! {
    /// Where a broadcast stands.
    pub enum BroadcastStatus {
        Draft = "draft",
        /// Over the approval threshold: a second member of staff must approve it.
        AwaitingApproval = "awaiting_approval",
        /// Approved or under the threshold, to start at `send_at`.
        Scheduled = "scheduled",
        Sending = "sending",
        Done = "done",
        /// Staff cancelled it: what was sent stays sent, nothing more goes.
        Cancelled = "cancelled",
        /// The platform refused more (LINE's monthly limit): staff were alerted.
        Stopped = "stopped",
    }
}

impl BroadcastStatus {
    /// Whether staff may still cancel it.
    pub fn cancellable(self) -> bool {
        matches!(
            self,
            BroadcastStatus::Draft
                | BroadcastStatus::AwaitingApproval
                | BroadcastStatus::Scheduled
                | BroadcastStatus::Sending
        )
    }
}

crate::code_enum! {
    /// Where one recipient's copy stands.
    pub enum RecipientStatus {
        Queued = "queued",
        /// Claimed by a sender (a LINE multicast keeps its retry key across retries).
        Sending = "sending",
        Sent = "sent",
        Failed = "failed",
        /// Blocked the bot, or the chat is gone.
        Unreachable = "unreachable",
        /// The broadcast was cancelled before this copy went.
        Withdrawn = "withdrawn",
    }
}

crate::code_enum! {
    /// Whom a broadcast is for.
    pub enum Audience {
        Patients = "patients",
        Providers = "providers",
        /// Health-centre staff on duty now.
        Staff = "staff",
    }
}

/// Who gets a broadcast. Every list left empty and every option left out matches everyone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Segment {
    pub audience: Audience,
    /// Patients: also those released in the last so many days (else only those under observation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub released_within_days: Option<i64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub areas: Vec<String>,
    /// Patients whose latest assessment is at least this level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_level: Option<Level>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high_risk: Option<bool>,
    /// Patients on days `[from, to]` of their episode (day 0: onset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub episode_days: Option<(i64, i64)>,
    /// `line`, `telegram`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub platforms: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub under_oxygen: bool,
    /// Patients who have not completed a report today.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub not_reported_today: bool,
    /// Providers: `doctor`, `nurse`, `pharmacist`, `contractor`, `support_centre`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
    /// Providers on the roster for one of these shifts (`day`, `holiday`, `night`) or duties.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shifts: Vec<String>,
}

impl Segment {
    pub fn everyone(audience: Audience) -> Segment {
        Segment {
            audience,
            released_within_days: None,
            areas: vec![],
            min_level: None,
            high_risk: None,
            episode_days: None,
            platforms: vec![],
            languages: vec![],
            under_oxygen: false,
            not_reported_today: false,
            roles: vec![],
            shifts: vec![],
        }
    }
}

/// One reachable chat as a segment sees it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Candidate {
    pub chat_id: i64,
    pub platform: String,
    pub lang: String,
    pub areas: Vec<String>,
    /// Patients: under observation (`None`: released at that moment).
    pub released_at: Option<DateTime<Utc>>,
    pub active: bool,
    pub level: Option<Level>,
    pub high_risk: bool,
    pub episode_day: Option<i64>,
    pub under_oxygen: bool,
    pub last_report_at: Option<DateTime<Utc>>,
    /// Providers: their role, and the shifts and duties they are on the roster for.
    pub role: Option<String>,
    pub shifts: Vec<String>,
}

impl Segment {
    /// Whether the segment takes this chat, at `now` (`today`: the local day's start).
    pub fn takes(&self, c: &Candidate, now: DateTime<Utc>, today: DateTime<Utc>) -> bool {
        let listed = |list: &[String], v: &str| list.is_empty() || list.iter().any(|x| x == v);
        if !listed(&self.platforms, &c.platform) || !listed(&self.languages, &c.lang) {
            return false;
        }
        if !self.areas.is_empty() && !c.areas.iter().any(|a| self.areas.contains(a)) {
            return false;
        }
        match self.audience {
            Audience::Patients => {
                let observed = c.active
                    || match (self.released_within_days, c.released_at) {
                        (Some(days), Some(at)) => now - at <= Duration::days(days),
                        _ => false,
                    };
                observed
                    && self.min_level.is_none_or(|min| c.level.is_some_and(|l| l >= min))
                    && self.high_risk.is_none_or(|h| h == c.high_risk)
                    && self
                        .episode_days
                        .is_none_or(|(from, to)| c.episode_day.is_some_and(|d| from <= d && d <= to))
                    && (!self.under_oxygen || c.under_oxygen)
                    && (!self.not_reported_today || c.last_report_at.is_none_or(|t| t < today))
            }
            Audience::Providers => {
                c.role.as_deref().is_some_and(|r| listed(&self.roles, r))
                    && (self.shifts.is_empty() || c.shifts.iter().any(|s| self.shifts.contains(s)))
            }
            Audience::Staff => true,
        }
    }
}

/// The languages recipients use that have no text, when no fallback is given.
pub fn missing_languages<'a>(
    texts: &BTreeMap<String, String>,
    fallback: Option<&str>,
    used: impl IntoIterator<Item = &'a str>,
) -> Vec<String> {
    if fallback.is_some_and(|f| texts.get(f).is_some_and(|t| !t.trim().is_empty())) {
        return vec![];
    }
    let mut out: Vec<String> = used
        .into_iter()
        .filter(|l| texts.get(*l).is_none_or(|t| t.trim().is_empty()))
        .map(str::to_string)
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The text a recipient in `lang` gets.
pub fn text_for<'a>(texts: &'a BTreeMap<String, String>, fallback: Option<&str>, lang: &str) -> Option<&'a str> {
    texts
        .get(lang)
        .filter(|t| !t.trim().is_empty())
        .or_else(|| fallback.and_then(|f| texts.get(f)))
        .map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(h: i64) -> DateTime<Utc> {
        DateTime::<Utc>::from_timestamp(1_790_000_000, 0).expect("time") + Duration::hours(h)
    }

    fn patient(chat: i64) -> Candidate {
        Candidate {
            chat_id: chat,
            platform: "line".into(),
            lang: "ja".into(),
            areas: vec!["Nerima".into()],
            released_at: None,
            active: true,
            level: Some(Level::Watch),
            high_risk: false,
            episode_day: Some(4),
            under_oxygen: false,
            last_report_at: Some(t(-30)),
            role: None,
            shifts: vec![],
        }
    }

    #[test]
    fn each_filter_narrows_and_an_empty_segment_takes_every_patient_under_observation() {
        let (now, today) = (t(0), t(-10));
        let all = Segment::everyone(Audience::Patients);
        let p = patient(1);
        assert!(all.takes(&p, now, today));
        let released = Candidate {
            active: false,
            released_at: Some(t(-48)),
            ..patient(2)
        };
        assert!(!all.takes(&released, now, today));
        let recent = Segment {
            released_within_days: Some(3),
            ..all.clone()
        };
        assert!(recent.takes(&released, now, today));
        let check = |s: Segment, c: &Candidate| s.takes(c, now, today);
        assert!(!check(
            Segment {
                areas: vec!["Toshima".into()],
                ..all.clone()
            },
            &p
        ));
        assert!(!check(
            Segment {
                min_level: Some(Level::Moderate),
                ..all.clone()
            },
            &p
        ));
        assert!(check(
            Segment {
                min_level: Some(Level::Watch),
                ..all.clone()
            },
            &p
        ));
        assert!(!check(
            Segment {
                high_risk: Some(true),
                ..all.clone()
            },
            &p
        ));
        assert!(!check(
            Segment {
                episode_days: Some((5, 10)),
                ..all.clone()
            },
            &p
        ));
        assert!(!check(
            Segment {
                platforms: vec!["telegram".into()],
                ..all.clone()
            },
            &p
        ));
        assert!(!check(
            Segment {
                languages: vec!["en".into()],
                ..all.clone()
            },
            &p
        ));
        assert!(!check(
            Segment {
                under_oxygen: true,
                ..all.clone()
            },
            &p
        ));
        assert!(check(
            Segment {
                not_reported_today: true,
                ..all.clone()
            },
            &p
        ));
        let reported = Candidate {
            last_report_at: Some(t(-1)),
            ..patient(3)
        };
        assert!(!check(
            Segment {
                not_reported_today: true,
                ..all.clone()
            },
            &reported
        ));
    }

    #[test]
    fn providers_are_taken_by_role_and_area() {
        let nurse = Candidate {
            role: Some("nurse".into()),
            ..patient(9)
        };
        let s = Segment {
            roles: vec!["doctor".into()],
            ..Segment::everyone(Audience::Providers)
        };
        assert!(!s.takes(&nurse, t(0), t(-1)));
        assert!(Segment::everyone(Audience::Providers).takes(&nurse, t(0), t(-1)));
        let night = Segment {
            shifts: vec!["night".into()],
            ..Segment::everyone(Audience::Providers)
        };
        assert!(!night.takes(&nurse, t(0), t(-1)));
        let on_nights = Candidate {
            shifts: vec!["day".into(), "night".into()],
            ..nurse
        };
        assert!(night.takes(&on_nights, t(0), t(-1)));
    }

    #[test]
    fn a_language_without_text_is_named_unless_there_is_a_fallback() {
        let texts: BTreeMap<String, String> = [("ja".to_string(), "お知らせ".to_string())].into();
        assert_eq!(missing_languages(&texts, None, ["ja", "en", "en"]), ["en"]);
        assert!(missing_languages(&texts, Some("ja"), ["ja", "en"]).is_empty());
        assert_eq!(text_for(&texts, Some("ja"), "en"), Some("お知らせ"));
        assert_eq!(text_for(&texts, None, "en"), None);
    }
}

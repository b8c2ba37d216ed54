//! Configuration: `MIMAMORI_*` environment variables over an optional TOML file named by
//! `MIMAMORI_CONFIG` (keys are the variable names without the prefix, in lower case:
//! `bind = "0.0.0.0:8080"`). Every value is read as text and parsed here, so a phone number
//! keeps its leading zero and an error names the variable. Secrets never print.

use std::net::SocketAddr;
use std::time::Duration;

use chrono::NaiveTime;
use chrono_tz::Tz;

use crate::domain::calendar::{ServiceHours, Window};
use crate::domain::schedule::CheckInTimes;
use crate::domain::triage::Ruleset;

mod sources;
pub use sources::{ConfigError, Sources};

/// A value that must never reach a log, an error message or a panic.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(s: impl Into<String>) -> Secret {
        Secret(s.into())
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

#[derive(Debug, Clone)]
pub struct LineConfig {
    pub channel_secret: Secret,
    pub channel_access_token: Secret,
    pub api_url: String,
    /// Where rich-menu images are uploaded (`MIMAMORI_LINE_DATA_API_URL`, LINE's api-data host).
    pub data_api_url: String,
    /// The bot's basic ID (`@123abcde`, `MIMAMORI_LINE_BOT_ID`): the enrolment sheet's QR code
    /// adds the bot as a friend.
    pub bot_id: Option<String>,
}

#[derive(Debug, Clone)]
pub struct TelegramConfig {
    pub bot_token: Secret,
    pub webhook_secret: Secret,
    pub api_url: String,
    /// For deep links `t.me/<bot>?start=CODE`; optional.
    pub bot_username: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Config {
    pub bind: SocketAddr,
    pub database_url: String,
    pub line: Option<LineConfig>,
    pub telegram: Option<TelegramConfig>,
    pub timezone: Tz,
    /// Doctors' and pharmacies' hours (docs/TRIAGE.md "Service hours").
    pub service_hours: crate::domain::calendar::ServiceHours,
    /// Told to patients who must call: "call the health centre on …".
    pub health_centre_phone: String,
    pub emergency_number: String,
    pub enrolment_code_ttl: chrono::Duration,
    pub check_in_times: CheckInTimes,
    /// Timeout of one HTTP call to a platform.
    pub platform_timeout: Duration,
    /// How often the background loops look for due work when nothing wakes them.
    pub poll_interval: Duration,
    /// Event workers on PostgreSQL (`MIMAMORI_EVENT_WORKERS`; SQLite has one writer and runs
    /// one): each handles a batch of events in one transaction.
    pub event_workers: usize,
    /// How long processed inbound events are kept for deduplication.
    pub event_retention: chrono::Duration,
    /// How long after an episode ends a patient's personal data is kept (then erased).
    pub patient_retention: chrono::Duration,
    /// The pause between two messages to one Telegram chat (Telegram: about one a second).
    pub telegram_chat_gap: chrono::Duration,
    /// Which release criteria the ward uses: `2021` or `2022-09` (the default).
    pub release_criteria: crate::domain::episode::Criteria,
    /// Staff are alerted when fewer units of a kind than this are in stock
    /// (`MIMAMORI_OXYGEN_LOW_STOCK`, default 2).
    pub oxygen_low_stock: i64,
    /// Who starts oxygen at home after delivery (`MIMAMORI_OXYGEN_START_BY`): the ordering
    /// doctor and the roster (`doctor`, the default), or visiting nurses (`nurse`).
    pub oxygen_start_by_nurse: bool,
    /// A broadcast to more recipients than this needs a second member of staff's approval
    /// (`MIMAMORI_BROADCAST_APPROVAL_OVER`, default 500).
    pub broadcast_approval_over: i64,
    /// The triage ruleset: `MIMAMORI_RULES` names a ward's file, else the shipped default.
    pub rules: std::sync::Arc<Ruleset>,
    /// How patients' words are understood: the shipped lexicons, with a ward's `<lang>.toml`
    /// files from `MIMAMORI_LEXICON_DIR` in their place.
    pub lexicons: std::sync::Arc<crate::domain::lexicon::Lexicons>,
    /// How long an urgent question ("are your lips purple?") waits for its answer before the
    /// safe side is taken and staff are told (`MIMAMORI_SAFETY_QUESTION_MINUTES`, default 5).
    pub safety_question_wait: chrono::Duration,
    /// How long a new staff API token is valid (`MIMAMORI_API_TOKEN_DAYS`, default 90).
    pub api_token_validity: chrono::Duration,
    /// A console session unused this long is over (`MIMAMORI_CONSOLE_IDLE_MINUTES`, default 30).
    pub console_idle: chrono::Duration,
    /// The console's cookie is sent over HTTPS only (`MIMAMORI_CONSOLE_SECURE_COOKIE`, set it
    /// when the service is reached through HTTPS; default false).
    pub console_secure_cookie: bool,
    /// An alert that cannot wait and that nobody has taken is paged again after this long, and
    /// then to the next on the staff roster (`MIMAMORI_PAGE_REPEAT_MINUTES`, default 10).
    pub page_repeat: chrono::Duration,
    /// Who answers the patients' phone at each hour (`MIMAMORI_COVERAGE`, a file like
    /// `rules/coverage-minato.toml`); without it, `MIMAMORI_HEALTH_CENTRE_PHONE` at all hours.
    pub coverage: crate::domain::coverage::Coverage,
}

fn parse_times(s: &str) -> Result<Vec<NaiveTime>, String> {
    let times: Result<Vec<_>, _> = s
        .split(',')
        .map(|t| NaiveTime::parse_from_str(t.trim(), "%H:%M").map_err(|_| format!("{t:?} is not a time like 09:00")))
        .collect();
    let times = times?;
    if times.is_empty() {
        return Err("at least one time is needed".into());
    }
    Ok(times)
}

/// Event workers on PostgreSQL by default. Each handles a batch of events in one transaction,
/// mostly waiting for the database's answers; on two cores at 500 reports a second, eight made
/// batches of one event and two made the queue wait (README, Performance). A database server
/// with more cores may take more.
pub const DEFAULT_EVENT_WORKERS: usize = 4;

fn parse_secs(s: &str) -> Result<u64, String> {
    s.parse::<u64>().map_err(|_| format!("{s:?} is not a whole number"))
}

/// The shortest webhook secret accepted: a short one can be guessed, and a guessed secret lets
/// anyone post reports as any patient.
const MIN_SECRET: usize = 16;

impl Config {
    pub fn load(src: &Sources) -> Result<Config, ConfigError> {
        let line = match (src.get("line_channel_secret"), src.get("line_channel_access_token")) {
            (Some(secret), _) if secret.len() < MIN_SECRET => {
                return Err(ConfigError::Invalid {
                    var: "MIMAMORI_LINE_CHANNEL_SECRET".into(),
                    reason: format!("must be at least {MIN_SECRET} characters (LINE issues 32)"),
                });
            }
            (Some(secret), Some(token)) => Some(LineConfig {
                channel_secret: Secret::new(secret),
                channel_access_token: Secret::new(token),
                api_url: src
                    .get("line_api_url")
                    .unwrap_or("https://api.line.me")
                    .trim_end_matches('/')
                    .to_string(),
                data_api_url: src
                    .get("line_data_api_url")
                    .or(src.get("line_api_url").filter(|u| !u.contains("api.line.me")))
                    .unwrap_or("https://api-data.line.me")
                    .trim_end_matches('/')
                    .to_string(),
                bot_id: src
                    .get("line_bot_id")
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string),
            }),
            _ => None,
        };
        let telegram = match (src.get("telegram_bot_token"), src.get("telegram_webhook_secret")) {
            (Some(token), Some(secret)) => {
                let valid = (MIN_SECRET..=256).contains(&secret.len())
                    && secret
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
                if !valid {
                    return Err(ConfigError::Invalid {
                        var: "MIMAMORI_TELEGRAM_WEBHOOK_SECRET".into(),
                        reason: format!("must be {MIN_SECRET}-256 characters of A-Z, a-z, 0-9, _ and -"),
                    });
                }
                Some(TelegramConfig {
                    bot_token: Secret::new(token),
                    webhook_secret: Secret::new(secret),
                    api_url: src
                        .get("telegram_api_url")
                        .unwrap_or("https://api.telegram.org")
                        .trim_end_matches('/')
                        .to_string(),
                    bot_username: src
                        .get("telegram_bot_username")
                        .map(|u| u.trim_start_matches('@').to_string()),
                })
            }
            _ => None,
        };
        let defaults = CheckInTimes::default();
        let rules = match src.get("rules") {
            None => Ruleset::default_rules()?,
            Some(path) => {
                let text = std::fs::read_to_string(path).map_err(|e| ConfigError::File {
                    path: path.to_string(),
                    reason: e.to_string(),
                })?;
                Ruleset::parse(path, &text)?
            }
        };
        let coverage = match src.get("coverage") {
            None => crate::domain::coverage::Coverage::default(),
            Some(path) => {
                let text = std::fs::read_to_string(path).map_err(|e| ConfigError::File {
                    path: path.to_string(),
                    reason: e.to_string(),
                })?;
                crate::domain::coverage::Coverage::parse(&text).map_err(|reason| ConfigError::Invalid {
                    var: format!("MIMAMORI_COVERAGE ({path})"),
                    reason,
                })?
            }
        };
        let lexicons = crate::domain::lexicon::Lexicons::load(src.get("lexicon_dir").map(std::path::Path::new))
            .map_err(ConfigError::Lexicon)?;
        let hours = ServiceHours::default();
        let window = |s: &str| Window::parse(s).ok_or_else(|| format!("{s:?} is not a window like 09:00-17:00"));
        let service_hours = ServiceHours {
            doctor_weekday: src.parse("doctor_hours_weekday", hours.doctor_weekday, window)?,
            doctor_saturday: src.parse("doctor_hours_saturday", hours.doctor_saturday, window)?,
            doctor_holiday: src.parse("doctor_hours_holiday", hours.doctor_holiday, window)?,
            pharmacy_weekday: src.parse("pharmacy_hours_weekday", hours.pharmacy_weekday, window)?,
            pharmacy_saturday: src.parse("pharmacy_hours_saturday", hours.pharmacy_saturday, window)?,
            pharmacy_holiday: src.parse("pharmacy_hours_holiday", hours.pharmacy_holiday, window)?,
        };
        Ok(Config {
            service_hours,
            bind: src.parse("bind", SocketAddr::from(([127, 0, 0, 1], 8080)), |s| {
                s.parse()
                    .map_err(|_| format!("{s:?} is not an address like 127.0.0.1:8080"))
            })?,
            database_url: src.get("database_url").unwrap_or("sqlite://mimamori.db").to_string(),
            line,
            telegram,
            timezone: src.parse("timezone", chrono_tz::Asia::Tokyo, |s| {
                s.parse::<Tz>().map_err(|_| format!("{s:?} is not an IANA time zone"))
            })?,
            health_centre_phone: src.get("health_centre_phone").unwrap_or("").to_string(),
            emergency_number: src.get("emergency_number").unwrap_or("119").to_string(),
            enrolment_code_ttl: src.parse("enrolment_code_days", chrono::Duration::days(7), |s| {
                parse_secs(s).map(|d| chrono::Duration::days(d as i64))
            })?,
            check_in_times: CheckInTimes {
                standard: src.parse("check_in_times", defaults.standard, parse_times)?,
                high_risk: src.parse("check_in_times_high_risk", defaults.high_risk, parse_times)?,
            },
            platform_timeout: src.parse("platform_timeout_secs", Duration::from_secs(10), |s| {
                parse_secs(s).map(Duration::from_secs)
            })?,
            poll_interval: src.parse("poll_interval_ms", Duration::from_millis(1000), |s| {
                parse_secs(s).map(Duration::from_millis)
            })?,
            event_workers: src.parse("event_workers", DEFAULT_EVENT_WORKERS, |s| match parse_secs(s)? {
                n @ 1..=64 => Ok(n as usize),
                _ => Err(format!("{s:?} is not between 1 and 64")),
            })?,
            rules: std::sync::Arc::new(rules),
            coverage,
            lexicons: std::sync::Arc::new(lexicons),
            safety_question_wait: src.parse("safety_question_minutes", chrono::Duration::minutes(5), |s| {
                match parse_secs(s)? {
                    n @ 1..=60 => Ok(chrono::Duration::minutes(n as i64)),
                    _ => Err(format!("{s:?} is not between 1 and 60 minutes")),
                }
            })?,
            api_token_validity: src.parse("api_token_days", chrono::Duration::days(90), |s| match parse_secs(s)? {
                n @ 1..=3650 => Ok(chrono::Duration::days(n as i64)),
                _ => Err(format!("{s:?} is not between 1 and 3650 days")),
            })?,
            console_idle: src.parse(
                "console_idle_minutes",
                chrono::Duration::minutes(30),
                |s| match parse_secs(s)? {
                    n @ 1..=1440 => Ok(chrono::Duration::minutes(n as i64)),
                    _ => Err(format!("{s:?} is not between 1 and 1440 minutes")),
                },
            )?,
            console_secure_cookie: src.parse("console_secure_cookie", false, |s| match s {
                "1" | "true" | "yes" => Ok(true),
                "0" | "false" | "no" => Ok(false),
                _ => Err(format!("{s:?} is not true or false")),
            })?,
            page_repeat: src.parse(
                "page_repeat_minutes",
                chrono::Duration::minutes(10),
                |s| match parse_secs(s)? {
                    n @ 1..=120 => Ok(chrono::Duration::minutes(n as i64)),
                    _ => Err(format!("{s:?} is not between 1 and 120 minutes")),
                },
            )?,
            oxygen_low_stock: src.parse("oxygen_low_stock", 2, |s| parse_secs(s).map(|n| n as i64))?,
            patient_retention: src.parse("retention_days", chrono::Duration::days(90), |s| {
                parse_secs(s)
                    .ok()
                    .filter(|d| *d >= 1)
                    .map(|d| chrono::Duration::days(d as i64))
                    .ok_or_else(|| format!("{s:?} is not a whole number of days (1 or more)"))
            })?,
            broadcast_approval_over: src.parse("broadcast_approval_over", 500, |s| parse_secs(s).map(|n| n as i64))?,
            oxygen_start_by_nurse: src.parse("oxygen_start_by", false, |s| match s.trim() {
                "doctor" => Ok(false),
                "nurse" => Ok(true),
                _ => Err(format!("{s:?} is not doctor or nurse")),
            })?,
            release_criteria: src.parse("release_criteria", crate::domain::episode::Criteria::Y2022Sep, |s| {
                crate::domain::episode::Criteria::parse(s).ok_or_else(|| format!("{s:?} is not 2021 or 2022-09"))
            })?,
            telegram_chat_gap: src.parse("telegram_chat_gap_ms", chrono::Duration::milliseconds(1000), |s| {
                parse_secs(s).map(|ms| chrono::Duration::milliseconds(ms as i64))
            })?,
            event_retention: src.parse("event_retention_hours", chrono::Duration::hours(72), |s| {
                parse_secs(s).map(|h| chrono::Duration::hours(h as i64))
            })?,
        })
    }

    /// One line per disabled channel, so an operator sees why no messages arrive.
    pub fn log_disabled_channels(&self) {
        if self.line.is_none() {
            tracing::warn!(
                "LINE disabled: set MIMAMORI_LINE_CHANNEL_SECRET and MIMAMORI_LINE_CHANNEL_ACCESS_TOKEN to enable it"
            );
        }
        if self.telegram.is_none() {
            tracing::warn!(
                "Telegram disabled: set MIMAMORI_TELEGRAM_BOT_TOKEN and MIMAMORI_TELEGRAM_WEBHOOK_SECRET to enable it"
            );
        }
    }
}

#[cfg(test)]
mod tests;

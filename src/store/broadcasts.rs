//! Broadcasts and their frozen recipient lists ([`crate::domain::broadcast`]).

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::any::AnyRow;
use sqlx::{FromRow, Row};

use super::columns::Columns;
use super::{Conn, from_ms, ms};
use crate::domain::broadcast::{Audience, BroadcastStatus, Candidate, RecipientStatus, Segment};
use crate::domain::patient::is_high_risk;
use crate::domain::request::Level;

#[derive(Debug, Clone)]
pub struct Broadcast {
    pub id: i64,
    pub title: String,
    pub texts: BTreeMap<String, String>,
    pub fallback: Option<String>,
    pub check_in_button: bool,
    pub segment: Segment,
    pub status: BroadcastStatus,
    pub send_at: Option<DateTime<Utc>>,
    pub created_by: i64,
    pub approved_by: Option<i64>,
    pub stop_reason: Option<String>,
    pub created_at: DateTime<Utc>,
    pub started_at: Option<DateTime<Utc>>,
    pub finished_at: Option<DateTime<Utc>>,
}

fn json<T: serde::de::DeserializeOwned>(row: &AnyRow, column: &str) -> sqlx::Result<T> {
    let text: String = row.try_get(column)?;
    serde_json::from_str(&text).map_err(|e| sqlx::Error::ColumnDecode {
        index: column.to_string(),
        source: Box::new(e),
    })
}

impl FromRow<'_, AnyRow> for Broadcast {
    fn from_row(row: &AnyRow) -> sqlx::Result<Self> {
        Ok(Broadcast {
            id: row.try_get("id")?,
            title: row.try_get("title")?,
            texts: json(row, "texts")?,
            fallback: row.try_get("fallback")?,
            check_in_button: row.flag("check_in_button")?,
            segment: json(row, "segment")?,
            status: row.code("status")?,
            send_at: row.at_opt("send_at")?,
            created_by: row.try_get("created_by")?,
            approved_by: row.try_get("approved_by")?,
            stop_reason: row.try_get("stop_reason")?,
            created_at: row.at("created_at")?,
            started_at: row.at_opt("started_at")?,
            finished_at: row.at_opt("finished_at")?,
        })
    }
}

const BROADCAST: &str =
    "SELECT id, title, texts, fallback, check_in_button, segment, status, send_at, created_by, approved_by,
        stop_reason, created_at, started_at, finished_at FROM broadcasts";

pub struct NewBroadcast<'a> {
    pub title: &'a str,
    pub texts: &'a BTreeMap<String, String>,
    pub fallback: Option<&'a str>,
    pub check_in_button: bool,
    pub segment: &'a Segment,
    pub send_at: Option<DateTime<Utc>>,
    pub created_by: i64,
}

fn encode<T: serde::Serialize>(v: &T) -> sqlx::Result<String> {
    serde_json::to_string(v).map_err(|e| sqlx::Error::Encode(Box::new(e)))
}

pub async fn create(conn: &mut Conn, b: &NewBroadcast<'_>, now: DateTime<Utc>) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO broadcasts (title, texts, fallback, check_in_button, segment, status, send_at, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, 'draft', $6, $7, $8) RETURNING id",
    )
    .bind(b.title)
    .bind(encode(b.texts)?)
    .bind(b.fallback)
    .bind(i64::from(b.check_in_button))
    .bind(encode(b.segment)?)
    .bind(b.send_at.map(ms))
    .bind(b.created_by)
    .bind(ms(now))
    .fetch_one(&mut *conn)
    .await
}

pub async fn get(conn: &mut Conn, id: i64) -> sqlx::Result<Option<Broadcast>> {
    sqlx::query_as(&format!("{BROADCAST} WHERE id = $1"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await
}

pub async fn list(conn: &mut Conn) -> sqlx::Result<Vec<Broadcast>> {
    sqlx::query_as(&format!("{BROADCAST} ORDER BY id DESC LIMIT 200"))
        .fetch_all(&mut *conn)
        .await
}

/// Moves a broadcast from one of `from` to `to`; zero rows: it was elsewhere.
pub async fn set_status(
    conn: &mut Conn,
    id: i64,
    from: &[BroadcastStatus],
    to: BroadcastStatus,
    now: DateTime<Utc>,
) -> sqlx::Result<u64> {
    let set = match to {
        BroadcastStatus::Sending => "status = $1, started_at = $2",
        BroadcastStatus::Done | BroadcastStatus::Cancelled | BroadcastStatus::Stopped => {
            "status = $1, finished_at = $2"
        }
        _ => "status = $1, updated_at = $2",
    };
    // `from` holds our own codes only, never input
    let from: Vec<String> = from.iter().map(|s| format!("'{}'", s.code())).collect();
    let sql = format!(
        "UPDATE broadcasts SET {set} WHERE id = $3 AND status IN ({})",
        from.join(", ")
    );
    Ok(sqlx::query(&sql)
        .bind(to.code())
        .bind(ms(now))
        .bind(id)
        .execute(&mut *conn)
        .await?
        .rows_affected())
}

pub async fn approve(conn: &mut Conn, id: i64, staff_id: i64) -> sqlx::Result<u64> {
    Ok(sqlx::query(
        "UPDATE broadcasts SET status = 'scheduled', approved_by = $1
         WHERE id = $2 AND status = 'awaiting_approval' AND created_by <> $1",
    )
    .bind(staff_id)
    .bind(id)
    .execute(&mut *conn)
    .await?
    .rows_affected())
}

pub async fn stop(conn: &mut Conn, id: i64, reason: &str, now: DateTime<Utc>) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE broadcasts SET status = 'stopped', stop_reason = $1, finished_at = $2 WHERE id = $3 AND status = 'sending'",
    )
    .bind(reason)
    .bind(ms(now))
    .bind(id)
    .execute(&mut *conn)
    .await?;
    withdraw(conn, id).await
}

/// Copies not yet sent are withdrawn (a cancel or a stop).
pub async fn withdraw(conn: &mut Conn, id: i64) -> sqlx::Result<()> {
    sqlx::query("UPDATE broadcast_recipients SET status = 'withdrawn' WHERE broadcast_id = $1 AND status = 'queued'")
        .bind(id)
        .execute(&mut *conn)
        .await
        .map(|_| ())
}

/// Whether any broadcast is sending.
pub async fn sending_any(conn: &mut Conn) -> sqlx::Result<bool> {
    let n: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM (SELECT 1 FROM broadcasts WHERE status = 'sending' LIMIT 1) s")
            .fetch_one(&mut *conn)
            .await?;
    Ok(n > 0)
}

/// Broadcasts scheduled to start by now.
pub async fn due(conn: &mut Conn, now: DateTime<Utc>) -> sqlx::Result<Vec<i64>> {
    sqlx::query_scalar(
        "SELECT id FROM broadcasts WHERE status = 'scheduled' AND (send_at IS NULL OR send_at <= $1) ORDER BY id",
    )
    .bind(ms(now))
    .fetch_all(&mut *conn)
    .await
}

/// Every reachable chat of the audience, as a segment sees it (`today`: the local date).
pub async fn candidates(
    conn: &mut Conn,
    audience: Audience,
    today: NaiveDate,
    default_lang: &str,
) -> sqlx::Result<Vec<Candidate>> {
    let lang = |own: Option<String>, hint: Option<String>| {
        own.or(hint)
            .map(|l| l.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase())
            .filter(|l| !l.is_empty())
            .unwrap_or_else(|| default_lang.to_string())
    };
    let base = |chat_id, platform| Candidate {
        chat_id,
        platform,
        ..Candidate::default()
    };
    match audience {
        Audience::Patients => {
            let rows = sqlx::query(
                "SELECT c.id AS chat_id, c.platform, c.language_hint, p.language, p.area, p.status, p.released_at,
                        p.birth_date, p.risk_factors, p.onset_date,
                        (SELECT a.level FROM assessments a WHERE a.patient_id = p.id ORDER BY a.id DESC LIMIT 1) AS level,
                        CASE WHEN EXISTS (SELECT 1 FROM oxygen_orders o WHERE o.patient_id = p.id
                                          AND o.status IN ('ordered', 'delivered', 'started')) THEN 1 ELSE 0 END AS oxygen,
                        (SELECT MAX(r.completed_at) FROM reports r WHERE r.patient_id = p.id) AS last_report
                 FROM chats c JOIN patients p ON p.id = c.patient_id
                 WHERE c.status = 'active' ORDER BY c.id",
            )
            .fetch_all(&mut *conn)
            .await?;
            rows.iter()
                .map(|r| {
                    let date = |col: &str| -> sqlx::Result<Option<NaiveDate>> {
                        Ok(r.try_get::<Option<String>, _>(col)?
                            .and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()))
                    };
                    let risk: String = r.try_get("risk_factors")?;
                    let level: Option<String> = r.try_get("level")?;
                    let status: String = r.try_get("status")?;
                    Ok(Candidate {
                        lang: lang(r.try_get("language")?, r.try_get("language_hint")?),
                        areas: r.try_get::<Option<String>, _>("area")?.into_iter().collect(),
                        released_at: r.at_opt("released_at")?,
                        active: status == "active",
                        level: level.as_deref().and_then(Level::from_code),
                        high_risk: date("birth_date")?.is_some_and(|b| is_high_risk(b, !risk.trim().is_empty(), today)),
                        episode_day: date("onset_date")?.map(|o| (today - o).num_days()),
                        under_oxygen: r.try_get::<i64, _>("oxygen")? != 0,
                        last_report_at: r.try_get::<Option<i64>, _>("last_report")?.map(from_ms),
                        ..base(r.try_get("chat_id")?, r.try_get("platform")?)
                    })
                })
                .collect()
        }
        Audience::Providers => {
            let rows = sqlx::query(
                "SELECT c.id AS chat_id, c.platform, c.language_hint, p.language, p.role, p.id AS provider_id
                 FROM chats c JOIN providers p ON p.id = c.provider_id
                 WHERE c.status = 'active' AND p.status = 'active' ORDER BY c.id",
            )
            .fetch_all(&mut *conn)
            .await?;
            let areas: Vec<(i64, String)> = sqlx::query_as("SELECT provider_id, area FROM provider_areas")
                .fetch_all(&mut *conn)
                .await?;
            let shifts: Vec<(i64, String)> = sqlx::query_as("SELECT DISTINCT provider_id, shift FROM roster_entries")
                .fetch_all(&mut *conn)
                .await?;
            rows.iter()
                .map(|r| {
                    let provider: i64 = r.try_get("provider_id")?;
                    Ok(Candidate {
                        lang: lang(r.try_get("language")?, r.try_get("language_hint")?),
                        areas: areas
                            .iter()
                            .filter(|(p, _)| *p == provider)
                            .map(|(_, a)| a.clone())
                            .collect(),
                        role: Some(r.try_get("role")?),
                        shifts: shifts
                            .iter()
                            .filter(|(p, _)| *p == provider)
                            .map(|(_, s)| s.clone())
                            .collect(),
                        ..base(r.try_get("chat_id")?, r.try_get("platform")?)
                    })
                })
                .collect()
        }
        Audience::Staff => Ok(vec![]),
    }
}

/// Freezes the list: one queued copy per recipient (chat id, platform, language).
pub async fn freeze(conn: &mut Conn, id: i64, recipients: &[(i64, String, String)]) -> sqlx::Result<()> {
    for chunk in recipients.chunks(200) {
        let values: Vec<String> = (0..chunk.len())
            .map(|i| format!("($1, ${}, ${}, ${})", 2 + i * 3, 3 + i * 3, 4 + i * 3))
            .collect();
        let sql = format!(
            "INSERT INTO broadcast_recipients (broadcast_id, chat_id, platform, lang) VALUES {}",
            values.join(", ")
        );
        let mut q = sqlx::query(&sql).bind(id);
        for (chat, platform, lang) in chunk {
            q = q.bind(*chat).bind(platform.as_str()).bind(lang.as_str());
        }
        q.execute(&mut *conn).await?;
    }
    Ok(())
}

/// How many copies stand in each status.
pub async fn counts(conn: &mut Conn, id: i64) -> sqlx::Result<BTreeMap<String, i64>> {
    let rows: Vec<(String, i64)> =
        sqlx::query_as("SELECT status, COUNT(*) FROM broadcast_recipients WHERE broadcast_id = $1 GROUP BY status")
            .bind(id)
            .fetch_all(&mut *conn)
            .await?;
    Ok(rows.into_iter().collect())
}

/// One recipient who could not be reached, for the phone team.
#[derive(Debug, Clone)]
pub struct Unreached {
    pub chat_id: i64,
    /// The patient, when the copy was to a patient (not a provider).
    pub patient_id: Option<i64>,
    pub platform: String,
    pub status: RecipientStatus,
    pub error: Option<String>,
    pub name: Option<String>,
    pub phone: Option<String>,
}

pub async fn unreached(conn: &mut Conn, id: i64) -> sqlx::Result<Vec<Unreached>> {
    let rows = sqlx::query(
        "SELECT r.chat_id, c.patient_id, r.platform, r.status, r.error,
                COALESCE(p.name, pr.name) AS name, COALESCE(p.phone, pr.phone) AS phone
         FROM broadcast_recipients r JOIN chats c ON c.id = r.chat_id
         LEFT JOIN patients p ON p.id = c.patient_id LEFT JOIN providers pr ON pr.id = c.provider_id
         WHERE r.broadcast_id = $1 AND r.status IN ('failed', 'unreachable') ORDER BY r.id",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Unreached {
                chat_id: r.try_get("chat_id")?,
                patient_id: r.try_get("patient_id")?,
                platform: r.try_get("platform")?,
                status: r.code("status")?,
                error: r.try_get("error")?,
                name: r.try_get("name")?,
                phone: r.try_get("phone")?,
            })
        })
        .collect()
}

/// A chat's platform code.
pub async fn platform_of(conn: &mut Conn, chat_id: i64) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar("SELECT platform FROM chats WHERE id = $1")
        .bind(chat_id)
        .fetch_optional(&mut *conn)
        .await
}

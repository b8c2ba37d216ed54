//! Staff alerts as staff work them: listed with the patient they concern, acknowledged by a
//! named person ("I'm on it") and resolved with a note. An alert leaves the open list only once
//! a person resolved it. (Raising one is `chats::alert_staff`, inside the transaction of what
//! caused it.)

use chrono::{DateTime, Utc};
use sqlx::any::AnyRow;
use sqlx::{FromRow, Row};

use super::columns::Columns;
use super::{Conn, ms};

#[derive(Debug, Clone)]
pub struct Alert {
    pub id: i64,
    pub kind: String,
    pub patient_id: Option<i64>,
    pub patient_name: Option<String>,
    pub patient_phone: Option<String>,
    pub area: Option<String>,
    pub detail: String,
    pub created_at: DateTime<Utc>,
    pub acknowledged_at: Option<DateTime<Utc>>,
    pub acknowledged_by: Option<String>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub resolved_by: Option<String>,
    pub resolution: Option<String>,
}

impl FromRow<'_, AnyRow> for Alert {
    fn from_row(row: &AnyRow) -> sqlx::Result<Self> {
        Ok(Alert {
            id: row.try_get("id")?,
            kind: row.try_get("kind")?,
            patient_id: row.try_get("patient_id")?,
            patient_name: row.try_get("patient_name")?,
            patient_phone: row.try_get("patient_phone")?,
            area: row.try_get("area")?,
            detail: row.try_get("detail")?,
            created_at: row.at("created_at")?,
            acknowledged_at: row.at_opt("acknowledged_at")?,
            acknowledged_by: row.try_get("acknowledged_by_name")?,
            resolved_at: row.at_opt("resolved_at")?,
            resolved_by: row.try_get("resolved_by_name")?,
            resolution: row.try_get("resolution")?,
        })
    }
}

const ALERT: &str = "SELECT a.id, a.kind, a.patient_id, p.name AS patient_name, p.phone AS patient_phone, p.area,
        a.detail, a.created_at, a.acknowledged_at, k.name AS acknowledged_by_name, a.resolved_at,
        r.name AS resolved_by_name, a.resolution
     FROM staff_alerts a LEFT JOIN patients p ON p.id = a.patient_id
     LEFT JOIN staff k ON k.id = a.acknowledged_by LEFT JOIN staff r ON r.id = a.resolved_by";

/// Alerts not yet resolved, newest first; or (`open` false) the latest `limit` of all.
pub async fn list(conn: &mut Conn, open: bool, limit: i64) -> sqlx::Result<Vec<Alert>> {
    sqlx::query_as(&format!(
        "{ALERT} WHERE ($1 = 0 OR a.resolved_at IS NULL) ORDER BY a.id DESC LIMIT $2"
    ))
    .bind(i64::from(open))
    .bind(limit)
    .fetch_all(&mut *conn)
    .await
}

pub async fn get(conn: &mut Conn, id: i64) -> sqlx::Result<Option<Alert>> {
    sqlx::query_as(&format!("{ALERT} WHERE a.id = $1"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await
}

/// "I'm on it": the first acknowledgement stands; zero rows: already acknowledged.
pub async fn acknowledge(conn: &mut Conn, id: i64, staff_id: i64, now: DateTime<Utc>) -> sqlx::Result<u64> {
    Ok(sqlx::query(
        "UPDATE staff_alerts SET acknowledged_by = $1, acknowledged_at = $2 WHERE id = $3 AND acknowledged_at IS NULL",
    )
    .bind(staff_id)
    .bind(ms(now))
    .bind(id)
    .execute(&mut *conn)
    .await?
    .rows_affected())
}

/// Resolved with a note (acknowledged too, if nobody had); zero rows: already resolved.
pub async fn resolve(conn: &mut Conn, id: i64, staff_id: i64, note: &str, now: DateTime<Utc>) -> sqlx::Result<u64> {
    Ok(sqlx::query(
        "UPDATE staff_alerts SET resolved_by = $1, resolved_at = $2, resolution = $3,
                acknowledged_by = COALESCE(acknowledged_by, $1), acknowledged_at = COALESCE(acknowledged_at, $2)
         WHERE id = $4 AND resolved_at IS NULL",
    )
    .bind(staff_id)
    .bind(ms(now))
    .bind(note)
    .bind(id)
    .execute(&mut *conn)
    .await?
    .rows_affected())
}

/// An alert waiting for a page round: never paged, or (one of `repeated` kinds) paged at or
/// before `again_before` and still not taken by anyone.
#[derive(Debug, Clone)]
pub struct DuePage {
    pub alert: Alert,
    /// The round this alert had (`None`: never paged).
    pub round: Option<i64>,
}

pub async fn due_pages(
    conn: &mut Conn,
    repeated: &[&str],
    again_before: DateTime<Utc>,
    limit: i64,
) -> sqlx::Result<Vec<DuePage>> {
    // two indexed reads (never paged; paged again), each its own plan: an OR of the two would
    // read every open alert, and a wave has thousands
    let kinds: Vec<String> = repeated.iter().map(|k| format!("'{k}'")).collect();
    let fresh = sqlx::query(&format!(
        "{ALERT} WHERE a.page_round IS NULL AND a.acknowledged_at IS NULL AND a.resolved_at IS NULL
         ORDER BY a.id LIMIT $1"
    ))
    .bind(limit)
    .fetch_all(&mut *conn)
    .await?;
    let again = sqlx::query(&format!(
        "SELECT x.*, a2.page_round FROM ({ALERT} WHERE a.kind IN ({}) AND a.paged_at <= $1
             AND a.acknowledged_at IS NULL AND a.resolved_at IS NULL ORDER BY a.paged_at LIMIT $2) x
         JOIN staff_alerts a2 ON a2.id = x.id",
        kinds.join(", ")
    ))
    .bind(ms(again_before))
    .bind(limit)
    .fetch_all(&mut *conn)
    .await?;
    let mut out = Vec::with_capacity(fresh.len() + again.len());
    for r in &fresh {
        out.push(DuePage {
            alert: Alert::from_row(r)?,
            round: None,
        });
    }
    for r in &again {
        out.push(DuePage {
            alert: Alert::from_row(r)?,
            round: r.try_get("page_round")?,
        });
    }
    Ok(out)
}

/// Whether any alert waits for a page round (one indexed read, outside any transaction: the
/// timer loop asks it every round).
pub async fn any_page_due(db: &super::Db, repeated: &[&str], again_before: DateTime<Utc>) -> sqlx::Result<bool> {
    // the kinds are our own constants, never input
    let kinds: Vec<String> = repeated.iter().map(|k| format!("'{k}'")).collect();
    let fresh: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM staff_alerts WHERE page_round IS NULL AND acknowledged_at IS NULL AND resolved_at IS NULL LIMIT 1",
    )
    .fetch_optional(&db.pool)
    .await?;
    if fresh.is_some() {
        return Ok(true);
    }
    let again: Option<i64> = sqlx::query_scalar(&format!(
        "SELECT id FROM staff_alerts WHERE kind IN ({}) AND paged_at <= $1
           AND acknowledged_at IS NULL AND resolved_at IS NULL LIMIT 1",
        kinds.join(", ")
    ))
    .bind(ms(again_before))
    .fetch_optional(&db.pool)
    .await?;
    Ok(again.is_some())
}

/// Counts a round as gone for alerts nobody could be paged for (no one on duty with a chat),
/// in one statement: the console still shows them, and the next round comes when it is due.
pub async fn pass_rounds(conn: &mut Conn, ids: &[i64], now: DateTime<Utc>) -> sqlx::Result<()> {
    if ids.is_empty() {
        return Ok(());
    }
    let engine = super::Engine::of(conn);
    sqlx::query(&format!(
        "UPDATE staff_alerts SET page_round = COALESCE(page_round, -1) + 1, paged_at = $1
         WHERE acknowledged_at IS NULL AND {}",
        engine.in_id_set("id", "$2")
    ))
    .bind(ms(now))
    .bind(engine.id_set(ids))
    .execute(&mut *conn)
    .await
    .map(|_| ())
}

/// Takes the next page round of an alert: exactly one instance gets 1 (the round it read is
/// still the alert's), and the messages of that round go out with its commit.
pub async fn claim_page(conn: &mut Conn, id: i64, from: Option<i64>, now: DateTime<Utc>) -> sqlx::Result<u64> {
    let next = from.map_or(0, |r| r + 1);
    Ok(sqlx::query(
        "UPDATE staff_alerts SET page_round = $1, paged_at = $2
         WHERE id = $3 AND acknowledged_at IS NULL AND COALESCE(page_round, -1) = $4",
    )
    .bind(next)
    .bind(ms(now))
    .bind(id)
    .bind(from.unwrap_or(-1))
    .execute(&mut *conn)
    .await?
    .rows_affected())
}

//! Assessments and care requests.

use chrono::{DateTime, Utc};

use super::{Conn, ms};
use crate::domain::triage::{Assessment, Level, Reason, RequestKind};

pub fn urgency(level: Level) -> i64 {
    level as i64
}

/// The level a stored urgency stands for (the inverse of [`urgency`]).
pub fn level(urgency: i64) -> Option<Level> {
    Level::ALL.into_iter().find(|l| *l as i64 == urgency)
}

pub async fn insert_assessment(
    conn: &mut Conn,
    patient_id: i64,
    report_id: Option<i64>,
    a: &Assessment,
    now: DateTime<Utc>,
) -> anyhow::Result<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO assessments (patient_id, report_id, level, reasons, ruleset_version, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(patient_id)
    .bind(report_id)
    .bind(a.level.code())
    .bind(serde_json::to_string(&a.reasons)?)
    .bind(&a.ruleset_version)
    .bind(ms(now))
    .fetch_one(&mut *conn)
    .await?)
}

/// What happened to a request the assessment asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opened {
    New(i64),
    /// One of the same kind was open: its urgency was raised (or kept) instead.
    Existing(i64),
}

/// A care request an assessment asks for.
pub struct NewRequest<'a> {
    pub patient_id: i64,
    pub assessment_id: Option<i64>,
    pub kind: RequestKind,
    pub level: Level,
    pub target_at: DateTime<Utc>,
    pub reasons: &'a [Reason],
}

/// Opens a care request of `kind`, or raises the urgency of the open one of the same kind.
pub async fn open(conn: &mut Conn, r: &NewRequest<'_>, now: DateTime<Utc>) -> anyhow::Result<Opened> {
    let NewRequest {
        patient_id,
        assessment_id,
        kind,
        level,
        target_at,
        reasons,
    } = *r;
    let reasons = serde_json::to_string(reasons)?;
    // the usual case, a new request, in one statement
    let new: Option<i64> = sqlx::query_scalar(
        "INSERT INTO care_requests (patient_id, assessment_id, kind, urgency, target_at, reasons, created_at, updated_at)
         SELECT $1, $2, $3, $4, $5, $6, $7, $7
         WHERE NOT EXISTS (SELECT 1 FROM care_requests WHERE patient_id = $1 AND kind = $3
                           AND status IN ('open', 'assigned', 'in_progress'))
         RETURNING id",
    )
    .bind(patient_id)
    .bind(assessment_id)
    .bind(kind.code())
    .bind(urgency(level))
    .bind(ms(target_at))
    .bind(&reasons)
    .bind(ms(now))
    .fetch_optional(&mut *conn)
    .await?;
    if let Some(id) = new {
        return Ok(Opened::New(id));
    }
    let (id, old_urgency, old_target): (i64, i64, i64) = sqlx::query_as(
        "SELECT id, urgency, target_at FROM care_requests
         WHERE patient_id = $1 AND kind = $2 AND status IN ('open', 'assigned', 'in_progress')
         ORDER BY id LIMIT 1",
    )
    .bind(patient_id)
    .bind(kind.code())
    .fetch_one(&mut *conn)
    .await?;
    if urgency(level) > old_urgency {
        sqlx::query(
            "UPDATE care_requests SET urgency = $1, target_at = $2, reasons = $3, assessment_id = $4, updated_at = $5 WHERE id = $6",
        )
        .bind(urgency(level))
        .bind(ms(target_at).min(old_target))
        .bind(&reasons)
        .bind(assessment_id)
        .bind(ms(now))
        .bind(id)
        .execute(&mut *conn)
        .await?;
    }
    Ok(Opened::Existing(id))
}

/// Records where an oxygen request was routed (station, home, hospital).
pub async fn set_route(conn: &mut Conn, request_id: i64, route: &str) -> sqlx::Result<()> {
    sqlx::query("UPDATE care_requests SET route = $1 WHERE id = $2")
        .bind(route)
        .bind(request_id)
        .execute(&mut *conn)
        .await
        .map(|_| ())
}

/// The patient's open request of `kind`, if any (there is at most one: see [`open`]).
pub async fn open_of_kind(conn: &mut Conn, patient_id: i64, kind: RequestKind) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar(
        "SELECT id FROM care_requests WHERE patient_id = $1 AND kind = $2 AND status IN ('open', 'assigned', 'in_progress')
         ORDER BY id LIMIT 1",
    )
    .bind(patient_id)
    .bind(kind.code())
    .fetch_optional(&mut *conn)
    .await
}

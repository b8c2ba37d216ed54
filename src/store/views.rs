//! Read models for staff: patient lists, a patient's record, open care requests.

use chrono::{DateTime, Utc};

use sqlx::any::AnyRow;
use sqlx::{FromRow, Row};

use super::columns::Columns;
use super::sql::LIVE;
use super::{Conn, ms};
use crate::domain::patient::PatientStatus;
use crate::domain::triage::{Level, RequestKind, RequestStatus};
use crate::domain::vitals::Spo2;

#[derive(Debug, Clone)]
pub struct PatientRow {
    pub id: i64,
    pub name: String,
    pub area: Option<String>,
    pub status: PatientStatus,
    pub language: Option<String>,
    pub spo2: Option<Spo2>,
    pub temperature: Option<i64>,
    pub reported_at: Option<DateTime<Utc>>,
    pub level: Option<Level>,
    pub open_requests: i64,
    pub phone: String,
    pub onset_date: String,
    pub last_contact_at: Option<DateTime<Utc>>,
    /// Whether the patient's chat is bound (they entered their enrolment code).
    pub enrolled: bool,
}

impl FromRow<'_, AnyRow> for PatientRow {
    fn from_row(row: &AnyRow) -> sqlx::Result<Self> {
        Ok(PatientRow {
            id: row.try_get("id")?,
            name: row.try_get("name")?,
            area: row.try_get("area")?,
            status: row.code("status")?,
            language: row.try_get("language")?,
            spo2: row.spo2_opt("spo2")?,
            temperature: row.try_get("temperature")?,
            reported_at: row.at_opt("reported_at")?,
            level: row.code_opt("level")?,
            open_requests: row.try_get("open_requests")?,
            phone: row.try_get("phone")?,
            onset_date: row.try_get("onset_date")?,
            last_contact_at: row.at_opt("last_contact_at")?,
            enrolled: row.try_get::<i64, _>("enrolled")? > 0,
        })
    }
}

#[derive(Debug, Default)]
pub struct PatientFilter {
    pub status: Option<String>,
    pub area: Option<String>,
    pub level: Option<String>,
}

/// Patients with their latest completed report, latest assessment level and open requests.
pub async fn patients(conn: &mut Conn, f: &PatientFilter) -> sqlx::Result<Vec<PatientRow>> {
    sqlx::query_as(
        &format!("SELECT p.id, p.name, p.area, p.status, p.language,
                r.spo2, r.temperature, r.completed_at AS reported_at, a.level,
                (SELECT COUNT(*) FROM care_requests c
                  WHERE c.patient_id = p.id AND c.status IN {LIVE}) AS open_requests,
                p.phone, p.onset_date, p.last_contact_at,
                (SELECT COUNT(*) FROM chats h WHERE h.patient_id = p.id) AS enrolled
         FROM patients p
         LEFT JOIN reports r ON r.id = (SELECT MAX(id) FROM reports WHERE patient_id = p.id AND completed_at IS NOT NULL)
         LEFT JOIN assessments a ON a.id = (SELECT MAX(id) FROM assessments WHERE patient_id = p.id)
         WHERE ($1 IS NULL OR p.status = $1) AND ($2 IS NULL OR p.area = $2) AND ($3 IS NULL OR a.level = $3)
         ORDER BY p.id"),
    )
    .bind(&f.status)
    .bind(&f.area)
    .bind(&f.level)
    .fetch_all(&mut *conn)
    .await
}

#[derive(Debug, Clone)]
pub struct AssessmentRow {
    pub id: i64,
    pub report_id: Option<i64>,
    pub level: Level,
    pub reasons: String,
    pub ruleset_version: String,
    pub created_at: DateTime<Utc>,
}

impl FromRow<'_, AnyRow> for AssessmentRow {
    fn from_row(row: &AnyRow) -> sqlx::Result<Self> {
        Ok(AssessmentRow {
            id: row.try_get("id")?,
            report_id: row.try_get("report_id")?,
            level: row.code("level")?,
            reasons: row.try_get("reasons")?,
            ruleset_version: row.try_get("ruleset_version")?,
            created_at: row.at("created_at")?,
        })
    }
}

pub async fn assessments(conn: &mut Conn, patient_id: i64, limit: i64) -> sqlx::Result<Vec<AssessmentRow>> {
    sqlx::query_as(
        "SELECT id, report_id, level, reasons, ruleset_version, created_at FROM assessments
         WHERE patient_id = $1 ORDER BY id DESC LIMIT $2",
    )
    .bind(patient_id)
    .bind(limit)
    .fetch_all(&mut *conn)
    .await
}

#[derive(Debug, Clone)]
pub struct RequestRow {
    pub id: i64,
    pub patient_id: i64,
    pub patient_name: String,
    pub patient_phone: String,
    pub area: Option<String>,
    pub kind: RequestKind,
    pub urgency: Level,
    pub status: RequestStatus,
    pub target_at: DateTime<Utc>,
    pub reasons: String,
    pub created_at: DateTime<Utc>,
    pub closed_reason: Option<String>,
    pub provider_id: Option<i64>,
    pub provider_name: Option<String>,
    pub parent_id: Option<i64>,
    pub outcome: Option<String>,
    pub outcome_note: Option<String>,
    /// Where an oxygen request was routed (station, home, hospital).
    pub route: Option<String>,
}

impl FromRow<'_, AnyRow> for RequestRow {
    fn from_row(row: &AnyRow) -> sqlx::Result<Self> {
        Ok(RequestRow {
            id: row.try_get("id")?,
            patient_id: row.try_get("patient_id")?,
            patient_name: row.try_get("patient_name")?,
            patient_phone: row.try_get("patient_phone")?,
            area: row.try_get("area")?,
            kind: row.code("kind")?,
            urgency: row.urgency("urgency")?,
            status: row.code("status")?,
            target_at: row.at("target_at")?,
            reasons: row.try_get("reasons")?,
            created_at: row.at("created_at")?,
            closed_reason: row.try_get("closed_reason")?,
            provider_id: row.try_get("provider_id")?,
            provider_name: row.try_get("provider_name")?,
            parent_id: row.try_get("parent_id")?,
            outcome: row.try_get("outcome")?,
            outcome_note: row.try_get("outcome_note")?,
            route: row.try_get("route")?,
        })
    }
}

const REQUEST_ROW: &str =
    "SELECT c.id, c.patient_id, p.name AS patient_name, p.phone AS patient_phone, p.area, c.kind, c.urgency,
            c.status, c.target_at, c.reasons, c.created_at, c.closed_reason, c.provider_id, v.name AS provider_name,
            c.parent_id, c.outcome, c.outcome_note, c.route
     FROM care_requests c JOIN patients p ON p.id = c.patient_id LEFT JOIN providers v ON v.id = c.provider_id";

/// One care request, whatever its state.
pub async fn request(conn: &mut Conn, id: i64) -> sqlx::Result<Option<RequestRow>> {
    sqlx::query_as(&format!("{REQUEST_ROW} WHERE c.id = $1"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await
}

/// Requests opened from this one (a prescription's delivery, a nurse's doctor consultation …).
pub async fn follow_ups(conn: &mut Conn, id: i64) -> sqlx::Result<Vec<RequestRow>> {
    sqlx::query_as(&format!("{REQUEST_ROW} WHERE c.parent_id = $1 ORDER BY c.id"))
        .bind(id)
        .fetch_all(&mut *conn)
        .await
}

/// Every care request of a patient, whatever its state, newest first.
pub async fn requests_of(conn: &mut Conn, patient_id: i64) -> sqlx::Result<Vec<RequestRow>> {
    sqlx::query_as(&format!("{REQUEST_ROW} WHERE c.patient_id = $1 ORDER BY c.id DESC"))
        .bind(patient_id)
        .fetch_all(&mut *conn)
        .await
}

/// Open care requests (open, assigned, in progress), most urgent first, then oldest first.
pub async fn open_requests(conn: &mut Conn, kind: Option<&str>) -> sqlx::Result<Vec<RequestRow>> {
    sqlx::query_as(&format!(
        "{REQUEST_ROW}
         WHERE c.status IN {LIVE} AND ($1 IS NULL OR c.kind = $1)
         ORDER BY c.urgency DESC, c.created_at ASC, c.id ASC"
    ))
    .bind(kind)
    .fetch_all(&mut *conn)
    .await
}

/// The open care requests a provider holds, soonest deadline first (their menu's "my open
/// requests").
pub async fn held_by(conn: &mut Conn, provider_id: i64) -> sqlx::Result<Vec<RequestRow>> {
    sqlx::query_as(&format!(
        "{REQUEST_ROW} WHERE c.provider_id = $1 AND c.status IN {LIVE} ORDER BY c.target_at ASC, c.id ASC"
    ))
    .bind(provider_id)
    .fetch_all(&mut *conn)
    .await
}

/// Moves a request to `to` if the state machine allows it from where it is. Zero rows: no such
/// request, or not from its current state.
pub async fn move_request(
    conn: &mut Conn,
    id: i64,
    to: RequestStatus,
    reason: Option<&str>,
    staff_id: Option<i64>,
    now: DateTime<Utc>,
) -> sqlx::Result<u64> {
    let from: Vec<String> = to.allowed_from().iter().map(|s| format!("'{}'", s.code())).collect();
    if from.is_empty() {
        return Ok(0);
    }
    // the list holds our own constant codes only, never input
    let sql = format!(
        "UPDATE care_requests SET status = $1, closed_reason = COALESCE($2, closed_reason), closed_by = $3, updated_at = $4
         WHERE id = $5 AND status IN ({})",
        from.join(", ")
    );
    Ok(sqlx::query(&sql)
        .bind(to.code())
        .bind(reason)
        .bind(staff_id)
        .bind(ms(now))
        .bind(id)
        .execute(&mut *conn)
        .await?
        .rows_affected())
}

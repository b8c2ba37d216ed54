//! Offers of care requests to providers, and the request's side of a chain.

use chrono::{DateTime, Utc};

use sqlx::any::AnyRow;
use sqlx::{FromRow, Row};

use super::columns::Columns;
use super::sql::{HOLDING, LIVE, TAKEN};
use super::{Conn, Engine, chats, ms};
use crate::domain::chain::OfferStatus;
use crate::domain::request::{Level, RequestKind, RequestStatus};

#[derive(Debug, Clone)]
pub struct Offer {
    pub id: i64,
    pub care_request_id: i64,
    pub provider_id: i64,
    pub step: i64,
    pub status: OfferStatus,
    pub deadline_at: DateTime<Utc>,
}

impl FromRow<'_, AnyRow> for Offer {
    fn from_row(row: &AnyRow) -> sqlx::Result<Self> {
        Ok(Offer {
            id: row.try_get("id")?,
            care_request_id: row.try_get("care_request_id")?,
            provider_id: row.try_get("provider_id")?,
            step: row.try_get("step")?,
            status: row.code("status")?,
            deadline_at: row.at("deadline_at")?,
        })
    }
}

/// The request as a chain sees it.
#[derive(Debug, Clone)]
pub struct Request {
    pub id: i64,
    pub patient_id: i64,
    pub kind: RequestKind,
    pub urgency: Level,
    pub status: RequestStatus,
    pub target_at: DateTime<Utc>,
    pub reasons: String,
    pub chain_step: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub provider_id: Option<i64>,
    pub parent_id: Option<i64>,
    /// The capacity (bed free, kit in stock) an oxygen request was routed by as it was opened
    /// (`store::care::NewRequest::oxygen_routes`); not stored.
    pub routed_by: Option<(bool, bool)>,
}

impl FromRow<'_, AnyRow> for Request {
    fn from_row(row: &AnyRow) -> sqlx::Result<Self> {
        Ok(Request {
            id: row.try_get("id")?,
            patient_id: row.try_get("patient_id")?,
            kind: row.code("kind")?,
            urgency: row.urgency("urgency")?,
            status: row.code("status")?,
            target_at: row.at("target_at")?,
            reasons: row.try_get("reasons")?,
            chain_step: row.try_get("chain_step")?,
            created_at: row.at("created_at")?,
            provider_id: row.try_get("provider_id")?,
            parent_id: row.try_get("parent_id")?,
            routed_by: None,
        })
    }
}

const REQUEST: &str =
    "SELECT id, patient_id, kind, urgency, status, target_at, reasons, chain_step, created_at, provider_id, parent_id
     FROM care_requests";

pub async fn request(conn: &mut Conn, id: i64) -> sqlx::Result<Option<Request>> {
    sqlx::query_as(&format!("{REQUEST} WHERE id = $1"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await
}

pub async fn set_step(conn: &mut Conn, request_id: i64, step: i64, now: DateTime<Utc>) -> sqlx::Result<()> {
    sqlx::query("UPDATE care_requests SET chain_step = $1, updated_at = $2 WHERE id = $3")
        .bind(step)
        .bind(ms(now))
        .bind(request_id)
        .execute(&mut *conn)
        .await
        .map(|_| ())
}

/// The chain has no step left: the request stands at `step` (staff's) and staff are alerted
/// (`detail`) to arrange it, in one statement.
pub async fn hand_to_staff(
    conn: &mut Conn,
    request_id: i64,
    step: i64,
    patient_id: i64,
    detail: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    const KIND: &str = "chain_exhausted";
    chats::log_alert(KIND, Some(patient_id), None);
    let sql = Engine::of(conn).join_writes(&[
        "UPDATE care_requests SET chain_step = $1, updated_at = $2 WHERE id = $3".into(),
        format!("{} ($4, $5, NULL, $6, $2)", chats::INSERT_ALERT),
    ]);
    sqlx::query(&sql)
        .bind(step)
        .bind(ms(now))
        .bind(request_id)
        .bind(KIND)
        .bind(patient_id)
        .bind(detail)
        .execute(&mut *conn)
        .await
        .map(|_| ())
}

/// Moves the time by which the request must be done (a held prescription, an accept).
pub async fn set_target(conn: &mut Conn, request_id: i64, at: DateTime<Utc>, now: DateTime<Utc>) -> sqlx::Result<()> {
    sqlx::query("UPDATE care_requests SET target_at = $1, updated_at = $2 WHERE id = $3")
        .bind(ms(at))
        .bind(ms(now))
        .bind(request_id)
        .execute(&mut *conn)
        .await
        .map(|_| ())
}

pub async fn create(
    conn: &mut Conn,
    request_id: i64,
    provider_id: i64,
    step: i64,
    deadline: DateTime<Utc>,
    now: DateTime<Utc>,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO offers (care_request_id, provider_id, step, offered_at, deadline_at) VALUES ($1, $2, $3, $4, $5)
         RETURNING id",
    )
    .bind(request_id)
    .bind(provider_id)
    .bind(step)
    .bind(ms(now))
    .bind(ms(deadline))
    .fetch_one(&mut *conn)
    .await
}

pub async fn get(conn: &mut Conn, id: i64) -> sqlx::Result<Option<Offer>> {
    sqlx::query_as("SELECT id, care_request_id, provider_id, step, status, deadline_at FROM offers WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await
}

/// Every offer of the request, oldest first (what is open, and who was asked, in one read).
pub async fn all_for(conn: &mut Conn, request_id: i64) -> sqlx::Result<Vec<Offer>> {
    sqlx::query_as(
        "SELECT id, care_request_id, provider_id, step, status, deadline_at FROM offers
         WHERE care_request_id = $1 ORDER BY id",
    )
    .bind(request_id)
    .fetch_all(&mut *conn)
    .await
}

/// Offers of the request still waiting for an answer.
pub async fn open_for(conn: &mut Conn, request_id: i64) -> sqlx::Result<Vec<Offer>> {
    sqlx::query_as(
        "SELECT id, care_request_id, provider_id, step, status, deadline_at FROM offers
         WHERE care_request_id = $1 AND status = 'offered' ORDER BY id",
    )
    .bind(request_id)
    .fetch_all(&mut *conn)
    .await
}

/// Brings forward the time by which the request's open offers must be answered.
pub async fn hasten_open(conn: &mut Conn, request_id: i64, deadline: DateTime<Utc>) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE offers SET deadline_at = $1 WHERE care_request_id = $2 AND status = 'offered' AND deadline_at > $1",
    )
    .bind(ms(deadline))
    .bind(request_id)
    .execute(&mut *conn)
    .await
    .map(|_| ())
}

/// Sets an open offer's answer; zero rows: it was no longer open.
pub async fn answer(conn: &mut Conn, id: i64, status: OfferStatus, now: DateTime<Utc>) -> sqlx::Result<u64> {
    Ok(
        sqlx::query("UPDATE offers SET status = $1, answered_at = $2 WHERE id = $3 AND status = 'offered'")
            .bind(status.code())
            .bind(ms(now))
            .bind(id)
            .execute(&mut *conn)
            .await?
            .rows_affected(),
    )
}

/// Takes the request for a provider: exactly one caller gets 1 (the row is locked until commit,
/// so a concurrent second accept waits and then finds it taken).
pub async fn assign(conn: &mut Conn, request_id: i64, provider_id: i64, now: DateTime<Utc>) -> sqlx::Result<u64> {
    Ok(sqlx::query(
        "UPDATE care_requests SET status = 'assigned', provider_id = $1, updated_at = $2 WHERE id = $3 AND status = 'open'",
    )
    .bind(provider_id)
    .bind(ms(now))
    .bind(request_id)
    .execute(&mut *conn)
    .await?
    .rows_affected())
}

/// Staff hand the request to a provider, whether it is open or already someone's; zero rows: it
/// is closed.
pub async fn reassign(conn: &mut Conn, request_id: i64, provider_id: i64, now: DateTime<Utc>) -> sqlx::Result<u64> {
    Ok(sqlx::query(&format!(
        "UPDATE care_requests SET status = 'assigned', provider_id = $1, updated_at = $2
         WHERE id = $3 AND status IN {LIVE}"
    ))
    .bind(provider_id)
    .bind(ms(now))
    .bind(request_id)
    .execute(&mut *conn)
    .await?
    .rows_affected())
}

/// The holder gives the request back (the support centre cannot arrange it): it is open again,
/// with nobody's name on it, and the holder's acceptance is marked reassigned. Zero rows: it is
/// not theirs.
pub async fn return_to_staff(conn: &mut Conn, request_id: i64, holder: i64, now: DateTime<Utc>) -> sqlx::Result<u64> {
    let n = sqlx::query(
        "UPDATE care_requests SET status = 'open', provider_id = NULL, updated_at = $1
         WHERE id = $2 AND provider_id = $3 AND status IN ('assigned', 'in_progress')",
    )
    .bind(ms(now))
    .bind(request_id)
    .bind(holder)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    if n > 0 {
        sqlx::query(&format!(
            "UPDATE offers SET status = 'reassigned' WHERE care_request_id = $1 AND provider_id = $2 AND status IN {HOLDING}"
        ))
        .bind(request_id)
        .bind(holder)
        .execute(&mut *conn)
        .await?;
    }
    Ok(n)
}

/// Keeps a manual assignment in the chain's history: the earlier acceptance or assignment is
/// marked reassigned and an `assigned` row names the new provider.
pub async fn record_assignment(
    conn: &mut Conn,
    request_id: i64,
    provider_id: i64,
    step: i64,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query(&format!(
        "UPDATE offers SET status = 'reassigned' WHERE care_request_id = $1 AND status IN {HOLDING}"
    ))
    .bind(request_id)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "INSERT INTO offers (care_request_id, provider_id, step, status, offered_at, deadline_at, answered_at)
         VALUES ($1, $2, $3, 'assigned', $4, $4, $4)",
    )
    .bind(request_id)
    .bind(provider_id)
    .bind(step)
    .bind(ms(now))
    .execute(&mut *conn)
    .await
    .map(|_| ())
}

/// One line of a request's chain history.
#[derive(Debug, Clone)]
pub struct HistoryLine {
    pub care_request_id: i64,
    pub provider_id: i64,
    pub provider_name: String,
    pub role: String,
    pub step: i64,
    pub status: OfferStatus,
    pub offered_at: DateTime<Utc>,
    pub deadline_at: DateTime<Utc>,
    pub answered_at: Option<DateTime<Utc>>,
}

impl FromRow<'_, AnyRow> for HistoryLine {
    fn from_row(row: &AnyRow) -> sqlx::Result<Self> {
        Ok(HistoryLine {
            care_request_id: row.try_get("care_request_id")?,
            provider_id: row.try_get("provider_id")?,
            provider_name: row.try_get("provider_name")?,
            role: row.try_get("role")?,
            step: row.try_get("step")?,
            status: row.code("status")?,
            offered_at: row.at("offered_at")?,
            deadline_at: row.at("deadline_at")?,
            answered_at: row.at_opt("answered_at")?,
        })
    }
}

const HISTORY: &str =
    "SELECT o.care_request_id, o.provider_id, p.name AS provider_name, p.role, o.step, o.status, o.offered_at,
            o.deadline_at, o.answered_at
     FROM offers o JOIN providers p ON p.id = o.provider_id";

/// Who was offered the request, when, and what they answered, in order.
pub async fn history(conn: &mut Conn, request_id: i64) -> sqlx::Result<Vec<HistoryLine>> {
    sqlx::query_as(&format!("{HISTORY} WHERE o.care_request_id = $1 ORDER BY o.id"))
        .bind(request_id)
        .fetch_all(&mut *conn)
        .await
}

/// The chain history of every request of a patient, in order.
pub async fn history_of_patient(conn: &mut Conn, patient_id: i64) -> sqlx::Result<Vec<HistoryLine>> {
    sqlx::query_as(&format!(
        "{HISTORY} WHERE o.care_request_id IN (SELECT id FROM care_requests WHERE patient_id = $1) ORDER BY o.id"
    ))
    .bind(patient_id)
    .fetch_all(&mut *conn)
    .await
}

/// The chain history of every request still open, assigned or in progress, in order.
pub async fn history_of_open(conn: &mut Conn) -> sqlx::Result<Vec<HistoryLine>> {
    sqlx::query_as(&format!(
        "{HISTORY} WHERE o.care_request_id IN
           (SELECT id FROM care_requests WHERE status IN {LIVE})
         ORDER BY o.id"
    ))
    .fetch_all(&mut *conn)
    .await
}

/// Closes the offers still waiting when staff close the request themselves.
pub async fn withdraw_open(conn: &mut Conn, request_id: i64, now: DateTime<Utc>) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE offers SET status = 'withdrawn', answered_at = $1 WHERE care_request_id = $2 AND status = 'offered'",
    )
    .bind(ms(now))
    .bind(request_id)
    .execute(&mut *conn)
    .await
    .map(|_| ())
}

/// The latest request of `kind` the provider holds (assigned or in progress), if any.
pub async fn held_by(conn: &mut Conn, provider_id: i64, kind: RequestKind) -> sqlx::Result<Option<Request>> {
    sqlx::query_as(&format!(
        "{REQUEST} WHERE provider_id = $1 AND kind = $2 AND status IN {TAKEN} ORDER BY id DESC LIMIT 1"
    ))
    .bind(provider_id)
    .bind(kind.code())
    .fetch_optional(&mut *conn)
    .await
}

/// The provider's request, if it is assigned to them and still open for an outcome.
pub async fn assigned_to(conn: &mut Conn, request_id: i64, provider_id: i64) -> sqlx::Result<Option<Request>> {
    sqlx::query_as(&format!(
        "{REQUEST} WHERE id = $1 AND provider_id = $2 AND status IN {TAKEN}"
    ))
    .bind(request_id)
    .bind(provider_id)
    .fetch_optional(&mut *conn)
    .await
}

/// Records the provider's outcome and closes the request; zero rows: already closed.
pub async fn record_outcome(conn: &mut Conn, request_id: i64, outcome: &str, now: DateTime<Utc>) -> sqlx::Result<u64> {
    Ok(sqlx::query(&format!(
        "UPDATE care_requests SET status = 'done', outcome = $1, outcome_at = $2, updated_at = $2, closed_reason = $1
         WHERE id = $3 AND status IN {TAKEN}"
    ))
    .bind(outcome)
    .bind(ms(now))
    .bind(request_id)
    .execute(&mut *conn)
    .await?
    .rows_affected())
}

/// The provider's latest outcome of the last day that has no note yet.
pub async fn awaiting_note(conn: &mut Conn, provider_id: i64, since: DateTime<Utc>) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar(
        "SELECT id FROM care_requests WHERE provider_id = $1 AND outcome IS NOT NULL AND outcome_note IS NULL
           AND outcome_at >= $2 ORDER BY outcome_at DESC LIMIT 1",
    )
    .bind(provider_id)
    .bind(ms(since))
    .fetch_optional(&mut *conn)
    .await
}

/// The patient of the provider's latest request closed with `outcome` since `since`.
pub async fn latest_outcome_patient(
    conn: &mut Conn,
    provider_id: i64,
    outcome: &str,
    since: DateTime<Utc>,
) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar(
        "SELECT patient_id FROM care_requests WHERE provider_id = $1 AND outcome = $2 AND outcome_at >= $3
         ORDER BY outcome_at DESC, id DESC LIMIT 1",
    )
    .bind(provider_id)
    .bind(outcome)
    .bind(ms(since))
    .fetch_optional(&mut *conn)
    .await
}

pub async fn set_note(conn: &mut Conn, request_id: i64, note: &str) -> sqlx::Result<()> {
    sqlx::query("UPDATE care_requests SET outcome_note = $1 WHERE id = $2")
        .bind(note)
        .bind(request_id)
        .execute(&mut *conn)
        .await
        .map(|_| ())
}

pub async fn set_parent(conn: &mut Conn, request_id: i64, parent_id: i64) -> sqlx::Result<()> {
    sqlx::query("UPDATE care_requests SET parent_id = $1 WHERE id = $2 AND parent_id IS NULL")
        .bind(parent_id)
        .bind(request_id)
        .execute(&mut *conn)
        .await
        .map(|_| ())
}

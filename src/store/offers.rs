//! Offers of care requests to providers, and the request's side of a chain.

use chrono::{DateTime, Utc};

use super::{Conn, ms};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Offer {
    pub id: i64,
    pub care_request_id: i64,
    pub provider_id: i64,
    pub step: i64,
    pub status: String,
    pub deadline_at: i64,
}

/// The request as a chain sees it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Request {
    pub id: i64,
    pub patient_id: i64,
    pub kind: String,
    pub urgency: i64,
    pub status: String,
    pub target_at: i64,
    pub reasons: String,
    pub chain_step: Option<i64>,
}

pub async fn request(conn: &mut Conn, id: i64) -> sqlx::Result<Option<Request>> {
    sqlx::query_as(
        "SELECT id, patient_id, kind, urgency, status, target_at, reasons, chain_step FROM care_requests WHERE id = $1",
    )
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

/// Providers this request was offered to already (each is asked once).
pub async fn offered_to(conn: &mut Conn, request_id: i64) -> sqlx::Result<Vec<i64>> {
    sqlx::query_scalar("SELECT provider_id FROM offers WHERE care_request_id = $1")
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

/// Sets an open offer's answer; zero rows: it was no longer open.
pub async fn answer(conn: &mut Conn, id: i64, status: &str, now: DateTime<Utc>) -> sqlx::Result<u64> {
    Ok(
        sqlx::query("UPDATE offers SET status = $1, answered_at = $2 WHERE id = $3 AND status = 'offered'")
            .bind(status)
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

/// The provider's request, if it is assigned to them and still open for an outcome.
pub async fn assigned_to(conn: &mut Conn, request_id: i64, provider_id: i64) -> sqlx::Result<Option<Request>> {
    sqlx::query_as(
        "SELECT id, patient_id, kind, urgency, status, target_at, reasons, chain_step FROM care_requests
         WHERE id = $1 AND provider_id = $2 AND status IN ('assigned', 'in_progress')",
    )
    .bind(request_id)
    .bind(provider_id)
    .fetch_optional(&mut *conn)
    .await
}

/// Records the provider's outcome and closes the request; zero rows: already closed.
pub async fn record_outcome(conn: &mut Conn, request_id: i64, outcome: &str, now: DateTime<Utc>) -> sqlx::Result<u64> {
    Ok(sqlx::query(
        "UPDATE care_requests SET status = 'done', outcome = $1, outcome_at = $2, updated_at = $2, closed_reason = $1
         WHERE id = $3 AND status IN ('assigned', 'in_progress')",
    )
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

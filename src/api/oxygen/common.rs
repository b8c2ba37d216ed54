//! What the oxygen routes share: auditing, the workflow context, reading a body and a reason.

use crate::api::error::ApiError;
use crate::care::context::Ctx;
use crate::runtime::state::AppState;
use crate::store::staff;
use axum::Json;
use axum::http::StatusCode;
use serde::Deserialize;

/// Writes a read to the audit log, once the read is done and before its answer goes out (see
/// `api::audit`: its commit makes what the read saw durable).
pub(super) async fn audited(state: &AppState, who: i64, action: &str, subject: Option<&str>) -> Result<(), ApiError> {
    let mut tx = state.db.begin().await?;
    staff::audit(&mut tx, Some(who), action, subject, state.clock.now()).await?;
    state.commit(tx).await.map_err(ApiError::from)
}

pub(super) fn ctx(state: &AppState) -> Ctx<'_> {
    state.ctx()
}

/// A JSON body, or a 400 that shows what to send.
pub(super) fn body<T>(
    b: Result<Json<T>, axum::extract::rejection::JsonRejection>,
    example: &'static str,
) -> Result<T, ApiError> {
    b.map(|Json(t)| t)
        .map_err(|_| ApiError::new(StatusCode::BAD_REQUEST, example))
}

pub(super) fn reason_of(r: &str) -> Result<&str, ApiError> {
    let r = r.trim();
    if r.is_empty() {
        return Err(ApiError::new(StatusCode::BAD_REQUEST, "a reason is required"));
    }
    Ok(r)
}

#[derive(Deserialize)]
pub(super) struct ReasonBody {
    pub(super) reason: String,
}

/// The patients an area-limited account may see (`None`: every patient), for the lists here
/// whose rows name only a patient id.
pub(super) async fn visible_patients(
    conn: &mut crate::store::Conn,
    who: &staff::Staff,
) -> sqlx::Result<Option<std::collections::HashSet<i64>>> {
    if who.areas.is_none() {
        return Ok(None);
    }
    let all: Vec<(i64, Option<String>)> = sqlx::query_as("SELECT id, area FROM patients")
        .fetch_all(&mut *conn)
        .await?;
    Ok(Some(
        all.into_iter()
            .filter(|(_, area)| who.sees(area.as_deref()))
            .map(|(id, _)| id)
            .collect(),
    ))
}

/// A change about a patient outside the account's areas is refused as if the patient did not
/// exist.
pub(super) async fn check_patient(
    conn: &mut crate::store::Conn,
    who: &staff::Staff,
    patient_id: i64,
) -> Result<(), ApiError> {
    match crate::store::patients::get(conn, patient_id).await? {
        Some(p) if who.sees(p.area.as_deref()) => Ok(()),
        _ => Err(ApiError::new(StatusCode::NOT_FOUND, "no such patient")),
    }
}

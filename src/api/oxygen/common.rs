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

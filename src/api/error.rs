//! The staff API's one error type: a status and a fixed message as the JSON body; internal
//! detail is logged, never returned.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::json;

/// An API error: a status and a fixed message; internal detail is logged, never returned.
pub struct ApiError(pub StatusCode, pub &'static str);

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.0, Json(json!({ "error": self.1 }))).into_response()
    }
}

/// A failure inside a conversation step (storage, in practice): logged, never shown.
impl From<anyhow::Error> for ApiError {
    fn from(e: anyhow::Error) -> Self {
        tracing::error!(error = %e, "API step failed");
        ApiError(StatusCode::SERVICE_UNAVAILABLE, "storage unavailable, try again")
    }
}

impl From<sqlx::Error> for ApiError {
    fn from(e: sqlx::Error) -> Self {
        tracing::error!(error = %e, "API storage error");
        ApiError(StatusCode::SERVICE_UNAVAILABLE, "storage unavailable, try again")
    }
}

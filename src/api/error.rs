//! The HTTP layer's one error type, for the staff API and the webhooks: a status and a message
//! as the JSON body (`{"error": …}`); internal detail is logged, never returned.

use std::borrow::Cow;

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::json;

/// A status and what the caller is told; internal detail is logged, never returned.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub message: Cow<'static, str>,
}

impl ApiError {
    pub fn new(status: StatusCode, message: impl Into<Cow<'static, str>>) -> ApiError {
        ApiError {
            status,
            message: message.into(),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(json!({ "error": self.message }))).into_response()
    }
}

/// A failure inside a conversation step (storage, in practice): logged, never shown.
impl From<anyhow::Error> for ApiError {
    fn from(e: anyhow::Error) -> Self {
        tracing::error!(error = %e, "API step failed");
        ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "storage unavailable, try again")
    }
}

impl From<sqlx::Error> for ApiError {
    fn from(e: sqlx::Error) -> Self {
        tracing::error!(error = %e, "API storage error");
        ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "storage unavailable, try again")
    }
}

//! Who is calling: a staff API token, checked on every request.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::error::ApiError;
use crate::runtime::state::AppState;
use crate::store::staff::{self, Staff};

/// The authenticated staff member (`Authorization: Bearer <token>`).
pub struct Auth(pub Staff);

impl FromRequestParts<AppState> for Auth {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let token = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim)
            .filter(|t| !t.is_empty());
        let unauthorized = || {
            let mut r = ApiError::new(StatusCode::UNAUTHORIZED, "a valid staff API token is required").into_response();
            r.headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
            r
        };
        let Some(token) = token else {
            return Err(unauthorized());
        };
        let mut conn = state
            .db
            .pool
            .acquire()
            .await
            .map_err(|e| ApiError::from(e).into_response())?;
        match staff::by_token(&mut conn, token).await {
            Ok(Some(s)) => Ok(Auth(s)),
            Ok(None) => Err(unauthorized()),
            Err(e) => Err(ApiError::from(e).into_response()),
        }
    }
}

//! Who is calling and whether they may: a staff API token, checked on every request against the
//! action its route declares ([`needs`]) and the caller's role ([`Role::allows`]). A route that
//! declares nothing is refused: permissions fail closed.

use axum::Extension;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::MethodRouter;

use super::error::ApiError;
use crate::domain::access::{Action, Role};
use crate::runtime::state::AppState;
use crate::store::staff::{self, Staff};

/// The action a route performs, set on the route by [`needs`].
#[derive(Debug, Clone, Copy)]
pub struct Needs(pub Action);

/// Declares what `route` does: only roles that allow `action` get past [`Auth`].
pub fn needs<S: Clone + Send + Sync + 'static>(action: Action, route: MethodRouter<S>) -> MethodRouter<S> {
    route.layer(Extension(Needs(action)))
}

/// How long a request waits for a token lookup before it is told to try again.
const LOOKUP_WAIT: std::time::Duration = std::time::Duration::from_secs(5);

/// The authenticated staff member (`Authorization: Bearer <token>`), allowed the route's action.
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
            let mut r = ApiError::new(
                StatusCode::UNAUTHORIZED,
                "a valid staff API token is required (it may have expired or been revoked)",
            )
            .into_response();
            r.headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
            r
        };
        let Some(token) = token else {
            state.metrics.api_auth("missing");
            return Err(unauthorized());
        };
        if !staff::token_well_formed(token) {
            // no token the service issued looks like this: refused without the database
            state.metrics.api_auth("malformed");
            return Err(unauthorized());
        }
        // a few lookups at a time: a flood of forged tokens waits here, not in the pool
        let permit = tokio::time::timeout(LOOKUP_WAIT, state.token_lookups.acquire()).await;
        let Ok(Ok(_permit)) = permit else {
            state.metrics.api_auth("busy");
            return Err(
                ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "too many requests at once, try again").into_response(),
            );
        };
        let mut conn = state
            .db
            .pool
            .acquire()
            .await
            .map_err(|e| ApiError::from(e).into_response())?;
        let who = match staff::by_token(&mut conn, token, state.clock.now()).await {
            Ok(Some(s)) => s,
            Ok(None) => {
                state.metrics.api_auth("unknown");
                return Err(unauthorized());
            }
            Err(e) => return Err(ApiError::from(e).into_response()),
        };
        drop(conn);
        state.metrics.api_auth("valid");
        let needed = parts.extensions.get::<Needs>().map(|n| n.0);
        match needed {
            Some(action) if who.role.allows(action) => Ok(Auth(who)),
            _ => Err(refuse(state, &who, needed, parts.uri.path()).await),
        }
    }
}

/// A refusal: audited (who, what, where) and answered 403 with what the role may not do.
pub async fn refuse(state: &AppState, who: &Staff, needed: Option<Action>, path: &str) -> Response {
    let action = needed.map_or("undeclared", Action::code);
    let audited = async {
        let mut tx = state.db.begin().await?;
        staff::audit(
            &mut tx,
            Some(who.id),
            &format!("denied.{action}"),
            Some(path),
            state.clock.now(),
        )
        .await?;
        tx.commit().await
    };
    if let Err(e) = audited.await {
        return ApiError::from(e).into_response();
    }
    ApiError::new(StatusCode::FORBIDDEN, refusal(who.role, needed)).into_response()
}

fn refusal(role: Role, needed: Option<Action>) -> String {
    match needed {
        Some(action) => format!("the role '{}' may not {}", role.code(), action.code()),
        None => "this route declares no permission and is refused".to_string(),
    }
}

//! HTTP: the two webhooks, health and metrics. Webhooks verify over the raw bytes, store, and
//! only then answer 2xx (docs/ARCHITECTURE.md invariant 1); all processing happens in the worker.

use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use tokio::sync::oneshot;

use crate::api::ApiError;
use crate::channels::{NewEvent, Platform, line, telegram};
use crate::runtime::state::AppState;
use crate::runtime::state::IngestRequest;

/// Bodies over 1 MiB are refused with 413.
pub const MAX_BODY: usize = 1024 * 1024;

pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/webhooks/line", post(line_webhook))
        .route("/webhooks/telegram", post(telegram_webhook))
        .route("/healthz", get(|| async { "ok" }))
        .route("/readyz", get(readyz))
        .route("/metrics", get(metrics))
        .merge(crate::api::router())
        .merge(crate::console::router())
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(tower_http::trace::TraceLayer::new_for_http())
        .with_state(state)
}

/// Makes `events` durable; returns once they are committed.
async fn store(state: &AppState, platform: Platform, events: Vec<NewEvent>) -> Result<StatusCode, ApiError> {
    if events.is_empty() {
        return Ok(StatusCode::OK);
    }
    let n = events.len() as u64;
    let received = state.clock.now();
    let (done, wait) = oneshot::channel();
    state
        .ingest
        .send(IngestRequest { events, received, done })
        .await
        .map_err(|_| ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "storage unavailable, try again"))?;
    match wait.await {
        Ok(Ok(_)) => {
            state.metrics.received(platform.code(), "stored", n);
            Ok(StatusCode::OK)
        }
        _ => Err(ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "storage unavailable, try again",
        )),
    }
}

async fn line_webhook(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Result<StatusCode, ApiError> {
    let Some(config) = &state.config.line else {
        return Err(ApiError::new(StatusCode::NOT_FOUND, "not found"));
    };
    let signature = headers.get("x-line-signature").and_then(|v| v.to_str().ok());
    if !line::verify_signature(&config.channel_secret, &body, signature) {
        state.metrics.received("line", "bad_signature", 1);
        return Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "signature or secret token missing or wrong",
        ));
    }
    let oldest = state.clock.now() - state.config.event_retention;
    let (events, replays) = line::split_events(&body, oldest.timestamp_millis())
        .map_err(|_| ApiError::new(StatusCode::BAD_REQUEST, "body is not a LINE webhook object"))?;
    if replays > 0 {
        // older than the deduplication window: a replay, refused without being stored
        state.metrics.received("line", "replay", replays as u64);
        tracing::warn!(replays, "LINE events older than the deduplication window refused");
    }
    store(&state, Platform::Line, events).await
}

async fn telegram_webhook(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<StatusCode, ApiError> {
    let Some(config) = &state.config.telegram else {
        return Err(ApiError::new(StatusCode::NOT_FOUND, "not found"));
    };
    let token = headers.get("x-telegram-bot-api-secret-token").map(|v| v.as_bytes());
    if !telegram::verify_secret(&config.webhook_secret, token) {
        state.metrics.received("telegram", "bad_secret", 1);
        return Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "signature or secret token missing or wrong",
        ));
    }
    let event = telegram::to_event(&body)
        .map_err(|_| ApiError::new(StatusCode::BAD_REQUEST, "body is not a Telegram update"))?;
    store(&state, Platform::Telegram, vec![event]).await
}

async fn readyz(State(state): State<AppState>) -> Result<&'static str, ApiError> {
    if !state.loops.down().is_empty() {
        return Err(ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "a background loop is restarting",
        ));
    }
    state
        .db
        .ping()
        .await
        .map_err(|_| ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "storage unavailable, try again"))?;
    Ok("ready")
}

async fn metrics(State(state): State<AppState>) -> impl IntoResponse {
    // over-triage is counted: how often a question turned out not to be needed
    match crate::store::questions::counts(&state.db).await {
        Ok(counts) => state.metrics.set_safety_questions(&counts),
        Err(e) => tracing::warn!(error = %e, "safety question counts unavailable"),
    }
    (
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")],
        state.metrics.render(),
    )
}

//! Broadcasts for staff (`/api/v1/broadcasts`): compose a draft and see who would get it, send
//! now or at a time, approve a large one (a second member of staff), cancel, follow the counts,
//! and take the list of those not reached as CSV for the phone team.

use std::collections::BTreeMap;

use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::api::auth::{Auth, needs};
use crate::api::error::ApiError;
use crate::care::broadcast::{self, Draft, Refused};
use crate::domain::access::Action;
use crate::domain::broadcast::Segment;
use crate::runtime::state::AppState;
use crate::store::broadcasts::{self, Broadcast};

pub fn router() -> Router<AppState> {
    use axum::routing::{get, post};
    Router::new()
        .route(
            "/api/v1/broadcasts",
            needs(Action::Read, get(list)).merge(needs(Action::Broadcast, post(compose))),
        )
        .route("/api/v1/broadcasts/{id}", needs(Action::Read, get(show)))
        .route(
            "/api/v1/broadcasts/{id}/unreached",
            needs(Action::ExportPatientData, get(unreached)),
        )
        .route("/api/v1/broadcasts/{id}/{action}", needs(Action::Broadcast, post(act)))
}

fn refused(r: Refused) -> ApiError {
    match r {
        Refused::NotFound => ApiError::new(StatusCode::NOT_FOUND, "no such broadcast"),
        Refused::Empty => ApiError::new(StatusCode::BAD_REQUEST, "a title and a text are required"),
        Refused::MissingText(langs) => ApiError::new(
            StatusCode::CONFLICT,
            format!(
                "recipients read {} and there is no text in it: add one, or set a fallback language",
                langs.join(", ")
            ),
        ),
        Refused::NotNow => ApiError::new(StatusCode::CONFLICT, "the broadcast is not in a state for this"),
        Refused::OwnApproval => ApiError::new(StatusCode::FORBIDDEN, "a second member of staff must approve it"),
        Refused::OutsideAreas => ApiError::new(StatusCode::FORBIDDEN, "areas outside your own"),
        Refused::OverQuota(q) => ApiError::new(
            StatusCode::CONFLICT,
            format!(
                "LINE's monthly quota does not fit it: {} of {} used, {} needed",
                q.used.unwrap_or_default(),
                q.limit.map_or("no limit".into(), |l| l.to_string()),
                q.needed
            ),
        ),
    }
}

fn summary(b: &Broadcast) -> Value {
    json!({
        "id": b.id, "title": b.title, "texts": b.texts, "fallback": b.fallback,
        "check_in_button": b.check_in_button, "segment": b.segment, "status": b.status.code(),
        "send_at": b.send_at.map(|t| t.to_rfc3339()), "created_by": b.created_by,
        "approved_by": b.approved_by, "stop_reason": b.stop_reason,
        "created_at": b.created_at.to_rfc3339(),
        "started_at": b.started_at.map(|t| t.to_rfc3339()),
        "finished_at": b.finished_at.map(|t| t.to_rfc3339()),
    })
}

async fn list(State(state): State<AppState>, Auth(_who): Auth) -> Result<Json<Value>, ApiError> {
    let mut conn = state.db.pool.acquire().await?;
    let all = broadcasts::list(&mut conn).await?;
    Ok(Json(
        json!({ "broadcasts": all.iter().map(summary).collect::<Vec<_>>() }),
    ))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ComposeBody {
    title: String,
    /// {"ja": "…", "en": "…"}
    texts: BTreeMap<String, String>,
    #[serde(default)]
    fallback: Option<String>,
    #[serde(default)]
    check_in_button: bool,
    segment: Segment,
    #[serde(default)]
    send_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// A draft, and who would get it now.
async fn compose(
    State(state): State<AppState>,
    Auth(who): Auth,
    body: Result<Json<ComposeBody>, axum::extract::rejection::JsonRejection>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let Ok(Json(b)) = body else {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "send JSON: {\"title\": \"…\", \"texts\": {\"ja\": \"…\"}, \"segment\": {\"audience\": \"patients\"}}",
        ));
    };
    let ctx = state.ctx();
    let draft = Draft {
        title: b.title,
        texts: b.texts,
        fallback: b.fallback,
        check_in_button: b.check_in_button,
        segment: b.segment,
        send_at: b.send_at,
    };
    let mut tx = state.db.begin().await?;
    let id = broadcast::compose(&mut tx, &ctx, &who, draft).await?.map_err(refused)?;
    state.commit(tx).await?;
    let quota = broadcast::line_quota(state.line.as_deref()).await;
    let mut conn = state.db.pool.acquire().await?;
    Ok((StatusCode::CREATED, Json(shown(&mut conn, &ctx, id, quota).await?)))
}

/// A broadcast with its counts, and who would get it while it has not started.
async fn shown(
    conn: &mut crate::store::Conn,
    ctx: &crate::care::context::Ctx<'_>,
    id: i64,
    quota: Option<broadcast::LineQuota>,
) -> Result<Value, ApiError> {
    let Some(b) = broadcasts::get(conn, id).await? else {
        return Err(refused(Refused::NotFound));
    };
    let mut out = summary(&b);
    out["counts"] = json!(broadcasts::counts(conn, id).await?);
    if b.started_at.is_none() {
        let p = broadcast::preview(conn, ctx, &b, quota).await?;
        let copies: BTreeMap<&String, Value> = p
            .copies
            .iter()
            .map(|(lang, m)| {
                let buttons: Vec<&String> = m.choices.iter().map(|c| &c.label).collect();
                (lang, json!({"text": m.text, "buttons": buttons}))
            })
            .collect();
        out["preview"] = json!({
            "recipients": p.total, "by_language": p.by_language, "by_platform": p.by_platform,
            "missing_languages": p.missing, "needs_approval": p.needs_approval, "copies": copies,
        });
        if let Some(q) = p.line_quota {
            out["preview"]["line_quota"] = json!({
                "limit": q.limit, "used": q.used, "needed": q.needed, "fits": q.fits,
            });
        }
    }
    Ok(out)
}

async fn show(State(state): State<AppState>, Auth(_who): Auth, Path(id): Path<i64>) -> Result<Json<Value>, ApiError> {
    let ctx = state.ctx();
    let quota = broadcast::line_quota(state.line.as_deref()).await;
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(shown(&mut conn, &ctx, id, quota).await?))
}

#[derive(Deserialize, Default)]
struct ActBody {
    #[serde(default)]
    reason: String,
}

/// `send`, `approve` or `cancel`.
async fn act(
    State(state): State<AppState>,
    Auth(who): Auth,
    Path((id, action)): Path<(i64, String)>,
    body: Option<Json<ActBody>>,
) -> Result<Json<Value>, ApiError> {
    let ctx = state.ctx();
    // LINE's monthly quota, asked before the transaction, is checked before it starts
    let quota = match action.as_str() {
        "send" => broadcast::line_quota(state.line.as_deref()).await,
        _ => None,
    };
    let mut tx = state.db.begin().await?;
    let done = match action.as_str() {
        "send" => broadcast::send(&mut tx, &ctx, &who, id, quota).await?.map(|_| ()),
        "approve" => broadcast::approve(&mut tx, &ctx, &who, id).await?,
        "cancel" => {
            let reason = body.map(|b| b.0.reason).unwrap_or_default();
            broadcast::cancel(&mut tx, &ctx, &who, id, &reason).await?
        }
        _ => {
            return Err(ApiError::new(
                StatusCode::NOT_FOUND,
                "action must be send, approve or cancel",
            ));
        }
    };
    done.map_err(refused)?;
    tx.commit().await?;
    state.wake_broadcasts.notify_one();
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(shown(&mut conn, &ctx, id, None).await?))
}

/// Those not reached, with why, as CSV for the phone team (audited: it names patients).
async fn unreached(State(state): State<AppState>, Auth(who): Auth, Path(id): Path<i64>) -> Result<Response, ApiError> {
    let mut conn = state.db.pool.acquire().await?;
    let rows = broadcasts::unreached(&mut conn, id).await?;
    drop(conn);
    let mut tx = state.db.begin().await?;
    let subject = format!("broadcast:{id}");
    let patients: Vec<i64> = rows.iter().filter_map(|r| r.patient_id).collect();
    let entry = crate::store::audit::Entry {
        staff_id: Some(who.id),
        action: "broadcast.unreached",
        subject: Some(&subject),
        patients: &patients,
        ..Default::default()
    };
    crate::store::audit::record(&mut tx, &entry, state.clock.now()).await?;
    tx.commit().await?;
    let mut w = csv::Writer::from_writer(Vec::new());
    let write = |w: &mut csv::Writer<Vec<u8>>| -> csv::Result<()> {
        w.write_record(["name", "phone", "platform", "status", "why"])?;
        for r in &rows {
            w.write_record([
                r.name.as_deref().unwrap_or(""),
                r.phone.as_deref().unwrap_or(""),
                r.platform.as_str(),
                r.status.code(),
                r.error.as_deref().unwrap_or(""),
            ])?;
        }
        Ok(())
    };
    let body = write(&mut w)
        .ok()
        .and_then(|_| w.into_inner().ok())
        .ok_or_else(|| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "the list could not be written"))?;
    let mut response = body.into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    Ok(response)
}

//! The staff JSON API under `/api/v1`, with bearer API tokens (`mimamori staff add`). Every read
//! of patient data and every change is written to the audit log. The OpenAPI document is
//! `api/openapi.json`, served at `/api/v1/openapi.json`.

use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::care::desk::{self, EpisodeChange, Refused};
use crate::domain::access::Action;
use crate::domain::triage::{Level, RequestStatus};
use crate::i18n::Lang;
use crate::present;
use crate::runtime::state::AppState;
use crate::store::staff::Staff;
use crate::store::timers::{self, TimerKind};
use crate::store::views::{self, PatientFilter};
use crate::store::{offers, patients, reports};

pub mod auth;
pub mod broadcasts;
pub mod error;
pub mod exports;
pub mod oxygen;
mod registration;

pub use auth::{Auth, needs};
pub use error::ApiError;

pub const OPENAPI: &str = include_str!("../../api/openapi.json");

/// Every route with the action it performs (see [`auth::needs`] and `domain::access`).
pub fn router() -> Router<AppState> {
    use Action::*;
    Router::new()
        .route("/api/v1/openapi.json", get(openapi))
        .route("/api/v1/patients", needs(Read, get(list_patients)))
        .route("/api/v1/patients", needs(ManagePatients, post(registration::register)))
        .route("/api/v1/patients/{id}", needs(Read, get(patient)))
        .route("/api/v1/patients/{id}/episode", needs(ManagePatients, post(episode)))
        .route(
            "/api/v1/patients/{id}/messages",
            needs(ManagePatients, post(message_patient)),
        )
        .route("/api/v1/care-requests", needs(Read, get(list_requests)))
        .route("/api/v1/care-requests/{id}", needs(Read, get(request)))
        .route(
            "/api/v1/care-requests/{id}/assign",
            needs(ActOnRequests, post(assign_request)),
        )
        .route(
            "/api/v1/care-requests/{id}/close",
            needs(ActOnRequests, post(close_request)),
        )
        .route("/api/v1/reports/providers", needs(Read, get(provider_report)))
        .route("/api/v1/exports/{kind}", needs(ExportPatientData, get(exports::export)))
        .route(
            "/api/v1/patients/{id}/fhir",
            needs(ExportPatientData, get(exports::fhir)),
        )
        .route(
            "/api/v1/care-requests/{id}/status",
            needs(ActOnRequests, post(close_request)),
        )
        .merge(oxygen::router())
        .merge(broadcasts::router())
}

#[derive(Deserialize, Default)]
pub struct LangQuery {
    lang: Option<String>,
}

fn lang_of(q: Option<&str>) -> Lang {
    q.and_then(Lang::from_tag).unwrap_or(Lang::JA)
}

/// Writes a read to the audit log. Called once the read is done and before its answer goes
/// out: the audit's commit waits for the disk and so makes everything the read saw durable too
/// (the workers commit without waiting, see `Db::connect`), so staff are never shown, nor act on
/// the id of, a row that a database crash could forget and give to another. The read's
/// connection goes back to the pool first: the audit takes one of its own, and a pool's worth of
/// reads each holding theirs would wait for each other.
async fn audit(state: &AppState, who: &Staff, action: &str, subject: Option<&str>) -> Result<(), ApiError> {
    audit_list(state, who, action, subject, None, &[]).await
}

/// [`audit`] for a list or an export: its filter and the patients it returned.
async fn audit_list(
    state: &AppState,
    who: &Staff,
    action: &str,
    subject: Option<&str>,
    filter: Option<&str>,
    patients: &[i64],
) -> Result<(), ApiError> {
    let mut tx = state.db.begin().await?;
    let entry = crate::store::audit::Entry {
        staff_id: Some(who.id),
        action,
        subject,
        detail: filter,
        patients,
        ..Default::default()
    };
    crate::store::audit::record(&mut tx, &entry, state.clock.now()).await?;
    state.commit(tx).await?;
    Ok(())
}

async fn openapi() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI)
}

#[derive(Deserialize)]
struct PatientQuery {
    status: Option<String>,
    area: Option<String>,
    severity: Option<String>,
}

async fn list_patients(
    State(state): State<AppState>,
    Auth(who): Auth,
    Query(q): Query<PatientQuery>,
) -> Result<Json<Value>, ApiError> {
    if q.severity.as_deref().is_some_and(|s| Level::from_code(s).is_none()) {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "severity must be stable, watch, moderate, urgent or emergency",
        ));
    }
    let mut conn = state.db.pool.acquire().await?;
    let filter = PatientFilter {
        status: q.status,
        area: q.area,
        level: q.severity,
    };
    let mut rows = views::patients(&mut conn, &filter).await?;
    drop(conn);
    rows.retain(|p| who.sees(p.area.as_deref()));
    let asked = json!({"status": filter.status, "area": filter.area, "severity": filter.level}).to_string();
    let ids: Vec<i64> = rows.iter().map(|p| p.id).collect();
    audit_list(&state, &who, "patients.list", None, Some(&asked), &ids).await?;
    let patients: Vec<Value> = rows
        .iter()
        .map(|p| {
            json!({
                "id": p.id, "name": p.name, "area": p.area, "status": p.status,
                "severity": p.level,
                "latest_reading": p.reported_at.map(|at| json!({
                    "spo2": p.spo2,
                    "temperature": p.temperature.map(|t| t as f64 / 10.0),
                    "reported_at": at.to_rfc3339(),
                })),
                "open_care_requests": p.open_requests,
            })
        })
        .collect();
    Ok(Json(json!({ "patients": patients })))
}

async fn patient(
    State(state): State<AppState>,
    Auth(who): Auth,
    Path(id): Path<i64>,
    Query(q): Query<LangQuery>,
) -> Result<Json<Value>, ApiError> {
    let lang = lang_of(q.lang.as_deref());
    let mut conn = state.db.pool.acquire().await?;
    let p = patients::get(&mut conn, id).await?;
    let reports = reports::for_patient(&mut conn, id, 100).await?;
    let asked = crate::store::questions::for_patient(&mut conn, id).await?;
    let assessments = views::assessments(&mut conn, id, 100).await?;
    let requests = views::requests_of(&mut conn, id).await?;
    let chat = crate::store::chats::for_patient(&mut conn, id).await?;
    let next_check_in = timers::pending_due(&mut conn, id, TimerKind::CheckIn).await?;
    let extra_check_in = timers::pending_due(&mut conn, id, TimerKind::ExtraCheckIn).await?;
    let release = timers::pending_due(&mut conn, id, TimerKind::Release).await?;
    let chains = offers::history_of_patient(&mut conn, id).await?;
    drop(conn);
    audit(&state, &who, "patient.read", Some(&format!("patient:{id}"))).await?;
    // another area's patient is as unknown as one that does not exist
    let Some(p) = p.filter(|p| who.sees(p.area.as_deref())) else {
        return Err(ApiError::new(StatusCode::NOT_FOUND, "no such patient"));
    };
    Ok(Json(json!({
        "id": p.id, "name": p.name, "phone": p.phone, "birth_date": p.birth_date,
        "onset_date": p.onset_date, "test_date": p.test_date, "area": p.area, "status": p.status,
        "independent": p.independent, "address": p.address,
        "episode_note": p.episode_note,
        "observed_by": if p.nurse_observed { "nurse" } else { "self" },
        "last_contact_at": p.last_contact_at.map(|t| t.to_rfc3339()),
        "released_at": p.released_at.map(|t| t.to_rfc3339()),
        "next_check_in_at": next_check_in.map(|t| t.to_rfc3339()),
        "extra_check_in_at": extra_check_in.map(|t| t.to_rfc3339()),
        "release_at": release.map(|t| t.to_rfc3339()),
        "chat": chat.map(|c| json!({"platform": c.platform, "status": c.status})),
        "risk_factors": p.risk_factors.split(',').filter(|s| !s.is_empty()).collect::<Vec<_>>(),
        "language": p.language,
        "readings": reports.iter().map(|r| present::report_json_in(&state.locales, lang, r)).collect::<Vec<_>>(),
        "safety_questions": asked.iter().map(present::question_json).collect::<Vec<_>>(),
        "assessments": assessments.iter().map(|a| json!({
            "id": a.id, "report_id": a.report_id, "level": a.level,
            "reasons": present::reasons_json(&state.locales, lang, &a.reasons),
            "ruleset_version": a.ruleset_version,
            "at": a.created_at.to_rfc3339(),
        })).collect::<Vec<_>>(),
        "care_requests": present::requests_json(&state.locales, lang, &requests, &chains),
    })))
}

#[derive(Deserialize)]
struct RequestQuery {
    kind: Option<String>,
    lang: Option<String>,
}

async fn list_requests(
    State(state): State<AppState>,
    Auth(who): Auth,
    Query(q): Query<RequestQuery>,
) -> Result<Json<Value>, ApiError> {
    let mut conn = state.db.pool.acquire().await?;
    let mut rows = views::open_requests(&mut conn, q.kind.as_deref()).await?;
    let history = offers::history_of_open(&mut conn).await?;
    drop(conn);
    rows.retain(|r| who.sees(r.area.as_deref()));
    let asked = json!({"kind": q.kind}).to_string();
    let ids: Vec<i64> = rows.iter().map(|r| r.patient_id).collect();
    audit_list(&state, &who, "care_requests.list", None, Some(&asked), &ids).await?;
    Ok(Json(
        json!({ "care_requests": present::requests_json(&state.locales, lang_of(q.lang.as_deref()), &rows, &history) }),
    ))
}

/// One care request, whatever its state: its chain history and the requests opened from it.
async fn request(
    State(state): State<AppState>,
    Auth(who): Auth,
    Path(id): Path<i64>,
    Query(q): Query<LangQuery>,
) -> Result<Json<Value>, ApiError> {
    let mut conn = state.db.pool.acquire().await?;
    let row = views::request(&mut conn, id).await?;
    let history = offers::history(&mut conn, id).await?;
    let follow_ups = views::follow_ups(&mut conn, id).await?;
    drop(conn);
    audit(&state, &who, "care_request.read", Some(&format!("care_request:{id}"))).await?;
    let Some(row) = row.filter(|r| who.sees(r.area.as_deref())) else {
        return Err(ApiError::new(StatusCode::NOT_FOUND, "no such care request"));
    };
    let lang = lang_of(q.lang.as_deref());
    let mut out = present::requests_json(&state.locales, lang, std::slice::from_ref(&row), &history);
    let mut one = out.as_array_mut().and_then(|a| a.pop()).unwrap_or(Value::Null);
    one["follow_ups"] = present::requests_json(&state.locales, lang, &follow_ups, &[]);
    Ok(Json(one))
}

#[derive(Deserialize)]
struct ReportQuery {
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
    format: Option<String>,
    lang: Option<String>,
}

/// `GET /api/v1/reports/providers?from=YYYY-MM-DD&to=YYYY-MM-DD&format=csv|json`.
async fn provider_report(
    State(state): State<AppState>,
    Auth(who): Auth,
    q: Result<Query<ReportQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, ApiError> {
    let Ok(Query(q)) = q else {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "give from and to as YYYY-MM-DD (and format=csv|json)",
        ));
    };
    let format = q.format.as_deref().unwrap_or("csv");
    if !matches!(format, "csv" | "json") {
        return Err(ApiError::new(StatusCode::BAD_REQUEST, "format must be csv or json"));
    }
    let (start, end) = present::report_period(q.from, q.to, state.config.timezone)
        .map_err(|why| ApiError::new(StatusCode::BAD_REQUEST, why))?;
    let mut conn = state.db.pool.acquire().await?;
    let lines = crate::store::performance::report(&mut conn, start, end).await?;
    drop(conn);
    audit(&state, &who, "report.providers", Some(&format!("{}..{}", q.from, q.to))).await?;
    let lang = lang_of(q.lang.as_deref());
    let body = present::render_provider_report(&state.locales, lang, q.from, q.to, &lines, format).map_err(|e| {
        tracing::error!(error = %e, "report rendering failed");
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "the report could not be written")
    })?;
    let headers = if format == "json" {
        vec![(header::CONTENT_TYPE, "application/json".to_string())]
    } else {
        vec![
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"providers-{}-{}.csv\"", q.from, q.to),
            ),
        ]
    };
    let mut response = body.into_response();
    for (name, value) in headers {
        if let Ok(v) = HeaderValue::from_str(&value) {
            response.headers_mut().insert(name, v);
        }
    }
    Ok(response)
}

#[derive(Deserialize)]
struct AssignBody {
    provider_id: i64,
    reason: String,
}

/// Staff hand a request to a provider by hand (or to another one): the provider is told in chat
/// as if they had accepted, the patient is told who will contact them.
async fn assign_request(
    State(state): State<AppState>,
    Auth(who): Auth,
    Path(id): Path<i64>,
    body: Result<Json<AssignBody>, axum::extract::rejection::JsonRejection>,
) -> Result<Json<Value>, ApiError> {
    let Ok(Json(body)) = body else {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "send JSON: {\"provider_id\": 12, \"reason\": \"…\"}",
        ));
    };
    let ctx = state.ctx();
    let mut tx = state.db.begin().await?;
    desk::assign(&mut tx, &ctx, &who, id, body.provider_id, &body.reason)
        .await?
        .map_err(refused)?;
    state.commit(tx).await?;
    Ok(Json(
        json!({ "id": id, "status": "assigned", "provider_id": body.provider_id }),
    ))
}

/// A staff action's refusal as the API says it.
fn refused(r: Refused) -> ApiError {
    match r {
        Refused::NotFound => ApiError::new(StatusCode::NOT_FOUND, "no such care request or patient"),
        Refused::NoReason => ApiError::new(StatusCode::BAD_REQUEST, "a reason is required"),
        Refused::NoProvider => ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "no active doctor, nurse or pharmacist with this id",
        ),
        Refused::NotNow => ApiError::new(
            StatusCode::CONFLICT,
            "the care request is closed or cannot move to that status",
        ),
        Refused::Ended => ApiError::new(StatusCode::CONFLICT, "the patient's episode has already ended"),
        Refused::BadDay => ApiError::new(StatusCode::BAD_REQUEST, "until is not a valid day"),
        Refused::NoChat => ApiError::new(StatusCode::CONFLICT, "the patient has no reachable chat"),
        Refused::NeedsAssignee => ApiError::new(
            StatusCode::BAD_REQUEST,
            "a request is assigned to a provider: POST /api/v1/care-requests/{id}/assign with provider_id and reason",
        ),
    }
}

#[derive(Deserialize)]
struct CloseBody {
    /// `assigned`, `in_progress`, `done` or `cancelled` (`status` is accepted as its name too)
    #[serde(alias = "status")]
    outcome: String,
    #[serde(default)]
    reason: String,
}

/// Moves a care request on: assigned, in progress, or closed as done / cancelled with a reason.
async fn close_request(
    State(state): State<AppState>,
    Auth(who): Auth,
    Path(id): Path<i64>,
    body: Result<Json<CloseBody>, axum::extract::rejection::JsonRejection>,
) -> Result<Json<Value>, ApiError> {
    let Ok(Json(body)) = body else {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "send JSON: {\"outcome\": \"done\"|\"cancelled\"|\"assigned\"|\"in_progress\", \"reason\": \"…\"}",
        ));
    };
    let Some(to) = RequestStatus::from_code(&body.outcome).filter(|s| *s != RequestStatus::Open) else {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "outcome must be in_progress, done or cancelled (assign names the provider: /assign)",
        ));
    };
    let mut tx = state.db.begin().await?;
    desk::move_request(&mut tx, &who, id, to, &body.reason, state.clock.now())
        .await?
        .map_err(refused)?;
    state.commit(tx).await?;
    Ok(Json(json!({ "id": id, "status": to.code() })))
}

#[derive(Deserialize)]
struct EpisodeBody {
    /// `end`, `extend`, `nurse_observation` or `self_report`
    action: String,
    reason: String,
    /// For `extend`: the episode lasts at least until the start of this day (YYYY-MM-DD).
    until: Option<chrono::NaiveDate>,
}

#[derive(Deserialize)]
struct MessageBody {
    text: String,
}

/// Staff write to one patient: the text goes to the patient's chat through the outbox, audited.
async fn message_patient(
    State(state): State<AppState>,
    Auth(who): Auth,
    Path(id): Path<i64>,
    body: Result<Json<MessageBody>, axum::extract::rejection::JsonRejection>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let Ok(Json(body)) = body
        .map_err(|_| ())
        .and_then(|b| if b.text.trim().is_empty() { Err(()) } else { Ok(b) })
    else {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "send JSON with the words to send: {\"text\": \"…\"}",
        ));
    };
    let ctx = state.ctx();
    let mut tx = state.db.begin().await?;
    desk::message_patient(&mut tx, &ctx, &who, id, &body.text)
        .await?
        .map_err(refused)?;
    state.commit(tx).await?;
    Ok((StatusCode::ACCEPTED, Json(json!({ "patient": id, "queued": true }))))
}

/// Staff end or extend a patient's episode, with a reason.
async fn episode(
    State(state): State<AppState>,
    Auth(who): Auth,
    Path(id): Path<i64>,
    body: Result<Json<EpisodeBody>, axum::extract::rejection::JsonRejection>,
) -> Result<Json<Value>, ApiError> {
    let Ok(Json(body)) = body else {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "send JSON: {\"action\": \"end\"|\"extend\"|\"nurse_observation\"|\"self_report\", \"reason\": \"…\", \"until\": \"YYYY-MM-DD\"}",
        ));
    };
    let change = match (body.action.as_str(), body.until) {
        ("end", _) => EpisodeChange::End,
        ("extend", Some(day)) => EpisodeChange::Extend(day),
        ("extend", None) => {
            return Err(ApiError::new(
                StatusCode::BAD_REQUEST,
                "extend needs until (YYYY-MM-DD)",
            ));
        }
        ("nurse_observation", _) => EpisodeChange::NurseObservation(true),
        ("self_report", _) => EpisodeChange::NurseObservation(false),
        _ => {
            return Err(ApiError::new(
                StatusCode::BAD_REQUEST,
                "action must be end, extend, nurse_observation or self_report",
            ));
        }
    };
    let ctx = state.ctx();
    let mut tx = state.db.begin().await?;
    desk::change_episode(&mut tx, &ctx, &who, id, change, &body.reason)
        .await?
        .map_err(refused)?;
    state.commit(tx).await?;
    Ok(Json(json!({ "id": id, "action": body.action })))
}

//! `GET /api/v1/exports/{kind}`: patients, reports, care requests, oxygen units or admissions
//! as CSV for Excel, for a period and an area, streamed; every export is audited with its filter.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use serde::Deserialize;

use super::auth::Auth;
use super::error::ApiError;
use crate::i18n::Lang;
use crate::runtime::exports as exports_run;
use crate::runtime::state::AppState;
use crate::store::exports;

#[derive(Deserialize)]
pub(super) struct ExportQuery {
    /// First day, YYYY-MM-DD (the ward's time zone).
    from: Option<NaiveDate>,
    /// Last day, included.
    to: Option<NaiveDate>,
    area: Option<String>,
    /// Headings in `en`; Japanese otherwise.
    lang: Option<String>,
}

pub(super) async fn export(
    State(state): State<AppState>,
    Auth(who): Auth,
    Path(kind): Path<String>,
    Query(q): Query<ExportQuery>,
) -> Result<Response, ApiError> {
    let kind = kind.trim_end_matches(".csv");
    let Some(export) = exports::export(kind) else {
        let known: Vec<&str> = exports::EXPORTS.iter().map(|e| e.name).collect();
        return Err(ApiError::new(
            StatusCode::NOT_FOUND,
            format!("no export {kind:?}; one of {}", known.join(", ")),
        ));
    };
    let filter = exports_run::filter(&state, &who, q.from, q.to, q.area.as_deref())
        .map_err(|e| ApiError::new(StatusCode::BAD_REQUEST, e))?;
    let lang = q.lang.as_deref().and_then(Lang::from_tag).unwrap_or(Lang::JA);
    exports_run::record(&state, who.id, export, &filter, &q.from, &q.to).await?;
    Ok(exports_run::attachment(
        export.name,
        exports_run::body(&state, export, filter, lang),
    ))
}

/// `GET /api/v1/patients/{id}/fhir`: the patient's record as a FHIR R4 Bundle; audited.
pub(super) async fn fhir(
    State(state): State<AppState>,
    Auth(who): Auth,
    Path(id): Path<i64>,
) -> Result<Response, ApiError> {
    let mut tx = state.db.begin().await?;
    let patient = crate::store::patients::get(&mut tx, id).await?;
    // another area's patient is as unknown as one that does not exist
    let Some(patient) = patient.filter(|p| who.sees(p.area.as_deref())) else {
        return Err(ApiError::new(StatusCode::NOT_FOUND, "no such patient"));
    };
    let Some(bundle) = crate::runtime::fhir::patient_bundle(&mut tx, patient.id, state.clock.now()).await? else {
        return Err(ApiError::new(StatusCode::NOT_FOUND, "no such patient"));
    };
    let entry = crate::store::audit::Entry {
        staff_id: Some(who.id),
        action: "export.fhir",
        subject: Some(&format!("patient:{id}")),
        patients: &[id],
        ..crate::store::audit::Entry::default()
    };
    crate::store::audit::record(&mut tx, &entry, state.clock.now()).await?;
    state.commit(tx).await?;
    let mut r = axum::Json(bundle).into_response();
    r.headers_mut().insert(
        axum::http::header::CONTENT_TYPE,
        axum::http::HeaderValue::from_static("application/fhir+json"),
    );
    Ok(r)
}

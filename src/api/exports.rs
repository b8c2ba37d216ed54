//! `GET /api/v1/exports/{kind}`: patients, reports, care requests, oxygen units or admissions
//! as CSV for Excel, for a period and an area, streamed; every export is audited with its filter.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use chrono::NaiveDate;
use serde::Deserialize;

use super::{ApiError, Auth};
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
    exports_run::record(&state, who.id, export, &q.from, &q.to, filter.area.as_deref()).await?;
    Ok(exports_run::attachment(
        export.name,
        exports_run::body(&state, export, filter, lang),
    ))
}

//! The health centre's console under `/console`: server-rendered pages (askama templates in
//! `templates/console/`, htmx for live parts, both embedded in the binary), signed in with a
//! login and password, every page and form declaring the action it performs exactly as the API
//! routes do (`api::auth::needs`, `domain::access`).

mod alerts;
mod broadcasts;
mod chart;
mod now;
mod page;
mod patient;
mod patients;
mod resources;
mod session;

use axum::Router;
use axum::http::header;
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};

use crate::api::needs;
use crate::domain::access::Action;
use crate::runtime::state::AppState;

pub use page::Tr;

const HTMX: &str = include_str!("../../assets/htmx.min.js");
const CSS: &str = include_str!("../../assets/console.css");

/// Every page and form with the action it performs.
pub fn router() -> Router<AppState> {
    use Action::*;
    Router::new()
        .route("/console", get(|| async { Redirect::to("/console/now") }))
        .route("/console/assets/htmx.min.js", get(|| asset("text/javascript", HTMX)))
        .route("/console/assets/console.css", get(|| asset("text/css", CSS)))
        .route("/console/lang/{lang}", get(session::set_language))
        .route("/console/signin", get(session::sign_in_page).post(session::sign_in))
        .route("/console/signout", post(session::sign_out))
        .route("/console/now", needs(Read, get(now::page)))
        .route("/console/now/live", needs(Read, get(now::live)))
        .route("/console/requests/{id}/assign", needs(ActOnRequests, post(now::assign)))
        .route("/console/requests/{id}/note", needs(ActOnRequests, post(now::note)))
        .route("/console/requests/{id}/close", needs(ActOnRequests, post(now::close)))
        .route("/console/alerts", needs(Read, get(alerts::page)))
        .route(
            "/console/alerts/{id}/ack",
            needs(ActOnRequests, post(alerts::acknowledge)),
        )
        .route(
            "/console/alerts/{id}/resolve",
            needs(ActOnRequests, post(alerts::resolve)),
        )
        .route(
            "/console/patients",
            needs(Read, get(patients::page)).merge(needs(ManagePatients, post(patients::register))),
        )
        .route("/console/patients/{id}", needs(Read, get(patient::page)))
        .route("/console/exports", needs(ExportPatientData, get(patients::export)))
        .route("/console/patients/{id}/sheet", needs(Read, get(patients::sheet)))
        .route(
            "/console/patients/{id}/episode",
            needs(ManagePatients, post(patient::episode)),
        )
        .route(
            "/console/patients/{id}/message",
            needs(ManagePatients, post(patient::message_patient)),
        )
        .route(
            "/console/patients/{id}/requests",
            needs(ActOnRequests, post(patient::open_request)),
        )
        .route(
            "/console/broadcasts",
            needs(Read, get(broadcasts::page)).merge(needs(Broadcast, post(broadcasts::compose))),
        )
        .route(
            "/console/broadcasts/{id}/unreached.csv",
            needs(ExportPatientData, get(broadcasts::unreached)),
        )
        .route(
            "/console/broadcasts/{id}/{action}",
            needs(Broadcast, post(broadcasts::act)),
        )
        .route("/console/resources", needs(Read, get(resources::page)))
        .route("/console/audit", needs(ReadAudit, get(resources::audit)))
}

async fn asset(content_type: &'static str, body: &'static str) -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        body,
    )
}

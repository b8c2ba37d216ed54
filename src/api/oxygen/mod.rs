//! Oxygen equipment, orders, the station's beds and admissions, and the contractors' open jobs,
//! for staff (`/api/v1/equipment`, `/oxygen-orders`, `/stations`, `/admissions`, `/jobs`). The
//! JSON shapes are shared with the CLI (`mimamori equipment|station … --json`). Every read and
//! change is audited; changes carry the reason staff gave.

mod admissions;
mod common;
mod equipment;
mod orders;

use axum::Router;
use axum::routing::{get, post};

use crate::api::auth::needs;
use crate::domain::access::Action;
use crate::runtime::state::AppState;

/// Every route with the action it performs (see `api::auth::needs`).
pub fn router() -> Router<AppState> {
    use Action::*;
    Router::new()
        .route(
            "/api/v1/equipment",
            needs(Read, get(equipment::list_units)).merge(needs(ManageResources, post(equipment::add_unit))),
        )
        .route("/api/v1/equipment/{serial}", needs(Read, get(equipment::unit)))
        .route(
            "/api/v1/equipment/{serial}/state",
            needs(Oxygen, post(equipment::set_unit_state)),
        )
        .route("/api/v1/oxygen-orders", needs(Read, get(orders::list_orders)))
        .route(
            "/api/v1/patients/{id}/oxygen-orders",
            needs(Oxygen, post(orders::order)),
        )
        .route(
            "/api/v1/oxygen-orders/{id}/start",
            needs(Oxygen, post(orders::start_order)),
        )
        .route("/api/v1/oxygen-orders/{id}/end", needs(Oxygen, post(orders::end_order)))
        .route(
            "/api/v1/oxygen-orders/{id}/swap",
            needs(Oxygen, post(orders::swap_cylinder)),
        )
        .route("/api/v1/stations", needs(Read, get(admissions::list_stations)))
        .route(
            "/api/v1/admissions",
            needs(Read, get(admissions::list_admissions)).merge(needs(Oxygen, post(admissions::request_admission))),
        )
        .route(
            "/api/v1/admissions/{id}/{action}",
            needs(Oxygen, post(admissions::move_admission)),
        )
        .route("/api/v1/jobs", needs(Read, get(admissions::list_jobs)))
}

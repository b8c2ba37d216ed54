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

use crate::runtime::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/api/v1/equipment",
            get(equipment::list_units).post(equipment::add_unit),
        )
        .route("/api/v1/equipment/{serial}", get(equipment::unit))
        .route("/api/v1/equipment/{serial}/state", post(equipment::set_unit_state))
        .route("/api/v1/oxygen-orders", get(orders::list_orders))
        .route("/api/v1/patients/{id}/oxygen-orders", post(orders::order))
        .route("/api/v1/oxygen-orders/{id}/start", post(orders::start_order))
        .route("/api/v1/oxygen-orders/{id}/end", post(orders::end_order))
        .route("/api/v1/stations", get(admissions::list_stations))
        .route(
            "/api/v1/admissions",
            get(admissions::list_admissions).post(admissions::request_admission),
        )
        .route("/api/v1/admissions/{id}/{action}", post(admissions::move_admission))
        .route("/api/v1/jobs", get(admissions::list_jobs))
}

//! `/api/v1/equipment`: the units in stock and where each is, added and set by staff.

use crate::api::auth::Auth;
use crate::api::error::ApiError;
use crate::domain::equipment::{UnitKind, UnitState};
use crate::present;
use crate::runtime::state::AppState;
use crate::store::equipment;
use crate::store::staff;
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
pub(super) struct UnitQuery {
    state: Option<String>,
    kind: Option<String>,
}

pub(super) async fn list_units(
    State(state): State<AppState>,
    Auth(who): Auth,
    Query(q): Query<UnitQuery>,
) -> Result<Json<Value>, ApiError> {
    if q.state.as_deref().is_some_and(|s| UnitState::from_code(s).is_none()) {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "state must be available, reserved, out_for_delivery, in_use, to_collect, cleaning or out_of_service",
        ));
    }
    if q.kind.as_deref().is_some_and(|k| UnitKind::from_code(k).is_none()) {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "kind must be cylinder, regulator or concentrator",
        ));
    }
    let mut conn = state.db.pool.acquire().await?;
    let units = equipment::list(&mut conn, q.state.as_deref(), q.kind.as_deref()).await?;
    drop(conn);
    super::common::audited(&state, who.id, "equipment.list", None).await?;
    Ok(Json(present::oxygen::inventory_json(&units)))
}

#[derive(Deserialize)]
pub(super) struct NewUnit {
    kind: String,
    serial: String,
}

pub(super) async fn add_unit(
    State(state): State<AppState>,
    Auth(who): Auth,
    b: Result<Json<NewUnit>, axum::extract::rejection::JsonRejection>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let b = super::common::body(
        b,
        "send JSON: {\"kind\": \"cylinder\"|\"regulator\"|\"concentrator\", \"serial\": \"C-001\"}",
    )?;
    let Some(kind) = UnitKind::from_code(&b.kind) else {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "kind must be cylinder, regulator or concentrator",
        ));
    };
    let serial = b.serial.trim();
    if serial.is_empty() {
        return Err(ApiError::new(StatusCode::BAD_REQUEST, "a serial number is required"));
    }
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    let actor = format!("staff:{}", who.id);
    let Some(id) = equipment::add(&mut tx, kind, serial, &actor, now).await? else {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "a unit with this serial is already registered",
        ));
    };
    staff::audit(&mut tx, Some(who.id), "equipment.add", Some(&format!("unit:{id}")), now).await?;
    let unit = equipment::get(&mut tx, id).await?;
    state.commit(tx).await?;
    Ok((
        StatusCode::CREATED,
        Json(unit.as_ref().map(present::oxygen::unit_json).unwrap_or_default()),
    ))
}

pub(super) async fn unit(
    State(state): State<AppState>,
    Auth(who): Auth,
    Path(serial): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let mut conn = state.db.pool.acquire().await?;
    let u = equipment::by_serial(&mut conn, &serial).await?;
    let events = match &u {
        Some(u) => equipment::history(&mut conn, u.id).await?,
        None => Vec::new(),
    };
    drop(conn);
    super::common::audited(&state, who.id, "equipment.read", Some(&format!("serial:{serial}"))).await?;
    let Some(u) = u else {
        return Err(ApiError::new(StatusCode::NOT_FOUND, "no unit with this serial"));
    };
    Ok(Json(present::oxygen::history_json(&u, &events)))
}

#[derive(Deserialize)]
pub(super) struct StateBody {
    state: String,
    reason: String,
}

pub(super) async fn set_unit_state(
    State(state): State<AppState>,
    Auth(who): Auth,
    Path(serial): Path<String>,
    b: Result<Json<StateBody>, axum::extract::rejection::JsonRejection>,
) -> Result<Json<Value>, ApiError> {
    let b = super::common::body(
        b,
        "send JSON: {\"state\": \"available\"|\"out_of_service\", \"reason\": \"…\"}",
    )?;
    let reason = super::common::reason_of(&b.reason)?;
    let Some(to) = UnitState::from_code(&b.state).filter(|s| s.set_by_staff()) else {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "staff set a unit available (cleaned, repaired) or out_of_service; the rest follows orders and jobs",
        ));
    };
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    let Some(u) = equipment::by_serial(&mut tx, &serial).await? else {
        return Err(ApiError::new(StatusCode::NOT_FOUND, "no unit with this serial"));
    };
    match equipment::set_state(&mut tx, u.id, to, &format!("staff:{}", who.id), reason, now).await {
        Ok(()) => {}
        Err(equipment::MoveError::Missing) => {
            return Err(ApiError::new(StatusCode::NOT_FOUND, "no unit with this serial"));
        }
        Err(equipment::MoveError::Refused(r)) => return Err(ApiError::new(StatusCode::CONFLICT, r.to_string())),
        Err(equipment::MoveError::Db(e)) => return Err(ApiError::from(e)),
    }
    staff::audit_why(
        &mut tx,
        Some(who.id),
        &format!("equipment.{}", to.code()),
        Some(&format!("unit:{}", u.id)),
        Some(reason),
        now,
    )
    .await?;
    let u = equipment::get(&mut tx, u.id).await?;
    state.commit(tx).await?;
    Ok(Json(u.as_ref().map(present::oxygen::unit_json).unwrap_or_default()))
}

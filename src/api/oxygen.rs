//! Oxygen equipment, orders, the station's beds and admissions, and the contractors' open jobs,
//! for staff (`/api/v1/equipment`, `/oxygen-orders`, `/stations`, `/admissions`, `/jobs`). The
//! JSON shapes are shared with the CLI (`mimamori equipment|station … --json`). Every read and
//! change is audited; changes carry the reason staff gave.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{Value, json};

use super::auth::Auth;
use super::error::ApiError;
use crate::care::context::Ctx;
use crate::care::oxygen::admission;
use crate::care::oxygen::end::{self as ending, OrderMoveError};
use crate::care::oxygen::order::{self as flow, OrderError, OrderedBy};
use crate::domain::equipment::{AdmissionStatus, BedKind, Candidate, FlowRate, Kit, UnitKind, UnitState};
use crate::domain::triage::RequestKind;
use crate::present;
use crate::runtime::state::AppState;
use crate::store::equipment::{self};
use crate::store::station::{self, NewAdmission};
use crate::store::{care, patients, staff};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/equipment", get(list_units).post(add_unit))
        .route("/api/v1/equipment/{serial}", get(unit))
        .route("/api/v1/equipment/{serial}/state", post(set_unit_state))
        .route("/api/v1/oxygen-orders", get(list_orders))
        .route("/api/v1/patients/{id}/oxygen-orders", post(order))
        .route("/api/v1/oxygen-orders/{id}/start", post(start_order))
        .route("/api/v1/oxygen-orders/{id}/end", post(end_order))
        .route("/api/v1/stations", get(list_stations))
        .route("/api/v1/admissions", get(list_admissions).post(request_admission))
        .route("/api/v1/admissions/{id}/{action}", post(move_admission))
        .route("/api/v1/jobs", get(list_jobs))
}

// ---- handlers ------------------------------------------------------------------------------

/// Writes a read to the audit log, once the read is done and before its answer goes out (see
/// `api::audit`: its commit makes what the read saw durable).
async fn audited(state: &AppState, who: i64, action: &str, subject: Option<&str>) -> Result<(), ApiError> {
    let mut tx = state.db.begin().await?;
    staff::audit(&mut tx, Some(who), action, subject, state.clock.now()).await?;
    state.commit(tx).await.map_err(ApiError::from)
}

fn ctx(state: &AppState) -> Ctx<'_> {
    Ctx {
        config: &state.config,
        locales: &state.locales,
        now: state.clock.now(),
    }
}

/// A JSON body, or a 400 that shows what to send.
fn body<T>(b: Result<Json<T>, axum::extract::rejection::JsonRejection>, example: &'static str) -> Result<T, ApiError> {
    b.map(|Json(t)| t)
        .map_err(|_| ApiError::new(StatusCode::BAD_REQUEST, example))
}

fn reason_of(r: &str) -> Result<&str, ApiError> {
    let r = r.trim();
    if r.is_empty() {
        return Err(ApiError::new(StatusCode::BAD_REQUEST, "a reason is required"));
    }
    Ok(r)
}

#[derive(Deserialize)]
struct UnitQuery {
    state: Option<String>,
    kind: Option<String>,
}

async fn list_units(
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
    audited(&state, who.id, "equipment.list", None).await?;
    Ok(Json(present::oxygen::inventory_json(&units)))
}

#[derive(Deserialize)]
struct NewUnit {
    kind: String,
    serial: String,
}

async fn add_unit(
    State(state): State<AppState>,
    Auth(who): Auth,
    b: Result<Json<NewUnit>, axum::extract::rejection::JsonRejection>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let b = body(
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

async fn unit(
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
    audited(&state, who.id, "equipment.read", Some(&format!("serial:{serial}"))).await?;
    let Some(u) = u else {
        return Err(ApiError::new(StatusCode::NOT_FOUND, "no unit with this serial"));
    };
    Ok(Json(present::oxygen::history_json(&u, &events)))
}

#[derive(Deserialize)]
struct StateBody {
    state: String,
    reason: String,
}

async fn set_unit_state(
    State(state): State<AppState>,
    Auth(who): Auth,
    Path(serial): Path<String>,
    b: Result<Json<StateBody>, axum::extract::rejection::JsonRejection>,
) -> Result<Json<Value>, ApiError> {
    let b = body(
        b,
        "send JSON: {\"state\": \"available\"|\"out_of_service\", \"reason\": \"…\"}",
    )?;
    let reason = reason_of(&b.reason)?;
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

#[derive(Deserialize)]
struct StatusQuery {
    status: Option<String>,
}

async fn list_orders(
    State(state): State<AppState>,
    Auth(who): Auth,
    Query(q): Query<StatusQuery>,
) -> Result<Json<Value>, ApiError> {
    let mut conn = state.db.pool.acquire().await?;
    let mut out = Vec::new();
    for o in equipment::orders(&mut conn, q.status.as_deref()).await? {
        out.push(present::oxygen::order_json(&mut conn, &o).await?);
    }
    drop(conn);
    audited(&state, who.id, "oxygen_orders.list", None).await?;
    Ok(Json(json!({ "oxygen_orders": out })))
}

#[derive(Deserialize)]
struct OrderBody {
    kit: String,
    flow_rate: serde_json::Value,
    reason: String,
}

/// Staff order oxygen (on a doctor's instruction by phone, say).
async fn order(
    State(state): State<AppState>,
    Auth(who): Auth,
    Path(patient_id): Path<i64>,
    b: Result<Json<OrderBody>, axum::extract::rejection::JsonRejection>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let b = body(
        b,
        "send JSON: {\"kit\": \"cylinder\"|\"concentrator\", \"flow_rate\": 2.5, \"reason\": \"…\"}",
    )?;
    let reason = reason_of(&b.reason)?;
    let Some(kit) = Kit::from_code(&b.kit) else {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "kit must be cylinder or concentrator",
        ));
    };
    let flow = match &b.flow_rate {
        Value::Number(n) => FlowRate::parse(&n.to_string()),
        Value::String(s) => FlowRate::parse(s),
        _ => None,
    };
    let Some(flow) = flow else {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "flow_rate must be 0.5 to 15 (L/min)",
        ));
    };
    let c = ctx(&state);
    let mut tx = state.db.begin().await?;
    let placed = flow::order(&mut tx, &c, OrderedBy::Staff(who.id), patient_id, None, kit, flow).await?;
    let subject = format!("patient:{patient_id}");
    match placed {
        Ok(id) => {
            staff::audit_why(
                &mut tx,
                Some(who.id),
                "oxygen_order.create",
                Some(&subject),
                Some(reason),
                c.now,
            )
            .await?;
            let o = equipment::order(&mut tx, id).await?;
            let out = match o {
                Some(o) => present::oxygen::order_json(&mut tx, &o).await?,
                None => Value::Null,
            };
            state.commit(tx).await?;
            Ok((StatusCode::CREATED, Json(out)))
        }
        Err(OrderError::NoStock(kind)) => {
            // the patient was routed onwards: keep that, and say why the order failed
            staff::audit_why(
                &mut tx,
                Some(who.id),
                "oxygen_order.no_stock",
                Some(&subject),
                Some(reason),
                c.now,
            )
            .await?;
            state.commit(tx).await?;
            Err(ApiError::new(
                StatusCode::CONFLICT,
                format!(
                    "no {} in stock: hospital coordination is open and staff were alerted",
                    kind.code()
                ),
            ))
        }
        Err(OrderError::AlreadyOrdered(id)) => Err(ApiError::new(
            StatusCode::CONFLICT,
            format!("oxygen order {id} is already out for this patient"),
        )),
        Err(OrderError::NoPatient) => Err(ApiError::new(StatusCode::NOT_FOUND, "no such patient")),
        Err(OrderError::NotActive) => Err(ApiError::new(
            StatusCode::CONFLICT,
            "the patient's home recovery has ended",
        )),
    }
}

#[derive(Deserialize)]
struct ReasonBody {
    reason: String,
}

async fn start_order(
    state: State<AppState>,
    auth: Auth,
    id: Path<i64>,
    b: Result<Json<ReasonBody>, axum::extract::rejection::JsonRejection>,
) -> Result<Json<Value>, ApiError> {
    move_order(state, auth, id, b, false).await
}

async fn end_order(
    state: State<AppState>,
    auth: Auth,
    id: Path<i64>,
    b: Result<Json<ReasonBody>, axum::extract::rejection::JsonRejection>,
) -> Result<Json<Value>, ApiError> {
    move_order(state, auth, id, b, true).await
}

async fn move_order(
    State(state): State<AppState>,
    Auth(who): Auth,
    Path(id): Path<i64>,
    b: Result<Json<ReasonBody>, axum::extract::rejection::JsonRejection>,
    end: bool,
) -> Result<Json<Value>, ApiError> {
    let b = body(b, "send JSON: {\"reason\": \"…\"}")?;
    let reason = reason_of(&b.reason)?;
    let c = ctx(&state);
    let mut tx = state.db.begin().await?;
    let moved = if end {
        ending::end(&mut tx, &c, id, &format!("staff:{}", who.id), reason).await
    } else {
        flow::start(&mut tx, &c, id).await
    }?;
    match moved {
        Ok(_) => {}
        Err(OrderMoveError::NoOrder) => return Err(ApiError::new(StatusCode::NOT_FOUND, "no such oxygen order")),
        Err(OrderMoveError::NotNow) => {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                if end {
                    "the order has already ended"
                } else {
                    "oxygen can start only once the equipment is delivered, and only once"
                },
            ));
        }
    }
    let action = if end { "oxygen_order.end" } else { "oxygen_order.start" };
    staff::audit_why(
        &mut tx,
        Some(who.id),
        action,
        Some(&format!("oxygen_order:{id}")),
        Some(reason),
        c.now,
    )
    .await?;
    let o = equipment::order(&mut tx, id).await?;
    let out = match o {
        Some(o) => present::oxygen::order_json(&mut tx, &o).await?,
        None => Value::Null,
    };
    state.commit(tx).await?;
    Ok(Json(out))
}

async fn list_stations(State(state): State<AppState>, Auth(who): Auth) -> Result<Json<Value>, ApiError> {
    let mut conn = state.db.pool.acquire().await?;
    let stations = station::list(&mut conn).await?;
    let occupancy = station::occupancy(&mut conn).await?;
    drop(conn);
    audited(&state, who.id, "stations.list", None).await?;
    Ok(Json(
        json!({ "stations": present::oxygen::stations_json(&stations, &occupancy) }),
    ))
}

#[derive(Deserialize)]
struct OpenQuery {
    open: Option<bool>,
}

async fn list_admissions(
    State(state): State<AppState>,
    Auth(who): Auth,
    Query(q): Query<OpenQuery>,
) -> Result<Json<Value>, ApiError> {
    let mut conn = state.db.pool.acquire().await?;
    let rows = station::admissions(&mut conn, q.open.unwrap_or(true)).await?;
    drop(conn);
    audited(&state, who.id, "admissions.list", None).await?;
    Ok(Json(
        json!({ "admissions": rows.iter().map(present::oxygen::admission_json).collect::<Vec<_>>() }),
    ))
}

#[derive(Deserialize)]
struct AdmissionBody {
    patient_id: i64,
    #[serde(default = "oxygen_bed")]
    bed_kind: String,
    station_id: Option<i64>,
    /// The ambulance crew judged oxygen is needed (the hotline route).
    #[serde(default)]
    crew_judged_oxygen: bool,
    /// Independent in daily living, as the crew or the hotline found.
    independent: Option<bool>,
    #[serde(default)]
    emergency_signs: bool,
    reason: String,
}

fn oxygen_bed() -> String {
    BedKind::Oxygen.code().into()
}

/// The hotline: an admission request for a patient the ambulance crew judged to need oxygen
/// (otherwise mild and independent), or a therapy bed for a referral. A bed is held at once.
async fn request_admission(
    State(state): State<AppState>,
    Auth(who): Auth,
    b: Result<Json<AdmissionBody>, axum::extract::rejection::JsonRejection>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let b = body(
        b,
        "send JSON: {\"patient_id\": 1, \"bed_kind\": \"oxygen\"|\"therapy\", \"crew_judged_oxygen\": true, \"independent\": true, \"emergency_signs\": false, \"reason\": \"…\"}",
    )?;
    let reason = reason_of(&b.reason)?;
    let Some(kind) = BedKind::from_code(&b.bed_kind) else {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "bed_kind must be oxygen or therapy",
        ));
    };
    let c = ctx(&state);
    let mut tx = state.db.begin().await?;
    let Some(patient) = patients::get(&mut tx, b.patient_id).await? else {
        return Err(ApiError::new(StatusCode::NOT_FOUND, "no such patient"));
    };
    let independent = b.independent.or(patient.independent.map(|v| v != 0));
    let candidate = Candidate {
        independent,
        emergency: b.emergency_signs,
    };
    if kind == BedKind::Oxygen && !b.crew_judged_oxygen {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "an oxygen bed is for a patient the ambulance crew judged to need oxygen (crew_judged_oxygen)",
        ));
    }
    if !candidate.qualifies_for_station() {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "the station takes patients who are independent in daily living and show no emergency signs: arrange hospital admission",
        ));
    }
    if let Some(open) = station::open_for(&mut tx, patient.id).await? {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            format!("the patient already has admission {} ({})", open.id, open.status),
        ));
    }
    let source = if kind == BedKind::Therapy {
        "referral"
    } else {
        "hotline"
    };
    // a therapy bed answers the patient's open treatment referral
    let referral = match kind {
        BedKind::Therapy => care::open_of_kind(&mut tx, patient.id, RequestKind::TreatmentReferral).await?,
        BedKind::Oxygen => None,
    };
    let new = NewAdmission {
        patient_id: patient.id,
        station_id: b.station_id,
        kind,
        source,
        care_request_id: referral,
        note: Some(reason),
    };
    let Some(admission) = station::request(&mut tx, &new, c.now).await? else {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            format!(
                "no {} bed is free: arrange oxygen at home or hospital admission",
                kind.code()
            ),
        ));
    };
    staff::audit_why(
        &mut tx,
        Some(who.id),
        "admission.request",
        Some(&format!("admission:{} patient:{}", admission.id, patient.id)),
        Some(reason),
        c.now,
    )
    .await?;
    state.commit(tx).await?;
    Ok((StatusCode::CREATED, Json(present::oxygen::admission_json(&admission))))
}

/// `accept`, `decline`, `admit`, `treated`, `discharge`, `transfer`, `cancel`.
fn action_status(action: &str) -> Option<AdmissionStatus> {
    Some(match action {
        "accept" => AdmissionStatus::Accepted,
        "decline" => AdmissionStatus::Declined,
        "admit" => AdmissionStatus::Admitted,
        "treated" => AdmissionStatus::Treated,
        "discharge" => AdmissionStatus::Discharged,
        "transfer" => AdmissionStatus::Transferred,
        "cancel" => AdmissionStatus::Cancelled,
        _ => return None,
    })
}

async fn move_admission(
    State(state): State<AppState>,
    Auth(who): Auth,
    Path((id, action)): Path<(i64, String)>,
    b: Result<Json<ReasonBody>, axum::extract::rejection::JsonRejection>,
) -> Result<Json<Value>, ApiError> {
    let Some(to) = action_status(&action) else {
        return Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "actions: accept, decline, admit, treated, discharge, transfer, cancel",
        ));
    };
    let b = body(b, "send JSON: {\"reason\": \"…\"}")?;
    let reason = reason_of(&b.reason)?;
    let c = ctx(&state);
    let mut tx = state.db.begin().await?;
    let a = match station::move_admission(&mut tx, id, to, Some(reason), c.now).await {
        Ok(a) => a,
        Err(station::MoveError::Missing) => return Err(ApiError::new(StatusCode::NOT_FOUND, "no such admission")),
        Err(station::MoveError::Refused(r)) => return Err(ApiError::new(StatusCode::CONFLICT, r.to_string())),
        Err(station::MoveError::Db(e)) => return Err(ApiError::from(e)),
    };
    admission::admission_moved(&mut tx, &c, &a, to).await?;
    staff::audit_why(
        &mut tx,
        Some(who.id),
        &format!("admission.{}", to.code()),
        Some(&format!("admission:{id}")),
        Some(reason),
        c.now,
    )
    .await?;
    state.commit(tx).await?;
    Ok(Json(present::oxygen::admission_json(&a)))
}

async fn list_jobs(State(state): State<AppState>, Auth(who): Auth) -> Result<Json<Value>, ApiError> {
    let mut conn = state.db.pool.acquire().await?;
    let jobs = present::oxygen::jobs_json(&mut conn).await?;
    drop(conn);
    audited(&state, who.id, "jobs.list", None).await?;
    Ok(Json(json!({ "jobs": jobs })))
}

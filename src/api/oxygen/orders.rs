//! `/api/v1/oxygen-orders`: staff order oxygen for a patient, start and end it.

use crate::api::auth::Auth;
use crate::api::error::ApiError;
use crate::care::oxygen::end::{self as ending, OrderMoveError};
use crate::care::oxygen::order::{self as flow, OrderError, OrderedBy};
use crate::care::oxygen::swap::SwapRefused;
use crate::domain::equipment::{FlowRate, Kit, RegulatorChoice};
use crate::present;
use crate::runtime::state::AppState;
use crate::store::orders;
use crate::store::staff;
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::Deserialize;
use serde_json::{Value, json};

#[derive(Deserialize)]
pub(super) struct StatusQuery {
    status: Option<String>,
}

pub(super) async fn list_orders(
    State(state): State<AppState>,
    Auth(who): Auth,
    Query(q): Query<StatusQuery>,
) -> Result<Json<Value>, ApiError> {
    let mut conn = state.db.pool.acquire().await?;
    let visible = super::common::visible_patients(&mut conn, &who).await?;
    let mut out = Vec::new();
    for o in orders::orders(&mut conn, q.status.as_deref()).await? {
        if visible.as_ref().is_none_or(|v| v.contains(&o.patient_id)) {
            out.push(present::oxygen::order_json(&mut conn, &o).await?);
        }
    }
    drop(conn);
    super::common::audited(&state, who.id, "oxygen_orders.list", None).await?;
    Ok(Json(json!({ "oxygen_orders": out })))
}

#[derive(Deserialize)]
pub(super) struct OrderBody {
    kit: String,
    /// For a cylinder: `synchronising`, `standard` or `either` (the default).
    #[serde(default)]
    regulator: Option<String>,
    flow_rate: serde_json::Value,
    reason: String,
}

/// Staff order oxygen (on a doctor's instruction by phone, say).
pub(super) async fn order(
    State(state): State<AppState>,
    Auth(who): Auth,
    Path(patient_id): Path<i64>,
    b: Result<Json<OrderBody>, axum::extract::rejection::JsonRejection>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let b = super::common::body(
        b,
        "send JSON: {\"kit\": \"cylinder\"|\"concentrator\", \"regulator\": \"either\"|\"synchronising\"|\"standard\", \"flow_rate\": 2.5, \"reason\": \"…\"}",
    )?;
    let reason = super::common::reason_of(&b.reason)?;
    let Some(kit) = Kit::from_code(&b.kit) else {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "kit must be cylinder or concentrator",
        ));
    };
    let Some(regulator) = b
        .regulator
        .as_deref()
        .map_or(Some(RegulatorChoice::Either), RegulatorChoice::from_code)
    else {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "regulator must be synchronising, standard or either",
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
    let c = super::common::ctx(&state);
    let mut tx = state.db.begin().await?;
    super::common::check_patient(&mut tx, &who, patient_id).await?;
    let placed = flow::order(
        &mut tx,
        &c,
        OrderedBy::Staff(who.id),
        patient_id,
        None,
        flow::KitOrder { kit, regulator, flow },
    )
    .await?;
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
            let o = orders::order(&mut tx, id).await?;
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

pub(super) async fn start_order(
    state: State<AppState>,
    auth: Auth,
    id: Path<i64>,
    b: Result<Json<super::common::ReasonBody>, axum::extract::rejection::JsonRejection>,
) -> Result<Json<Value>, ApiError> {
    move_order(state, auth, id, b, false).await
}

pub(super) async fn end_order(
    state: State<AppState>,
    auth: Auth,
    id: Path<i64>,
    b: Result<Json<super::common::ReasonBody>, axum::extract::rejection::JsonRejection>,
) -> Result<Json<Value>, ApiError> {
    move_order(state, auth, id, b, true).await
}

pub(super) async fn move_order(
    State(state): State<AppState>,
    Auth(who): Auth,
    Path(id): Path<i64>,
    b: Result<Json<super::common::ReasonBody>, axum::extract::rejection::JsonRejection>,
    end: bool,
) -> Result<Json<Value>, ApiError> {
    let b = super::common::body(b, "send JSON: {\"reason\": \"…\"}")?;
    let reason = super::common::reason_of(&b.reason)?;
    let c = super::common::ctx(&state);
    let mut tx = state.db.begin().await?;
    if let Some(o) = orders::order(&mut tx, id).await? {
        super::common::check_patient(&mut tx, &who, o.patient_id).await?;
    }
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
    let o = orders::order(&mut tx, id).await?;
    let out = match o {
        Some(o) => present::oxygen::order_json(&mut tx, &o).await?,
        None => Value::Null,
    };
    state.commit(tx).await?;
    Ok(Json(out))
}

/// Staff ask the contractors to swap an empty cylinder for a full one.
pub(super) async fn swap_cylinder(
    State(state): State<AppState>,
    Auth(who): Auth,
    Path(id): Path<i64>,
    b: Result<Json<super::common::ReasonBody>, axum::extract::rejection::JsonRejection>,
) -> Result<Json<Value>, ApiError> {
    let b = super::common::body(b, "send JSON: {\"reason\": \"…\"}")?;
    let reason = super::common::reason_of(&b.reason)?;
    let c = super::common::ctx(&state);
    let mut tx = state.db.begin().await?;
    if let Some(o) = orders::order(&mut tx, id).await? {
        super::common::check_patient(&mut tx, &who, o.patient_id).await?;
    }
    let refused = |status, text: &str| Err(ApiError::new(status, text.to_string()));
    let order = match crate::care::oxygen::swap::ask(&mut tx, &c, id, &format!("staff:{}", who.id)).await? {
        Ok(order) => order,
        Err(SwapRefused::Order(OrderMoveError::NoOrder)) => {
            return refused(StatusCode::NOT_FOUND, "no such oxygen order");
        }
        Err(SwapRefused::Order(OrderMoveError::NotNow)) => {
            return refused(
                StatusCode::CONFLICT,
                "only a cylinder at the patient's home can be swapped",
            );
        }
        Err(SwapRefused::NotACylinder) => return refused(StatusCode::CONFLICT, "a concentrator is not swapped"),
        Err(SwapRefused::AlreadyAsked) => return refused(StatusCode::CONFLICT, "a swap is already on its way"),
        Err(SwapRefused::NoStock) => {
            // the alert stays: staff must find a cylinder
            state.commit(tx).await?;
            return refused(StatusCode::CONFLICT, "no full cylinder in stock: staff were alerted");
        }
    };
    staff::audit_why(
        &mut tx,
        Some(who.id),
        "oxygen_order.swap",
        Some(&format!("oxygen_order:{id}")),
        Some(reason),
        c.now,
    )
    .await?;
    let out = present::oxygen::order_json(&mut tx, &order).await?;
    state.commit(tx).await?;
    Ok(Json(out))
}

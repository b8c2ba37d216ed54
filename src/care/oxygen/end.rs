//! Oxygen ending — by the doctor, on release, on admission, or by staff: units not yet
//! delivered go back to stock, units at home get a collection job; and a job not done is
//! offered again.

use crate::care::context::Ctx;
use crate::domain::equipment::OrderStatus;
use crate::domain::equipment::{FlowRate, UnitState};
use crate::domain::triage::{Level, Reason, RequestKind, RequestStatus};
use crate::store::equipment;
use crate::store::orders::{self, Job, Order};
use crate::store::{Conn, care, offers, views};
use chrono::Duration;

/// How long the contractors have to fetch the kit back.
const COLLECTION_MINUTES: i64 = 24 * 60;

/// How long the contractors have to bring the kit.
pub const DELIVERY_MINUTES: i64 = 180;
/// Oxygen is started within the hour of the kit arriving.
const START_VISIT_MINUTES: i64 = 60;

/// Why an order did not move.
#[derive(Debug, PartialEq, Eq)]
pub enum OrderMoveError {
    NoOrder,
    /// Not in a state it can move from (already started, ended …).
    NotNow,
}

/// Ends oxygen: units not yet delivered go back to stock, units at home are to be collected and
/// a collection job goes to the contractors. `reason` is kept on the order.
pub async fn end(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    order_id: i64,
    actor: &str,
    reason: &str,
) -> anyhow::Result<Result<Order, OrderMoveError>> {
    let Some(order) = orders::order(conn, order_id).await? else {
        return Ok(Err(OrderMoveError::NoOrder));
    };
    if orders::move_order(
        conn,
        order.id,
        &[OrderStatus::Ordered, OrderStatus::Delivered, OrderStatus::Started],
        OrderStatus::Ended,
        Some(reason),
        ctx.now,
    )
    .await?
        == 0
    {
        return Ok(Err(OrderMoveError::NotNow));
    }
    // not delivered yet: the job is withdrawn and the units go back to stock
    if let Some(job) = order.delivery_request_id {
        let cancelled = views::move_request(conn, job, RequestStatus::Cancelled, Some(reason), None, ctx.now).await?;
        if cancelled > 0 {
            offers::withdraw_open(conn, job, ctx.now).await?;
        }
    }
    equipment::move_order_units(
        conn,
        order.id,
        UnitState::OutForDelivery,
        UnitState::Reserved,
        actor,
        reason,
        ctx.now,
    )
    .await?;
    equipment::move_order_units(
        conn,
        order.id,
        UnitState::Reserved,
        UnitState::Available,
        actor,
        reason,
        ctx.now,
    )
    .await?;
    let home = equipment::move_order_units(
        conn,
        order.id,
        UnitState::InUse,
        UnitState::ToCollect,
        actor,
        reason,
        ctx.now,
    )
    .await?;
    if home > 0 {
        reopen_job(conn, ctx, &order, Job::Collection).await?;
    }
    if let Some(request) = order.care_request_id {
        views::move_request(conn, request, RequestStatus::Done, Some(reason), None, ctx.now).await?;
    }
    Ok(Ok(order))
}

/// Ends every order of a patient whose episode or home stay ends (release, admission).
pub async fn end_for_patient(conn: &mut Conn, ctx: &Ctx<'_>, patient_id: i64, reason: &str) -> anyhow::Result<()> {
    for order in orders::active_orders(conn, patient_id).await? {
        let _ = end(conn, ctx, order.id, "system", reason).await?;
    }
    Ok(())
}

/// Opens a job of an order (a delivery or collection again after one failed, the visit that
/// starts oxygen, a cylinder swap) and starts its chain.
pub(crate) async fn reopen_job(conn: &mut Conn, ctx: &Ctx<'_>, order: &Order, job: Job) -> anyhow::Result<i64> {
    let (kind, minutes, key, level) = match job {
        Job::Delivery => (
            RequestKind::OxygenDelivery,
            DELIVERY_MINUTES,
            msg!("reason-oxygen-order"),
            Level::Urgent,
        ),
        Job::Collection => (
            RequestKind::OxygenCollection,
            COLLECTION_MINUTES,
            msg!("reason-oxygen-collect"),
            Level::Watch,
        ),
        Job::StartVisit => (
            RequestKind::OxygenStartVisit,
            START_VISIT_MINUTES,
            msg!("reason-oxygen-start"),
            Level::Urgent,
        ),
        // a patient whose cylinder runs empty cannot wait
        Job::Swap => (
            RequestKind::CylinderSwap,
            DELIVERY_MINUTES,
            msg!("reason-oxygen-swap"),
            Level::Urgent,
        ),
    };
    let flow = FlowRate::from_tenths(order.flow_tenths)
        .map(FlowRate::display)
        .unwrap_or_default();
    let reasons = [Reason::new(
        level,
        key,
        &[("kit", order.kit_words().to_string()), ("flow", flow)],
    )];
    let new = care::NewRequest {
        patient_id: order.patient_id,
        assessment_id: None,
        kind,
        level,
        target_at: ctx.now + Duration::minutes(minutes),
        reasons: &reasons,
        oxygen_routes: None,
    };
    let opened = care::open(conn, &new, ctx.now).await?;
    let id = opened.id();
    if let Some(parent) = order.care_request_id {
        offers::set_parent(conn, id, parent).await?;
    }
    orders::set_job(conn, order.id, job, id).await?;
    if let care::Opened::New(request) = &opened {
        // after the job is linked: the first offers, sent now, name the units
        crate::care::offering::start(conn, ctx, request, None).await?;
    }
    Ok(id)
}

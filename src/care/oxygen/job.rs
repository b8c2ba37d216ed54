//! The contractors' delivery and collection jobs: handed over, done, or not done and offered
//! again.

use crate::care::context::Ctx;
use crate::domain::equipment::OrderStatus;
use crate::domain::equipment::{UnitKind, UnitState};
use crate::domain::triage::RequestKind;
use crate::store::equipment;
use crate::store::offers::Request;
use crate::store::orders::{self, Job};
use crate::store::providers::Provider;
use crate::store::station::{self};
use crate::store::{Conn, chats};

/// A job the contractor could not do: staff are told and it is offered again.
async fn offer_again(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    order: &orders::Order,
    job: Job,
    alert: &str,
    what: &str,
) -> anyhow::Result<()> {
    let detail = format!(
        "oxygen order {}: the contractor could not {what}; the job is offered again",
        order.id
    );
    chats::alert_staff(conn, alert, Some(order.patient_id), None, &detail, ctx.now).await?;
    super::end::reopen_job(conn, ctx, order, job).await.map(|_| ())
}

/// The full cylinder is at the patient's home and the empty one came back: the empty one goes
/// to cleaning, the full one is in use.
async fn swapped(conn: &mut Conn, ctx: &Ctx<'_>, order: &orders::Order, actor: &str) -> anyhow::Result<()> {
    let cylinders = |state| move |u: &equipment::Unit| u.kind == UnitKind::Cylinder && u.state == state;
    let units = equipment::for_order(conn, order.id).await?;
    let empty: Vec<i64> = units
        .iter()
        .filter(|u| cylinders(UnitState::InUse)(u))
        .map(|u| u.id)
        .collect();
    let full: Vec<i64> = units
        .iter()
        .filter(|u| cylinders(UnitState::OutForDelivery)(u))
        .map(|u| u.id)
        .collect();
    for id in empty {
        for (to, why) in [
            (UnitState::ToCollect, "empty: swapped for a full one"),
            (UnitState::Cleaning, "brought back by the contractor"),
        ] {
            if let Err(equipment::MoveError::Db(e)) = equipment::set_state(conn, id, to, actor, why, ctx.now).await {
                return Err(e.into());
            }
        }
    }
    for id in full {
        if let Err(equipment::MoveError::Db(e)) =
            equipment::set_state(conn, id, UnitState::InUse, actor, "full cylinder swapped in", ctx.now).await
        {
            return Err(e.into());
        }
    }
    Ok(())
}

/// A contractor took a delivery job: its units leave the store.
pub async fn on_handed_over(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    request: &Request,
    provider: &Provider,
) -> anyhow::Result<()> {
    if !matches!(request.kind, RequestKind::OxygenDelivery | RequestKind::CylinderSwap) {
        return Ok(());
    }
    if let Some(order) = orders::order_of_job(conn, request.id).await? {
        let reason = format!("delivery job {} taken by {}", request.id, provider.name);
        equipment::move_order_units(
            conn,
            order.id,
            UnitState::Reserved,
            UnitState::OutForDelivery,
            &format!("provider:{}", provider.id),
            &reason,
            ctx.now,
        )
        .await?;
    }
    Ok(())
}

/// What a contractor reported on a delivery or collection job.
pub async fn job_outcome(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    request: &Request,
    provider: &Provider,
    code: &str,
) -> anyhow::Result<()> {
    if let Some((admission, leg)) = station::by_transport(conn, request.id).await? {
        return super::admission::transport_outcome(conn, ctx, &admission, leg, code).await;
    }
    let Some(order) = orders::order_of_job(conn, request.id).await? else {
        return Ok(());
    };
    let actor = format!("provider:{}", provider.id);
    match code {
        "kit_delivered" => {
            equipment::move_order_units(
                conn,
                order.id,
                UnitState::OutForDelivery,
                UnitState::InUse,
                &actor,
                "delivered to the patient's home",
                ctx.now,
            )
            .await?;
            orders::move_order(
                conn,
                order.id,
                &[OrderStatus::Ordered],
                OrderStatus::Delivered,
                None,
                ctx.now,
            )
            .await?;
            crate::care::context::notify_patient(conn, ctx, order.patient_id, |l| {
                ctx.t(l, msg!("oxygen-delivered-patient"), &[])
            })
            .await?;
            // the visit that starts oxygen: the ordering doctor first (or the nurses)
            super::end::reopen_job(conn, ctx, &order, Job::StartVisit).await?;
        }
        "not_delivered" => {
            equipment::move_order_units(
                conn,
                order.id,
                UnitState::OutForDelivery,
                UnitState::Reserved,
                &actor,
                "could not be delivered",
                ctx.now,
            )
            .await?;
            offer_again(conn, ctx, &order, Job::Delivery, "delivery_failed", "deliver").await?;
        }
        "collected" => {
            equipment::move_order_units(
                conn,
                order.id,
                UnitState::ToCollect,
                UnitState::Cleaning,
                &actor,
                "collected from the patient's home",
                ctx.now,
            )
            .await?;
        }
        "swapped" => swapped(conn, ctx, &order, &actor).await?,
        "not_swapped" => {
            equipment::move_order_units(
                conn,
                order.id,
                UnitState::OutForDelivery,
                UnitState::Reserved,
                &actor,
                "the full cylinder could not be brought",
                ctx.now,
            )
            .await?;
            offer_again(conn, ctx, &order, Job::Swap, "swap_failed", "swap the cylinder").await?;
        }
        "not_collected" => {
            offer_again(conn, ctx, &order, Job::Collection, "collection_failed", "collect").await?;
        }
        _ => {}
    }
    Ok(())
}

/// Whoever holds the visit that starts oxygen (the doctor, or a nurse) confirmed it started:
/// the order is started, the patient told, and the ordering doctor gets the button that ends it.
pub async fn started_at_visit(conn: &mut Conn, ctx: &Ctx<'_>, request: &Request) -> anyhow::Result<()> {
    let Some(order) = orders::order_of_job(conn, request.id).await? else {
        return Ok(());
    };
    // (started already by the doctor's own button: nothing more to do)
    let Ok(order) = super::order::start(conn, ctx, order.id).await? else {
        return Ok(());
    };
    if let Some(doctor) = order.ordered_by_provider {
        let message = |l| crate::channels::OutMessage {
            text: ctx.t(l, msg!("oxygen-started"), &[]),
            choices: vec![crate::channels::Choice {
                label: ctx.t(l, msg!("oxygen-end-button"), &[]),
                data: format!("o2end:{}", order.id),
            }],
        };
        crate::care::offering::message_provider(conn, ctx, doctor, message).await?;
    }
    Ok(())
}

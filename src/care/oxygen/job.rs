//! The contractors' delivery and collection jobs: handed over, done, or not done and offered
//! again.

use crate::care::context::Ctx;
use crate::domain::equipment::OrderStatus;
use crate::domain::equipment::UnitState;
use crate::domain::triage::RequestKind;
use crate::store::equipment;
use crate::store::offers::Request;
use crate::store::orders::{self, Job};
use crate::store::providers::Provider;
use crate::store::station::{self};
use crate::store::{Conn, chats};

/// A contractor took a delivery job: its units leave the store.
pub async fn on_handed_over(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    request: &Request,
    provider: &Provider,
) -> anyhow::Result<()> {
    if request.kind != RequestKind::OxygenDelivery {
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
            super::order::ask_to_start(conn, ctx, &order).await?;
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
            chats::alert_staff(
                conn,
                "delivery_failed",
                Some(order.patient_id),
                None,
                &format!(
                    "oxygen order {}: the contractor could not deliver; the job is offered again",
                    order.id
                ),
                ctx.now,
            )
            .await?;
            super::end::reopen_job(conn, ctx, &order, Job::Delivery).await?;
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
        "not_collected" => {
            chats::alert_staff(
                conn,
                "collection_failed",
                Some(order.patient_id),
                None,
                &format!(
                    "oxygen order {}: the contractor could not collect; the job is offered again",
                    order.id
                ),
                ctx.now,
            )
            .await?;
            super::end::reopen_job(conn, ctx, &order, Job::Collection).await?;
        }
        _ => {}
    }
    Ok(())
}

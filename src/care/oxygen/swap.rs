//! Cylinder swaps: a patient's cylinder runs empty and a contractor brings a full one,
//! taking the empty one back. A full cylinder is reserved for the order when the swap is asked
//! for; the contractors are offered the job through their chain.

use super::end::OrderMoveError;
use crate::care::context::Ctx;
use crate::domain::equipment::{Kit, OrderStatus, UnitKind};
use crate::store::orders::{self, Job, Order};
use crate::store::{Conn, chats, equipment, offers};

/// Why a swap was not asked for.
#[derive(Debug, PartialEq, Eq)]
pub enum SwapRefused {
    Order(OrderMoveError),
    /// Not a cylinder kit.
    NotACylinder,
    /// A swap for this order is already on its way.
    AlreadyAsked,
    /// No full cylinder in stock: staff are alerted.
    NoStock,
}

/// Asks the contractors to swap the order's cylinder (`actor`: who asked).
pub async fn ask(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    order_id: i64,
    actor: &str,
) -> anyhow::Result<Result<Order, SwapRefused>> {
    let Some(order) = orders::order(conn, order_id).await? else {
        return Ok(Err(SwapRefused::Order(OrderMoveError::NoOrder)));
    };
    if !matches!(order.status, OrderStatus::Delivered | OrderStatus::Started) {
        return Ok(Err(SwapRefused::Order(OrderMoveError::NotNow)));
    }
    if order.kit != Kit::Cylinder {
        return Ok(Err(SwapRefused::NotACylinder));
    }
    if let Some(swap) = order.swap_request_id
        && offers::request(conn, swap).await?.is_some_and(|r| r.status.is_live())
    {
        return Ok(Err(SwapRefused::AlreadyAsked));
    }
    let reserved = equipment::reserve(conn, UnitKind::Cylinder, order.patient_id, order.id, actor, ctx.now).await?;
    if reserved.is_none() {
        let detail = format!(
            "oxygen order {}: the cylinder is to be swapped but no full one is in stock",
            order.id
        );
        chats::alert_staff(conn, "no_oxygen_stock", Some(order.patient_id), None, &detail, ctx.now).await?;
        return Ok(Err(SwapRefused::NoStock));
    }
    super::end::reopen_job(conn, ctx, &order, Job::Swap).await?;
    Ok(orders::order(conn, order.id)
        .await?
        .ok_or(SwapRefused::Order(OrderMoveError::NoOrder)))
}

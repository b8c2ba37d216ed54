//! What a contractor is told a job is: the units and flow to bring, or the station leg.

use crate::care::context::Ctx;
use crate::domain::equipment::FlowRate;
use crate::i18n::Lang;
use crate::store::Conn;
use crate::store::equipment;
use crate::store::orders;
use crate::store::station::{self};

/// What a contractor carries for a job: the units by serial and the flow, e.g.
/// "cylinder C-001, regulator R-001 (2 L/min)".
pub async fn job_details(conn: &mut Conn, ctx: &Ctx<'_>, lang: Lang, request_id: i64) -> anyhow::Result<String> {
    if let Some((admission, leg)) = station::by_transport(conn, request_id).await? {
        let name = station::get(conn, admission.station_id)
            .await?
            .map(|s| s.name)
            .unwrap_or_default();
        return Ok(ctx.t(
            lang,
            msg!("transport-leg"),
            &[("leg", leg.code().into()), ("station", name.into())],
        ));
    }
    let Some(order) = orders::order_of_job(conn, request_id).await? else {
        return Ok("-".into());
    };
    let units: Vec<String> = equipment::for_order(conn, order.id)
        .await?
        .iter()
        .map(|u| format!("{} {}", u.kind, u.serial))
        .collect();
    let flow = FlowRate::from_tenths(order.flow_tenths)
        .map(FlowRate::display)
        .unwrap_or_default();
    Ok(format!("{} ({flow} L/min)", units.join(", ")))
}

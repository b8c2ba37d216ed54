//! A doctor's oxygen order: units reserved, the delivery job offered to the contractors, the
//! doctor confirming oxygen started, and oxygen ending (by the doctor, release or staff).

use super::end::{DELIVERY_MINUTES, OrderMoveError};
use crate::care::context::Ctx;
use crate::channels::{Choice, OutMessage};
use crate::domain::equipment::OrderStatus;
use crate::domain::equipment::{FlowRate, Kit, RegulatorChoice, UnitKind, UnitState};
use crate::domain::patient::PatientStatus;
use crate::domain::triage::{Level, Reason, RequestKind, RequestStatus};
use crate::i18n::Lang;
use crate::store::equipment;
use crate::store::orders::{self, Job, NewOrder, Order};
use crate::store::providers::Provider;
use crate::store::{Conn, care, chats, offers, patients, views};
use chrono::Duration;
use fluent_bundle::FluentValue;

/// The buttons a doctor orders oxygen with: a kit and a common flow (the API takes any flow).
pub fn order_prompt(ctx: &Ctx<'_>, lang: Lang, request_id: i64, patient_name: &str) -> OutMessage {
    let mut choices = Vec::new();
    for kit in Kit::ALL {
        for flow in [1, 2, 3] {
            choices.push(Choice {
                label: ctx.t(
                    lang,
                    msg!("oxygen-order-button"),
                    &[("kit", kit.code().into()), ("flow", flow.into())],
                ),
                data: format!("o2:{request_id}:{}:{flow}", kit.code()),
            });
        }
    }
    OutMessage {
        text: ctx.t(lang, msg!("oxygen-order-prompt"), &[("name", patient_name.into())]),
        choices,
    }
}

/// What a doctor orders: the kit, which regulator a cylinder takes, the flow.
#[derive(Debug, Clone, Copy)]
pub struct KitOrder {
    pub kit: Kit,
    pub regulator: RegulatorChoice,
    pub flow: FlowRate,
}

/// Who orders.
#[derive(Debug, Clone, Copy)]
pub enum OrderedBy {
    Provider(i64),
    Staff(i64),
}

impl OrderedBy {
    fn actor(self) -> String {
        match self {
            OrderedBy::Provider(id) => format!("provider:{id}"),
            OrderedBy::Staff(id) => format!("staff:{id}"),
        }
    }
}

/// Why an order was not placed.
#[derive(Debug, PartialEq, Eq)]
pub enum OrderError {
    NoPatient,
    /// The episode has ended.
    NotActive,
    /// Equipment is already out for this patient (the order's id).
    AlreadyOrdered(i64),
    /// A unit the kit takes is not in stock (another order got the last one): hospital
    /// coordination is opened and staff are alerted.
    NoStock(UnitKind),
}

/// Places an order: reserves the kit's units, opens the delivery job for the contractors and
/// tells the patient. Out of stock → the patient is routed onwards (hospital coordination,
/// staff alerted).
pub async fn order(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    by: OrderedBy,
    patient_id: i64,
    request_id: Option<i64>,
    what: KitOrder,
) -> anyhow::Result<Result<i64, OrderError>> {
    let KitOrder { kit, regulator, flow } = what;
    let Some(patient) = patients::get(conn, patient_id).await? else {
        return Ok(Err(OrderError::NoPatient));
    };
    if patient.status != PatientStatus::Active {
        return Ok(Err(OrderError::NotActive));
    }
    if let Some(existing) = orders::active_orders(conn, patient_id).await?.first() {
        return Ok(Err(OrderError::AlreadyOrdered(existing.id)));
    }
    // the patient's open oxygen request, if the order did not come with one
    let request_id = match request_id {
        Some(id) => Some(id),
        None => care::open_of_kind(conn, patient_id, RequestKind::Oxygen).await?,
    };
    let (provider_id, staff_id) = match by {
        OrderedBy::Provider(id) => (Some(id), None),
        OrderedBy::Staff(id) => (None, Some(id)),
    };
    let order_id = orders::create_order(
        conn,
        &NewOrder {
            patient_id,
            care_request_id: request_id,
            kit,
            flow_tenths: flow.tenths(),
            provider_id,
            staff_id,
        },
        ctx.now,
    )
    .await?;
    let actor = by.actor();
    let (needed, wanted) = kit.units_for(regulator);
    // a breath-synchronising regulator if one is in stock, when the order leaves it open
    let synchronising = match wanted {
        Some(kind) => equipment::reserve(conn, kind, patient_id, order_id, &actor, ctx.now)
            .await?
            .is_some(),
        None => needed.contains(&UnitKind::Regulator),
    };
    if kit == Kit::Cylinder {
        orders::set_regulator(conn, order_id, synchronising).await?;
    }
    for kind in needed {
        if equipment::reserve(conn, *kind, patient_id, order_id, &actor, ctx.now)
            .await?
            .is_none()
        {
            equipment::move_order_units(
                conn,
                order_id,
                UnitState::Reserved,
                UnitState::Available,
                &actor,
                "order could not be filled",
                ctx.now,
            )
            .await?;
            orders::move_order(
                conn,
                order_id,
                &[OrderStatus::Ordered],
                OrderStatus::Cancelled,
                Some("out of stock"),
                ctx.now,
            )
            .await?;
            super::route::hospital_coordination(conn, ctx, patient_id, request_id).await?;
            chats::alert_staff(
                conn,
                "no_oxygen_stock",
                Some(patient_id),
                None,
                &format!(
                    "oxygen order {order_id} could not be filled: no {} in stock; hospital coordination is open",
                    kind.code()
                ),
                ctx.now,
            )
            .await?;
            crate::care::context::notify_patient(conn, ctx, patient_id, |l| {
                let mut args = ctx.phone_args(l);
                args.push(("minutes", 0.into()));
                ctx.t(l, msg!("oxygen-route-hospital"), &args)
            })
            .await?;
            return Ok(Err(OrderError::NoStock(*kind)));
        }
    }
    low_stock(conn, ctx).await?;
    let reasons = [Reason::new(
        Level::Urgent,
        msg!("reason-oxygen-order"),
        &[("kit", kit.words(synchronising).to_string()), ("flow", flow.display())],
    )];
    let new = care::NewRequest {
        patient_id,
        assessment_id: None,
        kind: RequestKind::OxygenDelivery,
        level: Level::Urgent,
        target_at: ctx.now + Duration::minutes(DELIVERY_MINUTES),
        reasons: &reasons,
        oxygen_routes: None,
    };
    let opened = care::open(conn, &new, ctx.now).await?;
    let delivery = opened.id();
    if let Some(parent) = request_id {
        offers::set_parent(conn, delivery, parent).await?;
        views::move_request(conn, parent, RequestStatus::InProgress, None, None, ctx.now).await?;
    }
    orders::set_job(conn, order_id, Job::Delivery, delivery).await?;
    if let care::Opened::New(request) = &opened {
        // (a delivery already open goes on with its own chain)
        crate::care::offering::start(conn, ctx, request, None).await?;
    }
    crate::care::context::notify_patient(conn, ctx, patient_id, |l| {
        ctx.t(
            l,
            msg!("oxygen-ordered-patient"),
            &[
                ("kit", kit.words(synchronising).into()),
                ("flow", flow.display().into()),
            ],
        )
    })
    .await?;
    Ok(Ok(order_id))
}

/// Alerts staff when a kind of unit runs low (below `MIMAMORI_OXYGEN_LOW_STOCK`).
async fn low_stock(conn: &mut Conn, ctx: &Ctx<'_>) -> anyhow::Result<()> {
    for kind in UnitKind::ALL {
        let left = equipment::available(conn, kind).await?;
        if left < ctx.config.oxygen_low_stock {
            chats::alert_staff(
                conn,
                "low_stock",
                None,
                None,
                &format!(
                    "{} in stock: {left} (threshold {})",
                    kind.code(),
                    ctx.config.oxygen_low_stock
                ),
                ctx.now,
            )
            .await?;
        }
    }
    Ok(())
}

/// A doctor tapped an order button (`o2:REQUEST:KIT:FLOW`) on their oxygen request.
pub async fn order_from_chat(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    provider: &Provider,
    lang: Lang,
    data: &str,
) -> anyhow::Result<Vec<OutMessage>> {
    let say = |key: &str, args: &[(&str, FluentValue)]| Ok(vec![OutMessage::text(ctx.t(lang, key, args))]);
    let parsed = parse_order(data);
    let Some((request_id, kit, flow)) = parsed else {
        return say(msg!("offer-unknown"), &[]);
    };
    if provider.role != "doctor" {
        return crate::care::context::refuse_provider(conn, ctx, provider, lang, msg!("oxygen-doctors-only"), data)
            .await;
    }
    // the oxygen request must be theirs: they hold it, or it follows their own report
    let Some(request) = offers::request(conn, request_id)
        .await?
        .filter(|r| r.kind == RequestKind::Oxygen)
    else {
        return crate::care::context::refuse_provider(conn, ctx, provider, lang, msg!("offer-unknown"), data).await;
    };
    let parent_holder = match request.parent_id {
        Some(parent) => offers::request(conn, parent).await?.and_then(|p| p.provider_id),
        None => None,
    };
    if request.provider_id != Some(provider.id) && parent_holder != Some(provider.id) {
        return crate::care::context::refuse_provider(conn, ctx, provider, lang, msg!("offer-unknown"), data).await;
    }
    match order(
        conn,
        ctx,
        OrderedBy::Provider(provider.id),
        request.patient_id,
        Some(request.id),
        KitOrder {
            kit,
            regulator: RegulatorChoice::Either,
            flow,
        },
    )
    .await?
    {
        Ok(id) => {
            let words = orders::order(conn, id).await?.map_or(kit.code(), |o| o.kit_words());
            say(
                msg!("oxygen-ordered"),
                &[("kit", words.into()), ("flow", flow.display().into())],
            )
        }
        Err(OrderError::AlreadyOrdered(_)) => say(msg!("oxygen-already-ordered"), &[]),
        Err(OrderError::NoStock(kind)) => say(msg!("oxygen-no-stock"), &[("unit", kind.code().into())]),
        Err(OrderError::NoPatient | OrderError::NotActive) => say(msg!("outcome-closed"), &[]),
    }
}

/// A doctor typed an order ("cylinder 2.5", "濃縮器 1") after reporting "Oxygen needed" in the
/// last day: it is placed for that patient. `None`: not an order, or nothing to order for.
pub async fn order_from_text(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    provider: &Provider,
    lang: Lang,
    text: &str,
) -> anyhow::Result<Option<Vec<OutMessage>>> {
    if provider.role != "doctor" {
        return Ok(None);
    }
    let Some((kit, flow)) = crate::domain::equipment::parse_order_text(text) else {
        return Ok(None);
    };
    let since = ctx.now - Duration::hours(24);
    let Some(patient_id) = offers::latest_outcome_patient(conn, provider.id, "oxygen", since).await? else {
        return Ok(None);
    };
    let request_id = care::open_of_kind(conn, patient_id, RequestKind::Oxygen).await?;
    let Some(request_id) = request_id else {
        return Ok(None);
    };
    let data = format!("o2:{request_id}:{}:{}", kit.code(), flow.display());
    order_from_chat(conn, ctx, provider, lang, &data).await.map(Some)
}

/// "o2:12:cylinder:2" → (request, kit, flow).
fn parse_order(data: &str) -> Option<(i64, Kit, FlowRate)> {
    let mut parts = data.strip_prefix("o2:")?.split(':');
    let id = parts.next()?.parse().ok()?;
    let kit = Kit::from_code(parts.next()?)?;
    let flow = FlowRate::parse(parts.next()?)?;
    parts.next().is_none().then_some((id, kit, flow))
}

/// Oxygen has started at home (the doctor's button, or staff on a visiting nurse's word).
pub async fn start(conn: &mut Conn, ctx: &Ctx<'_>, order_id: i64) -> anyhow::Result<Result<Order, OrderMoveError>> {
    let Some(order) = orders::order(conn, order_id).await? else {
        return Ok(Err(OrderMoveError::NoOrder));
    };
    if orders::move_order(
        conn,
        order.id,
        &[OrderStatus::Delivered],
        OrderStatus::Started,
        None,
        ctx.now,
    )
    .await?
        == 0
    {
        return Ok(Err(OrderMoveError::NotNow));
    }
    let flow = FlowRate::from_tenths(order.flow_tenths)
        .map(FlowRate::display)
        .unwrap_or_default();
    crate::care::context::notify_patient(conn, ctx, order.patient_id, |l| {
        ctx.t(l, msg!("oxygen-started-patient"), &[("flow", flow.clone().into())])
    })
    .await?;
    Ok(Ok(order))
}

/// The doctor's buttons after delivery: `o2start:ORDER`, `o2end:ORDER`.
pub async fn doctor_button(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    provider: &Provider,
    lang: Lang,
    data: &str,
) -> anyhow::Result<Option<Vec<OutMessage>>> {
    let (end_it, id) = if let Some(id) = data.strip_prefix("o2start:") {
        (false, id)
    } else if let Some(id) = data.strip_prefix("o2end:") {
        (true, id)
    } else {
        return Ok(None);
    };
    let say = |key: &str| Ok(Some(vec![OutMessage::text(ctx.t(lang, key, &[]))]));
    let Ok(id) = id.parse::<i64>() else {
        return say(msg!("offer-unknown"));
    };
    let mine = orders::order(conn, id)
        .await?
        .is_some_and(|o| o.ordered_by_provider == Some(provider.id));
    if !mine {
        let refused =
            crate::care::context::refuse_provider(conn, ctx, provider, lang, msg!("offer-unknown"), data).await?;
        return Ok(Some(refused));
    }
    if end_it {
        let reason = format!("ended by {}", provider.name);
        return match super::end::end(conn, ctx, id, &format!("provider:{}", provider.id), &reason).await? {
            Ok(_) => say(msg!("oxygen-ended")),
            Err(_) => say(msg!("oxygen-not-now")),
        };
    }
    match start(conn, ctx, id).await? {
        Ok(order) => Ok(Some(vec![OutMessage {
            text: ctx.t(lang, msg!("oxygen-started"), &[]),
            choices: vec![Choice {
                label: ctx.t(lang, msg!("oxygen-end-button"), &[]),
                data: format!("o2end:{}", order.id),
            }],
        }])),
        Err(_) => say(msg!("oxygen-not-now")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_buttons_parse() {
        let (id, kit, flow) = parse_order("o2:12:cylinder:2").expect("parses");
        assert_eq!((id, kit, flow.tenths()), (12, Kit::Cylinder, 20));
        assert!(parse_order("o2:12:tank:2").is_none());
        assert!(parse_order("o2:12:cylinder:99").is_none());
        assert!(parse_order("o2:x:cylinder:2").is_none());
        assert!(parse_order("o2:1:cylinder:2:extra").is_none());
    }
}

//! What the provider who took a request reports — consulted, visited, prescribed, oxygen or
//! admission needed, could not reach — and the follow-up requests it opens; a nurse or
//! pharmacist consulting a doctor.

use super::context::Ctx;
use crate::channels::OutMessage;
use crate::domain::enrolment::ChatStatus;
use crate::domain::triage::{Level, Reason, RequestKind, RequestStatus};
use crate::i18n::Lang;
use crate::store::offers::{self, Request};
use crate::store::providers::Provider;
use crate::store::{Conn, care, chats, patients, timers};
use chrono::Duration;

/// The support centre arranged a hospital admission: oxygen at home ends (the equipment is
/// collected) and the patient leaves home observation, as admission does.
async fn admitted(conn: &mut Conn, ctx: &Ctx<'_>, request: &Request, by: &Provider) -> anyhow::Result<()> {
    let actor = format!("provider:{}", by.id);
    for order in crate::store::orders::active_orders(conn, request.patient_id).await? {
        // (an order that cannot end now has ended already)
        let _ = super::oxygen::end::end(conn, ctx, order.id, &actor, "admitted to hospital").await?;
    }
    if let Some(patient) = patients::get(conn, request.patient_id).await? {
        let note = ctx.t(
            crate::i18n::Lang::JA,
            msg!("admission-arranged-note"),
            &[("provider", by.name.clone().into())],
        );
        super::release::release(conn, ctx, &patient, Some(&note)).await?;
    }
    Ok(())
}

/// A night doctor handed over the first-line drug set: a prescription delivery of the patient
/// still waiting for a pharmacy (held for the morning, or being offered) is the same need, so it
/// is closed rather than delivered twice.
async fn drug_set_covers_delivery(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    request: &Request,
    by: &Provider,
) -> anyhow::Result<()> {
    let Some(id) = care::open_of_kind(conn, request.patient_id, RequestKind::PharmacyDelivery).await? else {
        return Ok(());
    };
    if id == request.id {
        return Ok(());
    }
    let why = ctx.t(
        Lang::JA,
        msg!("drug-set-covers-note"),
        &[("provider", by.name.clone().into())],
    );
    // only a delivery nobody has taken yet: one a pharmacy accepted is theirs to finish
    if let Some(delivery) = offers::request(conn, id).await?
        && delivery.status == RequestStatus::Open
        && crate::store::views::move_request(conn, id, RequestStatus::Done, Some(&why), None, ctx.now).await? > 0
    {
        offers::withdraw_open(conn, id, ctx.now).await?;
        timers::cancel_ref(conn, super::offering::CHAIN, request.patient_id, id).await?;
    }
    Ok(())
}

/// The request an outcome opens next: (kind, level, minutes to act).
fn follow_up(outcome: &str) -> Option<(RequestKind, Level, i64)> {
    match outcome {
        "prescribed" => Some((RequestKind::PharmacyDelivery, Level::Moderate, 240)),
        "oxygen" => Some((RequestKind::Oxygen, Level::Urgent, 60)),
        "admission" => Some((RequestKind::HospitalCoordination, Level::Urgent, 60)),
        "nursing" => Some((RequestKind::VisitingNursing, Level::Moderate, 240)),
        "no_contact" => Some((RequestKind::SafetyCheck, Level::Urgent, 120)),
        _ => None,
    }
}

/// Opens a request that follows from `parent` and links it (`parent_id`); a new one starts its
/// chain, an open one of the same kind is raised instead (see [`care::open`]).
async fn open_follow_up(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    parent: &Request,
    kind: RequestKind,
    level: Level,
    minutes: i64,
    reasons: &[Reason],
) -> anyhow::Result<care::Opened> {
    let new = care::NewRequest {
        patient_id: parent.patient_id,
        assessment_id: None,
        kind,
        level,
        target_at: ctx.now + Duration::minutes(minutes),
        reasons,
        oxygen_routes: None,
    };
    let mut opened = care::open(conn, &new, ctx.now).await?;
    // linked before its chain starts: a chain may follow the link (a nurse's consultation goes
    // to the doctor who ordered the nursing)
    offers::set_parent(conn, opened.id(), parent.id).await?;
    if let care::Opened::New(request) = &mut opened {
        request.parent_id = Some(parent.id);
    }
    let told = match &opened {
        care::Opened::New(request) => super::chain::opened_for_patient(conn, ctx, request, None, None, false).await?,
        care::Opened::Existing(_) => vec![],
        care::Opened::Raised(id) => super::chain::raised(conn, ctx, *id, None, None).await?,
    };
    if !told.is_empty()
        && let Some(chat) = chats::for_patient(conn, parent.patient_id)
            .await?
            .filter(|c| c.status == ChatStatus::Active)
    {
        super::context::push(conn, ctx, chat.id, told).await?;
    }
    Ok(opened)
}

/// The provider reported an outcome of their request: it is closed, and what it needs next is
/// opened (a delivery, oxygen, hospital coordination, a safety check).
pub async fn outcome(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    provider: &Provider,
    lang: Lang,
    request_id: i64,
    code: &str,
) -> anyhow::Result<Vec<OutMessage>> {
    let Some(request) = offers::assigned_to(conn, request_id, provider.id).await? else {
        let what = format!("outcome:{request_id}:{code}");
        return super::context::refuse_provider(conn, ctx, provider, lang, msg!("outcome-closed"), &what).await;
    };
    if !crate::domain::outcome::outcomes_for(Some(request.kind), &provider.role).contains(&code) {
        return Ok(vec![OutMessage::text(ctx.t(lang, msg!("offer-unknown"), &[]))]);
    }
    if offers::record_outcome(conn, request.id, code, ctx.now).await? == 0 {
        return Ok(vec![OutMessage::text(ctx.t(lang, msg!("outcome-closed"), &[]))]);
    }
    timers::cancel_ref(conn, super::chain::OVERDUE, request.patient_id, request.id).await?;
    if request.kind.is_job() {
        super::oxygen::job::job_outcome(conn, ctx, &request, provider, code).await?;
        return Ok(vec![OutMessage::text(ctx.t(
            lang,
            msg!("outcome-recorded"),
            &[("outcome", code.into())],
        ))]);
    }
    if code == "admission_arranged" {
        admitted(conn, ctx, &request, provider).await?;
    }
    if code == "oxygen_started" {
        super::oxygen::job::started_at_visit(conn, ctx, &request).await?;
    }
    if code == "drug_set" {
        drug_set_covers_delivery(conn, ctx, &request, provider).await?;
    }
    let mut prompt = None;
    if let Some((kind, level, minutes)) = follow_up(code) {
        let reasons = [Reason::new(
            level,
            msg!("reason-outcome"),
            &[("outcome", code.to_string()), ("provider", provider.name.clone())],
        )];
        let opened = open_follow_up(conn, ctx, &request, kind, level, minutes, &reasons).await?;
        if kind == RequestKind::Oxygen && provider.role == "doctor" {
            // the doctor orders the kit with one more tap
            let id = opened.id();
            let name = patients::get(conn, request.patient_id)
                .await?
                .map(|p| p.name)
                .unwrap_or_default();
            prompt = Some(super::oxygen::order::order_prompt(ctx, lang, id, &name));
        }
        if kind == RequestKind::VisitingNursing
            && let Some(patient) = patients::get(conn, request.patient_id).await?
        {
            // the plan starts as the default; the doctor changes it with one tap
            let plan = super::nursing::ordered(conn, ctx, opened.id(), &patient).await?;
            prompt = Some(super::nursing::plan_prompt(ctx, lang, opened.id(), &plan));
        }
        if code == "no_contact" {
            chats::alert_staff(
                conn,
                "safety_check",
                Some(request.patient_id),
                None,
                "the provider could not reach the patient: a home safety check is needed",
                ctx.now,
            )
            .await?;
        }
    }
    let mut out = vec![OutMessage::text(ctx.t(
        lang,
        msg!("outcome-recorded"),
        &[("outcome", code.into())],
    ))];
    out.extend(prompt);
    Ok(out)
}

/// A nurse or pharmacist asks a doctor to take over (医師に代わって相談): a doctor request is
/// opened, linked to theirs, and offered through the doctors' chain.
pub async fn consult(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    provider: &Provider,
    lang: Lang,
    request_id: i64,
) -> anyhow::Result<Vec<OutMessage>> {
    let say = |key: &str| Ok(vec![OutMessage::text(ctx.t(lang, key, &[]))]);
    if !matches!(provider.role.as_str(), "nurse" | "pharmacist") {
        return say(msg!("offer-unknown"));
    }
    let Some(request) = offers::assigned_to(conn, request_id, provider.id).await? else {
        let what = format!("consult:{request_id}");
        return super::context::refuse_provider(conn, ctx, provider, lang, msg!("outcome-closed"), &what).await;
    };
    let level = request.urgency.max(Level::Moderate);
    let reasons = [Reason::new(
        level,
        msg!("reason-consult"),
        &[("provider", provider.name.clone()), ("role", provider.role.clone())],
    )];
    match open_follow_up(
        conn,
        ctx,
        &request,
        RequestKind::DoctorConsultation,
        level,
        60,
        &reasons,
    )
    .await?
    {
        care::Opened::New(_) => say(msg!("consult-opened")),
        care::Opened::Existing(_) | care::Opened::Raised(_) => say(msg!("consult-already")),
    }
}

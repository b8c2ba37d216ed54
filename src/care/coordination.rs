//! The medical association's support centre at work (the seeds' pillar 2): a home visit or an
//! admission no family doctor took is offered to it; once it holds one it can give the visit to
//! a doctor it found (the doctor gets it as if they had accepted), record an admission arranged
//! (an outcome), or hand it back to health-centre staff.

use super::context::Ctx;
use crate::channels::{Choice, OutMessage};
use crate::domain::calendar::Shift;
use crate::domain::roster::{Duty, ProviderStatus, weekday_code};
use crate::i18n::Lang;
use crate::store::offers::{self, Request};
use crate::store::providers::{self, Provider};
use crate::store::{Conn, patients, rosters, timers};

/// A support-centre button: "delegate:12" (which doctor?), "delegate:12:34" (that one),
/// "handback:12". `None`: not one of these.
pub async fn button(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    centre: &Provider,
    lang: Lang,
    data: &str,
) -> anyhow::Result<Option<Vec<OutMessage>>> {
    let (verb, rest) = match (data.strip_prefix("delegate:"), data.strip_prefix("handback:")) {
        (Some(rest), _) => ("delegate", rest),
        (_, Some(rest)) => ("handback", rest),
        _ => return Ok(None),
    };
    let say = |key: &str| Ok(Some(vec![OutMessage::text(ctx.t(lang, key, &[]))]));
    let mut parts = rest.split(':').map(str::parse::<i64>);
    let (Some(Ok(request_id)), doctor) = (parts.next(), parts.next()) else {
        return say(msg!("offer-unknown"));
    };
    // only the centre holding the request may move it
    let Some(request) = offers::assigned_to(conn, request_id, centre.id)
        .await?
        .filter(|_| centre.role == "support_centre")
    else {
        let refused = super::context::refuse_provider(conn, ctx, centre, lang, msg!("outcome-closed"), data).await?;
        return Ok(Some(refused));
    };
    match (verb, doctor) {
        ("handback", _) => hand_back(conn, ctx, centre, lang, &request).await.map(Some),
        (_, None) => choose_doctor(conn, ctx, lang, &request).await.map(Some),
        (_, Some(Ok(doctor))) => delegate(conn, ctx, lang, &request, doctor).await.map(Some),
        (_, Some(Err(_))) => say(msg!("offer-unknown")),
    }
}

/// The doctors the centre may give the visit to: the patient's family doctor, those on the
/// area's roster now, the night-visit service, the area director.
async fn candidates(conn: &mut Conn, ctx: &Ctx<'_>, request: &Request) -> anyhow::Result<Vec<Provider>> {
    let Some(patient) = patients::get(conn, request.patient_id).await? else {
        return Ok(vec![]);
    };
    let local = ctx.now.with_timezone(&ctx.config.timezone).naive_local();
    let area = patient.area.clone().unwrap_or_default();
    let roster = rosters::area(conn, &area, weekday_code(local.date())).await?;
    let shift = ctx.config.service_hours.shift(local);
    let mut out: Vec<Provider> = Vec::new();
    if let Some(family) = patient.family_doctor_id {
        out.extend(providers::get(conn, family).await?);
    }
    for slot in [
        shift.code(),
        Shift::Night.code(),
        Duty::NightService.code(),
        Duty::AreaDirector.code(),
    ] {
        out.extend(roster.covering(slot, Some("doctor")));
    }
    let mut seen = std::collections::HashSet::new();
    out.retain(|p| p.status == ProviderStatus::Active && !p.away && p.role == "doctor" && seen.insert(p.id));
    Ok(out)
}

async fn choose_doctor(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    lang: Lang,
    request: &Request,
) -> anyhow::Result<Vec<OutMessage>> {
    let doctors = candidates(conn, ctx, request).await?;
    if doctors.is_empty() {
        return Ok(vec![OutMessage::text(ctx.t(lang, msg!("coordination-no-doctor"), &[]))]);
    }
    Ok(vec![OutMessage {
        text: ctx.t(lang, msg!("coordination-choose-doctor"), &[]),
        choices: doctors
            .iter()
            .take(10)
            .map(|d| Choice {
                label: d.name.clone(),
                data: format!("delegate:{}:{}", request.id, d.id),
            })
            .collect(),
    }])
}

async fn delegate(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    lang: Lang,
    request: &Request,
    doctor_id: i64,
) -> anyhow::Result<Vec<OutMessage>> {
    let say = |key: &str| Ok(vec![OutMessage::text(ctx.t(lang, key, &[]))]);
    if !candidates(conn, ctx, request).await?.iter().any(|d| d.id == doctor_id) {
        return say(msg!("offer-unknown"));
    }
    if super::assign::assign_to(conn, ctx, request.id, doctor_id, false)
        .await?
        .is_err()
    {
        return say(msg!("outcome-closed"));
    }
    let Some(doctor) = providers::get(conn, doctor_id).await? else {
        return say(msg!("offer-unknown"));
    };
    let name = patients::get(conn, request.patient_id)
        .await?
        .map(|p| p.name)
        .unwrap_or_default();
    Ok(vec![OutMessage::text(ctx.t(
        lang,
        msg!("coordination-assigned"),
        &[
            ("doctor", doctor.name.into()),
            ("phone", doctor.phone.into()),
            ("name", name.into()),
        ],
    ))])
}

/// The centre cannot arrange it: the request is staff's again, and staff are alerted.
async fn hand_back(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    centre: &Provider,
    lang: Lang,
    request: &Request,
) -> anyhow::Result<Vec<OutMessage>> {
    if offers::return_to_staff(conn, request.id, centre.id, ctx.now).await? == 0 {
        return Ok(vec![OutMessage::text(ctx.t(lang, msg!("outcome-closed"), &[]))]);
    }
    timers::cancel_ref(conn, super::chain::OVERDUE, request.patient_id, request.id).await?;
    let step = super::offering::chain_of(ctx, request)
        .1
        .map_or(-1, |c| c.len() as i64 - 1);
    let detail = format!(
        "the support centre (provider {}) handed care request {} ({}) back: staff must arrange it",
        centre.id, request.id, request.kind
    );
    offers::hand_to_staff(conn, request.id, step, request.patient_id, &detail, ctx.now).await?;
    Ok(vec![OutMessage::text(ctx.t(
        lang,
        msg!("coordination-handed-back"),
        &[],
    ))])
}

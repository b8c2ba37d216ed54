//! Running escalation chains ([`crate::domain::chain`]): a new care request is offered step by
//! step to providers in their chats, with Accept / Decline buttons; the first accept wins and
//! the patient is told who will contact them; a decline by everyone asked, or the deadline,
//! moves the chain on; at the end health-centre staff are alerted. A durable timer per request
//! (kind `chain`, `ref_id` = the request) carries the chain across restarts and instances.

use chrono::Datelike;
use fluent_bundle::FluentValue;

use super::Ctx;
use crate::channels::{Choice, OutMessage};
use crate::domain::chain::{Target, default_chain, next_step};
use crate::domain::patient::age_on;
use crate::domain::reading::Temperature;
use crate::domain::roster::weekday_code;
use crate::domain::triage::{Level, Reason, RequestKind};
use crate::i18n::Lang;
use crate::store::offers::{self, Request};
use crate::store::patients::Patient;
use crate::store::providers::{self, Provider};
use crate::store::{Conn, care, chats, from_ms, patients, reports, rosters, timers};

pub const CHAIN: &str = "chain";

/// Starts the chain of a newly opened request, if its kind has one.
pub async fn start(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    request_id: i64,
    patient_id: i64,
    kind: RequestKind,
    level: Level,
) -> anyhow::Result<()> {
    if default_chain(kind, level).is_some() {
        timers::schedule_ref(conn, CHAIN, patient_id, request_id, ctx.now, ctx.now).await?;
    }
    Ok(())
}

/// The chain timer fired (first step, or the current step's deadline passed): the offers still
/// open expire and the next step is taken.
pub async fn advance(conn: &mut Conn, ctx: &Ctx<'_>, request_id: i64) -> anyhow::Result<()> {
    let Some(request) = offers::request(conn, request_id).await? else {
        return Ok(());
    };
    if request.status != "open" {
        return Ok(());
    }
    for offer in offers::open_for(conn, request.id).await? {
        offers::answer(conn, offer.id, "expired", ctx.now).await?;
    }
    let Some(patient) = patients::get(conn, request.patient_id).await? else {
        return Ok(());
    };
    let Some(kind) = RequestKind::from_code(&request.kind) else {
        return Ok(());
    };
    let Some(chain) = default_chain(kind, care::level(request.urgency).unwrap_or(Level::Urgent)) else {
        return Ok(());
    };
    let local = ctx.now.with_timezone(&ctx.config.timezone).naive_local();
    let shift = ctx.config.service_hours.shift(local);
    let weekday = weekday_code(local.date());
    let area = patient.area.clone().unwrap_or_default();
    let asked = offers::offered_to(conn, request.id).await?;
    let mut done = request.chain_step.and_then(|s| usize::try_from(s).ok());
    while let Some((index, step)) = next_step(&chain, done, shift, patient.family_doctor_id.is_some()) {
        done = Some(index);
        let candidates: Vec<Provider> = match step.target {
            Target::FamilyDoctor => match patient.family_doctor_id {
                Some(id) => providers::get(conn, id).await?.into_iter().collect(),
                None => vec![],
            },
            Target::Roster { at_once } => take(
                rosters::covering(conn, &area, shift.code(), weekday).await?,
                &asked,
                at_once,
            ),
            Target::NightRoster { at_once } => {
                take(rosters::covering(conn, &area, "night", weekday).await?, &asked, at_once)
            }
            // the area director is not on file yet: staff are next
            Target::AreaDirector => vec![],
            Target::Staff => {
                offers::set_step(conn, request.id, index as i64, ctx.now).await?;
                chats::alert_staff(
                    conn,
                    "chain_exhausted",
                    Some(patient.id),
                    None,
                    &format!(
                        "no provider accepted care request {} ({}): staff must arrange it",
                        request.id, request.kind
                    ),
                    ctx.now,
                )
                .await?;
                return Ok(());
            }
        };
        let mut sent = 0;
        for provider in candidates
            .iter()
            .filter(|p| p.status == "active" && !asked.contains(&p.id))
        {
            let Some(chat) = chats::for_provider(conn, provider.id)
                .await?
                .filter(|c| c.status == "active")
            else {
                continue; // not reachable in chat: the next one
            };
            let deadline = ctx.now + step.wait;
            let offer_id = offers::create(conn, request.id, provider.id, index as i64, deadline, ctx.now).await?;
            let lang = super::provider::language(provider, chat.language_hint.as_deref());
            let message = offer_message(conn, ctx, lang, &request, &patient, offer_id, deadline).await?;
            super::push(conn, ctx, chat.id, vec![message]).await?;
            sent += 1;
        }
        if sent > 0 {
            offers::set_step(conn, request.id, index as i64, ctx.now).await?;
            timers::schedule_ref(conn, CHAIN, patient.id, request.id, ctx.now + step.wait, ctx.now).await?;
            return Ok(());
        }
    }
    Ok(())
}

fn take(on_roster: Vec<Provider>, asked: &[i64], n: usize) -> Vec<Provider> {
    on_roster
        .into_iter()
        .filter(|p| !asked.contains(&p.id))
        .take(n)
        .collect()
}

fn kind_name(ctx: &Ctx<'_>, lang: Lang, kind: &str) -> String {
    ctx.t(lang, msg!("request-kind"), &[("kind", kind.to_string().into())])
}

/// What a provider needs to decide, with the buttons.
async fn offer_message(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    lang: Lang,
    request: &Request,
    patient: &Patient,
    offer_id: i64,
    deadline: chrono::DateTime<chrono::Utc>,
) -> anyhow::Result<OutMessage> {
    let today = ctx.now.with_timezone(&ctx.config.timezone).date_naive();
    let latest = reports::for_patient(conn, patient.id, 3).await?;
    let readings: Vec<String> = latest
        .iter()
        .filter(|r| r.completed_at.is_some())
        .map(|r| {
            let at = from_ms(r.completed_at.unwrap_or(r.created_at)).with_timezone(&ctx.config.timezone);
            let spo2 = r.counted_spo2().map(|v| format!("SpO2 {v}%")).unwrap_or_default();
            let temp = r
                .temperature
                .and_then(Temperature::from_tenths)
                .map(|t| format!(" {}°C", t.display()))
                .unwrap_or_default();
            format!("{}/{} {} {spo2}{temp}", at.month(), at.day(), at.format("%H:%M"))
        })
        .collect();
    let reasons: Vec<Reason> = serde_json::from_str(&request.reasons).unwrap_or_default();
    let reasons: Vec<String> = reasons
        .iter()
        .map(|r| crate::api::render_reason(ctx.locales, lang, r))
        .collect();
    let deadline = deadline.with_timezone(&ctx.config.timezone).format("%H:%M").to_string();
    let args: Vec<(&str, FluentValue)> = vec![
        ("kind", kind_name(ctx, lang, &request.kind).into()),
        ("name", patient.name.clone().into()),
        ("age", i64::from(age_on(patient.birth(), today)).into()),
        ("phone", patient.phone.clone().into()),
        ("area", patient.area.clone().unwrap_or_else(|| "-".into()).into()),
        ("readings", readings.join("\n").into()),
        ("reasons", reasons.join("\n").into()),
        ("deadline", deadline.into()),
    ];
    Ok(OutMessage {
        text: ctx.t(lang, msg!("offer"), &args),
        choices: vec![
            Choice {
                label: ctx.t(lang, msg!("offer-accept"), &[]),
                data: format!("offer:{offer_id}:accept"),
            },
            Choice {
                label: ctx.t(lang, msg!("offer-decline"), &[]),
                data: format!("offer:{offer_id}:decline"),
            },
        ],
    })
}

/// A provider pressed Accept or Decline on an offer; returns what they are told.
pub async fn answer(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    provider: &Provider,
    lang: Lang,
    offer_id: i64,
    accept: bool,
) -> anyhow::Result<Vec<OutMessage>> {
    let say = |key: &str| Ok(vec![OutMessage::text(ctx.t(lang, key, &[]))]);
    let Some(offer) = offers::get(conn, offer_id)
        .await?
        .filter(|o| o.provider_id == provider.id)
    else {
        return say(msg!("offer-unknown"));
    };
    let Some(request) = offers::request(conn, offer.care_request_id).await? else {
        return say(msg!("offer-unknown"));
    };
    if !accept {
        if offers::answer(conn, offer.id, "declined", ctx.now).await? == 0 {
            return say(msg!("offer-closed"));
        }
        if offers::open_for(conn, request.id).await?.is_empty() && request.status == "open" {
            // everyone asked at this step said no: go on now, not at the deadline
            timers::cancel_ref(conn, CHAIN, request.patient_id, request.id).await?;
            advance(conn, ctx, request.id).await?;
        }
        return say(msg!("offer-declined"));
    }
    if offer.status != "offered" {
        return say(if offer.status == "taken" {
            msg!("offer-taken")
        } else {
            msg!("offer-closed")
        });
    }
    // the request row decides: one accept wins, a concurrent one waits here and then finds it taken
    if offers::assign(conn, request.id, provider.id, ctx.now).await? == 0 {
        offers::answer(conn, offer.id, "taken", ctx.now).await?;
        return say(msg!("offer-taken"));
    }
    offers::answer(conn, offer.id, "accepted", ctx.now).await?;
    for other in offers::open_for(conn, request.id).await? {
        offers::answer(conn, other.id, "taken", ctx.now).await?;
    }
    timers::cancel_ref(conn, CHAIN, request.patient_id, request.id).await?;
    let Some(patient) = patients::get(conn, request.patient_id).await? else {
        return say(msg!("offer-unknown"));
    };
    let by = from_ms(request.target_at)
        .max(ctx.now)
        .with_timezone(&ctx.config.timezone);
    let by = by.format("%H:%M").to_string();
    // the patient is told who will contact them, in their language
    if let Some(chat) = chats::for_patient(conn, patient.id)
        .await?
        .filter(|c| c.status == "active")
    {
        let plang = super::language(Some(&patient), chat.language_hint.as_deref());
        let text = ctx.t(
            plang,
            msg!("patient-provider-assigned"),
            &[
                ("provider", provider.name.clone().into()),
                ("role", provider.role.clone().into()),
                ("by", by.clone().into()),
            ],
        );
        super::push(conn, ctx, chat.id, vec![OutMessage::text(text)]).await?;
    }
    Ok(vec![OutMessage {
        text: ctx.t(
            lang,
            msg!("offer-accepted"),
            &[
                ("name", patient.name.clone().into()),
                ("phone", patient.phone.clone().into()),
                ("by", by.into()),
            ],
        ),
        choices: OUTCOMES
            .iter()
            .map(|code| Choice {
                label: ctx.t(lang, msg!("outcome-label"), &[("outcome", (*code).into())]),
                data: format!("outcome:{}:{code}", request.id),
            })
            .collect(),
    }])
}

/// What the accepting provider can report (the outcome buttons).
pub const OUTCOMES: [&str; 6] = [
    "consulted",
    "visited",
    "prescribed",
    "oxygen",
    "admission",
    "no_contact",
];

/// The request an outcome opens next: (kind, level, minutes to act).
fn follow_up(outcome: &str) -> Option<(RequestKind, Level, i64)> {
    match outcome {
        "prescribed" => Some((RequestKind::PharmacyDelivery, Level::Moderate, 240)),
        "oxygen" => Some((RequestKind::Oxygen, Level::Urgent, 60)),
        "admission" => Some((RequestKind::HospitalCoordination, Level::Urgent, 60)),
        "no_contact" => Some((RequestKind::SafetyCheck, Level::Urgent, 120)),
        _ => None,
    }
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
    if !OUTCOMES.contains(&code) {
        return Ok(vec![OutMessage::text(ctx.t(lang, msg!("offer-unknown"), &[]))]);
    }
    let Some(request) = offers::assigned_to(conn, request_id, provider.id).await? else {
        return Ok(vec![OutMessage::text(ctx.t(lang, msg!("outcome-closed"), &[]))]);
    };
    if offers::record_outcome(conn, request.id, code, ctx.now).await? == 0 {
        return Ok(vec![OutMessage::text(ctx.t(lang, msg!("outcome-closed"), &[]))]);
    }
    if let Some((kind, level, minutes)) = follow_up(code) {
        let reasons = [Reason::new(
            level,
            msg!("reason-outcome"),
            &[("outcome", code.to_string()), ("provider", provider.name.clone())],
        )];
        let new = care::NewRequest {
            patient_id: request.patient_id,
            assessment_id: None,
            kind,
            level,
            target_at: ctx.now + chrono::Duration::minutes(minutes),
            reasons: &reasons,
        };
        let id = match care::open(conn, &new, ctx.now).await? {
            care::Opened::New(id) => {
                start(conn, ctx, id, request.patient_id, kind, level).await?;
                id
            }
            care::Opened::Existing(id) => id,
        };
        offers::set_parent(conn, id, request.id).await?;
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
    Ok(vec![OutMessage::text(ctx.t(
        lang,
        msg!("outcome-recorded"),
        &[("outcome", code.into())],
    ))])
}

//! Offering a care request to providers, step by step: the patient's family doctor, the area's
//! roster for the shift (three at once), the night roster, the area director, then staff. Each
//! step's deadline is a durable timer; an offer shows the patient, the readings, the reasons and
//! the deadline with Accept / Decline buttons in the provider's language.

use super::context::Ctx;
use crate::channels::{Choice, OutMessage};
use crate::domain::calendar::Shift;
use crate::domain::chain::{OfferStatus, Situation, Step, Target, chain_for, hold_until, next_step};
use crate::domain::coverage::Routing;
use crate::domain::enrolment::ChatStatus;
use crate::domain::patient::age_on;
use crate::domain::reading::Temperature;
use crate::domain::roster::ProviderStatus;
use crate::domain::roster::{Duty, weekday_code};
use crate::domain::triage::{Level, Reason, RequestKind, RequestStatus};
use crate::i18n::Lang;
use crate::store::offers::{self, Request};
use crate::store::patients::Patient;
use crate::store::providers::{self, Provider};
use crate::store::timers::TimerKind;
use crate::store::{Conn, chats, patients, reports, rosters, timers};
use chrono::{Datelike, Duration, TimeZone, Utc};
use fluent_bundle::FluentValue;
use std::borrow::Cow;

pub const CHAIN: TimerKind = TimerKind::Chain;

/// Starts the chain of a newly opened request (`request`: its row as opened), if its kind has
/// one: its first step is taken in the transaction that opened it (the offers go out with the
/// same commit; the step's deadline, or a wait for opening hours, is a durable timer as every
/// later step's is).
pub async fn start(conn: &mut Conn, ctx: &Ctx<'_>, request: &Request, known: Option<&Patient>) -> anyhow::Result<()> {
    if chain_of(ctx, request).1.is_some() {
        take_step(conn, ctx, request, known, true).await?;
    }
    Ok(())
}

/// The chain timer fired (first step, or the current step's deadline passed): the offers still
/// open expire and the next step is taken — or, for a prescription outside pharmacy hours, the
/// chain waits for the pharmacies to open.
/// `known`: the patient's row, if the caller read it in this transaction.
pub async fn advance(conn: &mut Conn, ctx: &Ctx<'_>, request_id: i64, known: Option<&Patient>) -> anyhow::Result<()> {
    match offers::request(conn, request_id).await? {
        Some(request) => take_step(conn, ctx, &request, known, false).await,
        None => Ok(()),
    }
}

/// [`advance`]; `fresh`: the request was opened in this transaction, so it has no offers yet.
pub(crate) async fn take_step(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    request: &Request,
    known: Option<&Patient>,
    fresh: bool,
) -> anyhow::Result<()> {
    if request.status != RequestStatus::Open {
        return Ok(());
    }
    let offers = if fresh {
        vec![]
    } else {
        offers::all_for(conn, request.id).await?
    };
    for offer in offers.iter().filter(|o| o.status == OfferStatus::Offered) {
        offers::answer(conn, offer.id, OfferStatus::Expired, ctx.now).await?;
    }
    let Some(row) = patient_row(conn, known, request.patient_id).await? else {
        return Ok(());
    };
    let patient: &Patient = &row;
    let kind = request.kind;
    let (routing, Some(chain)) = chain_of(ctx, request) else {
        return Ok(());
    };
    let tz = ctx.config.timezone;
    let local = ctx.now.with_timezone(&tz).naive_local();
    let held = match routing {
        Routing::Usual => hold_until(kind, &ctx.config.service_hours, local),
        Routing::NightService => None,
    };
    if let Some(open) = held {
        let at = tz
            .from_local_datetime(&open)
            .earliest()
            .map_or(ctx.now + Duration::hours(1), |t| t.with_timezone(&Utc));
        // the time to act counts from the opening
        let due = request.target_at.max(at + (request.target_at - request.created_at));
        offers::set_target(conn, request.id, due, ctx.now).await?;
        timers::schedule_ref(conn, CHAIN, patient.id, request.id, at, ctx.now).await?;
        return Ok(());
    }
    // the patient's own doctor: the one who ordered the nursing a nurse consults about, else
    // the family doctor
    let own_doctor = match ordering_doctor(conn, request).await? {
        Some(id) => Some(id),
        None => patient.family_doctor_id,
    };
    let situation = Situation::at(
        &ctx.config.service_hours,
        local,
        own_doctor.is_some(),
        patient.pharmacy_id.is_some(),
    );
    let weekday = weekday_code(local.date());
    let area = patient.area.clone().unwrap_or_default();
    let asked: Vec<i64> = offers.iter().map(|o| o.provider_id).collect();
    let mut done = request.chain_step.and_then(|s| usize::try_from(s).ok());
    // the area's roster, read once for all the steps that ask it
    let mut roster: Option<rosters::AreaRoster> = None;
    while let Some((index, step)) = next_step(&chain, done, &situation) {
        done = Some(index);
        let role = step.target.role();
        let (slot, n) = match step.target {
            Target::Roster { at_once } | Target::NurseRoster { at_once } => (situation.shift.code(), at_once),
            Target::NightRoster { at_once } => (Shift::Night.code(), at_once),
            Target::PartnerPharmacy { at_once } => (Shift::Day.code(), at_once),
            Target::HolidayPharmacy { at_once } => (Shift::Holiday.code(), at_once),
            Target::AreaDirector => (Duty::AreaDirector.code(), 1),
            Target::NightService { at_once } => (Duty::NightService.code(), at_once),
            Target::PharmacyOffice => (Duty::PharmacyOffice.code(), 1),
            Target::Contractors { at_once } => ("", at_once),
            Target::FamilyDoctor | Target::UsualPharmacy | Target::Staff => ("", 0),
            Target::SupportCentre => ("", 1),
        };
        let candidates: Vec<Provider> = match step.target {
            Target::FamilyDoctor => one(conn, own_doctor).await?,
            Target::UsualPharmacy => one(conn, patient.pharmacy_id).await?,
            Target::Contractors { .. } => providers::contractors(conn, &area).await?,
            Target::SupportCentre => providers::of_role_for_area(conn, "support_centre", &area).await?,
            Target::Roster { .. }
            | Target::NurseRoster { .. }
            | Target::NightRoster { .. }
            | Target::PartnerPharmacy { .. }
            | Target::HolidayPharmacy { .. }
            | Target::AreaDirector
            | Target::NightService { .. }
            | Target::PharmacyOffice => {
                if roster.is_none() {
                    roster = Some(rosters::area(conn, &area, weekday).await?);
                }
                roster.as_ref().map_or_else(Vec::new, |r| r.covering(slot, Some(role)))
            }
            Target::Staff => {
                let detail = format!(
                    "no provider accepted care request {} ({}): staff must arrange it",
                    request.id, request.kind
                );
                offers::hand_to_staff(conn, request.id, index as i64, patient.id, &detail, ctx.now).await?;
                return Ok(());
            }
        };
        // `n` offers from those not asked yet, in roster order: one who cannot be reached in chat
        // (or is inactive) makes room for the next, rather than using up the step
        let limit = if n == 0 { usize::MAX } else { n };
        let mut sent = 0;
        for provider in candidates
            .iter()
            .filter(|p| p.status == ProviderStatus::Active && !p.away && !asked.contains(&p.id))
        {
            if sent >= limit {
                break;
            }
            let Some(chat) = chats::for_provider(conn, provider.id)
                .await?
                .filter(|c| c.status == ChatStatus::Active)
            else {
                continue; // not reachable in chat: the next one
            };
            let deadline = ctx.now + step.wait;
            let offer_id = offers::create(conn, request.id, provider.id, index as i64, deadline, ctx.now).await?;
            let lang = super::context::provider_language(provider, chat.language_hint.as_deref());
            let message = offer_message(conn, ctx, lang, request, patient, offer_id, deadline).await?;
            super::context::push(conn, ctx, chat.id, vec![message]).await?;
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

/// The chain a request runs through: the coverage file routes it by the local moment it was
/// opened (so a request keeps one chain for its life), else the seeds' default.
pub(crate) fn chain_of(ctx: &Ctx<'_>, request: &Request) -> (Routing, Option<Vec<Step>>) {
    if request.kind == RequestKind::OxygenStartVisit && ctx.config.oxygen_start_by_nurse {
        return (Routing::Usual, Some(crate::domain::chain::oxygen_start_by_nurses()));
    }
    let opened = request.created_at.with_timezone(&ctx.config.timezone).naive_local();
    let routing = ctx.config.coverage.routing(request.kind, opened);
    (routing, chain_for(request.kind, request.urgency, routing))
}

/// The patient's row: `known` when it is theirs, else read now.
pub(crate) async fn patient_row<'a>(
    conn: &mut Conn,
    known: Option<&'a Patient>,
    id: i64,
) -> sqlx::Result<Option<Cow<'a, Patient>>> {
    if let Some(p) = known.filter(|p| p.id == id) {
        return Ok(Some(Cow::Borrowed(p)));
    }
    Ok(patients::get(conn, id).await?.map(Cow::Owned))
}

/// For a nurse's doctor consultation about visiting nursing, the doctor who arranged that
/// nursing (the holder of the request it followed from); for the visit that starts oxygen, the
/// doctor who ordered it.
async fn ordering_doctor(conn: &mut Conn, request: &Request) -> anyhow::Result<Option<i64>> {
    if request.kind == RequestKind::OxygenStartVisit {
        // the doctor who ordered the oxygen starts it
        let order = crate::store::orders::order_of_job(conn, request.id).await?;
        return Ok(order.and_then(|o| o.ordered_by_provider));
    }
    if request.kind != RequestKind::DoctorConsultation {
        return Ok(None);
    }
    let Some(nursing) = request.parent_id else {
        return Ok(None);
    };
    let Some(nursing) = offers::request(conn, nursing).await? else {
        return Ok(None);
    };
    if nursing.kind != RequestKind::VisitingNursing {
        return Ok(None);
    }
    let Some(ordered) = nursing.parent_id else {
        return Ok(None);
    };
    Ok(offers::request(conn, ordered).await?.and_then(|r| r.provider_id))
}

/// The patient's own doctor or pharmacy, if on file.
pub(crate) async fn one(conn: &mut Conn, id: Option<i64>) -> anyhow::Result<Vec<Provider>> {
    Ok(match id {
        Some(id) => providers::get(conn, id).await?.into_iter().collect(),
        None => vec![],
    })
}

pub(crate) fn kind_name(ctx: &Ctx<'_>, lang: Lang, kind: RequestKind) -> String {
    ctx.t(lang, msg!("request-kind"), &[("kind", kind.code().into())])
}

/// What a provider needs to decide, with the buttons.
pub(crate) async fn offer_message(
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
            let at = r
                .completed_at
                .unwrap_or(r.created_at)
                .with_timezone(&ctx.config.timezone);
            let spo2 = r
                .counted_spo2()
                .map(|v| format!("SpO2 {}%", v.percent()))
                .unwrap_or_default();
            let temp = r
                .temperature
                .and_then(Temperature::from_tenths)
                .map(|t| format!(" {}°C", t.display()))
                .unwrap_or_default();
            format!("{}/{} {} {spo2}{temp}", at.month(), at.day(), at.format("%H:%M"))
        })
        .collect();
    let reasons = reason_lines(ctx, lang, &request.reasons);
    let deadline = deadline.with_timezone(&ctx.config.timezone).format("%H:%M").to_string();
    let buttons = |text: String| OutMessage {
        text,
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
    };
    if request.kind.is_job() {
        // a contractor needs where, whom to call and what to carry — not the readings
        let what = super::oxygen::details::job_details(conn, ctx, lang, request.id).await?;
        let args: Vec<(&str, FluentValue)> = vec![
            ("kind", kind_name(ctx, lang, request.kind).into()),
            ("name", patient.name.clone().into()),
            ("phone", patient.phone.clone().into()),
            ("address", patient.address.clone().unwrap_or_else(|| "-".into()).into()),
            ("what", what.into()),
            ("deadline", deadline.into()),
        ];
        return Ok(buttons(ctx.t(lang, msg!("offer-job"), &args)));
    }
    let args: Vec<(&str, FluentValue)> = vec![
        ("kind", kind_name(ctx, lang, request.kind).into()),
        ("name", patient.name.clone().into()),
        ("age", i64::from(age_on(patient.birth(), today)).into()),
        ("phone", patient.phone.clone().into()),
        ("area", patient.area.clone().unwrap_or_else(|| "-".into()).into()),
        ("readings", readings.join("\n").into()),
        ("reasons", reasons.into()),
        ("deadline", deadline.into()),
    ];
    Ok(buttons(ctx.t(lang, msg!("offer"), &args)))
}

/// A request's stored reasons, one per line, in `lang`.
pub(crate) fn reason_lines(ctx: &Ctx<'_>, lang: Lang, stored: &str) -> String {
    let reasons: Vec<Reason> = serde_json::from_str(stored).unwrap_or_default();
    reasons
        .iter()
        .map(|r| crate::present::render_reason(ctx.locales, lang, r))
        .collect::<Vec<_>>()
        .join("\n")
}

/// "urgent", "至急", … (a triage level for a provider or staff to read).
pub(crate) fn level_name(ctx: &Ctx<'_>, lang: Lang, level: Level) -> String {
    ctx.t(lang, msg!("level-name"), &[("level", level.code().into())])
}

/// `lang` if the caller knows it, else the patient's own (their record, their chat's hint).
pub(crate) async fn patient_language(conn: &mut Conn, patient: &Patient, lang: Option<Lang>) -> anyhow::Result<Lang> {
    if let Some(lang) = lang {
        return Ok(lang);
    }
    let chat = chats::for_patient(conn, patient.id).await?;
    Ok(super::context::language(
        Some(patient),
        chat.as_ref().and_then(|c| c.language_hint.as_deref()),
    ))
}

/// Sends a provider a message (with buttons) in their language, if their chat is reachable;
/// false if it is not.
pub(crate) async fn message_provider(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    provider_id: i64,
    message: impl Fn(Lang) -> OutMessage,
) -> anyhow::Result<bool> {
    match providers::get(conn, provider_id).await? {
        Some(provider) => message_to(conn, ctx, &provider, message).await,
        None => Ok(false),
    }
}

/// [`message_provider`] with the provider's row at hand.
pub(crate) async fn message_to(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    provider: &Provider,
    message: impl Fn(Lang) -> OutMessage,
) -> anyhow::Result<bool> {
    let Some(chat) = chats::for_provider(conn, provider.id)
        .await?
        .filter(|c| c.status == ChatStatus::Active)
    else {
        return Ok(false);
    };
    let lang = super::context::provider_language(provider, chat.language_hint.as_deref());
    super::context::push(conn, ctx, chat.id, vec![message(lang)]).await?;
    Ok(true)
}

/// Sends a provider a message in their language, if their chat is reachable.
pub(crate) async fn notify_provider(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    provider_id: i64,
    text: impl Fn(Lang) -> String,
) -> anyhow::Result<()> {
    message_provider(conn, ctx, provider_id, |l| OutMessage::text(text(l)))
        .await
        .map(|_| ())
}

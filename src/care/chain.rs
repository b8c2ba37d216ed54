//! Running escalation chains ([`crate::domain::chain`]): a new care request is offered step by
//! step to providers in their chats, with Accept / Decline buttons; the first accept wins and
//! the patient is told who will contact them; a decline by everyone asked, or the deadline,
//! moves the chain on; at the end health-centre staff are alerted. A durable timer per request
//! (kind `chain`, `ref_id` = the request) carries the chain across restarts and instances.

use super::context::Ctx;
use super::offering::{
    self, CHAIN, kind_name, level_name, message_to, notify_provider, patient_language, patient_row, reason_lines,
};
use crate::channels::{Choice, OutMessage};
use crate::domain::chain::OfferStatus;
use crate::domain::chain::Target;
use crate::domain::enrolment::ChatStatus;
use crate::domain::request::RequestStatus;
use crate::domain::triage::RequestKind;
use crate::i18n::Lang;
use crate::store::offers::{self, Request};
use crate::store::patients::Patient;
use crate::store::providers::{self, Provider};
use crate::store::timers::TimerKind;
use crate::store::{Conn, chats, from_ms, patients, timers};
use chrono::Duration;

/// After a new request is opened: its chain starts, and an oxygen request is routed by
/// capacity (`coordinated`: the caller opens hospital coordination itself). Returns what the
/// patient is told about the route (in `lang`, else their own). `known`: the patient's row, if the
/// caller holds it.
pub async fn opened_for_patient(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    request: &Request,
    known: Option<&Patient>,
    lang: Option<Lang>,
    coordinated: bool,
) -> anyhow::Result<Vec<OutMessage>> {
    offering::start(conn, ctx, request, known).await?;
    if request.kind != RequestKind::Oxygen {
        return Ok(vec![]);
    }
    let Some(row) = patient_row(conn, known, request.patient_id).await? else {
        return Ok(vec![]);
    };
    let patient: &Patient = &row;
    let lang = patient_language(conn, patient, lang).await?;
    let level = request.urgency;
    super::oxygen::route::route(conn, ctx, request, patient, level, lang, !coordinated).await
}

/// A later assessment raised an open request's urgency ([`care::Opened::Raised`]): whoever
/// must act learns it, and the clock runs by the new urgency. The provider who accepted it is
/// told, and its completion deadline moves to the new target (never less than the time to act);
/// offers still waiting for an answer are sent again, to be answered within the step's wait at
/// the new level if that is sooner, and the chain moves on then; a request left to staff alerts
/// them again. Staff tasks without a chain stand higher in the open list, nothing more.
/// Returns what the patient is told (in `lang`, else their own): who will contact them and by
/// when, if the request is a provider's. `known`: the patient's row, if the caller read it in
/// this transaction.
pub async fn raised(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    request_id: i64,
    known: Option<&Patient>,
    lang: Option<Lang>,
) -> anyhow::Result<Vec<OutMessage>> {
    let Some(request) = offers::request(conn, request_id).await? else {
        return Ok(vec![]);
    };
    let Some(row) = patient_row(conn, known, request.patient_id).await? else {
        return Ok(vec![]);
    };
    let patient: &Patient = &row;
    let level = request.urgency;
    match (request.status, request.provider_id) {
        (RequestStatus::Assigned | RequestStatus::InProgress, Some(provider_id)) => {
            let mut due = request.target_at.max(ctx.now + TIME_TO_ACT);
            match timers::pending_ref_due(conn, OVERDUE, patient.id, request.id).await? {
                Some(current) if current <= crate::store::ms(due) => due = from_ms(current),
                _ => {
                    timers::cancel_ref(conn, OVERDUE, patient.id, request.id).await?;
                    timers::schedule_ref(conn, OVERDUE, patient.id, request.id, due, ctx.now).await?;
                }
            }
            offers::set_target(conn, request.id, due, ctx.now).await?;
            let by = due.with_timezone(&ctx.config.timezone).format("%H:%M").to_string();
            let Some(provider) = providers::get(conn, provider_id).await? else {
                return Ok(vec![]);
            };
            let told = message_to(conn, ctx, &provider, |lang| {
                OutMessage::text(ctx.t(
                    lang,
                    msg!("request-raised"),
                    &[
                        ("kind", kind_name(ctx, lang, request.kind).into()),
                        ("level", level_name(ctx, lang, level).into()),
                        ("name", patient.name.clone().into()),
                        ("phone", patient.phone.clone().into()),
                        ("reasons", reason_lines(ctx, lang, &request.reasons).into()),
                        ("by", by.clone().into()),
                    ],
                ))
            })
            .await?;
            if !told {
                let detail = format!(
                    "care request {} ({}) is now {} and due by {by}; provider {provider_id}, who accepted it, cannot be reached in chat",
                    request.id,
                    request.kind,
                    level.code()
                );
                chats::alert_staff(conn, "request_raised", Some(patient.id), None, &detail, ctx.now).await?;
            }
            Ok(vec![OutMessage::text(ctx.t(
                patient_language(conn, patient, lang).await?,
                msg!("patient-provider-assigned"),
                &[
                    ("provider", provider.name.into()),
                    ("role", provider.role.into()),
                    ("by", by.into()),
                ],
            ))])
        }
        (RequestStatus::Open, _) => {
            let Some(chain) = offering::chain_of(ctx, &request).1 else {
                return Ok(vec![]);
            };
            let Some(step) = request
                .chain_step
                .and_then(|s| usize::try_from(s).ok())
                .and_then(|s| chain.get(s))
            else {
                return Ok(vec![]); // not offered yet (a prescription waiting for the pharmacies to open)
            };
            let open = offers::open_for(conn, request.id).await?;
            if open.is_empty() {
                if matches!(step.target, Target::Staff) {
                    let detail = format!(
                        "care request {} ({}), which no provider accepted, is now {}: staff must arrange it",
                        request.id,
                        request.kind,
                        level.code()
                    );
                    chats::alert_staff(conn, "request_raised", Some(patient.id), None, &detail, ctx.now).await?;
                }
                return Ok(vec![]);
            }
            let mut deadline = ctx.now + step.wait;
            let current = open.iter().map(|o| o.deadline_at).min();
            match current {
                Some(current) if current <= deadline => deadline = current,
                _ => {
                    offers::hasten_open(conn, request.id, deadline).await?;
                    timers::cancel_ref(conn, CHAIN, patient.id, request.id).await?;
                    timers::schedule_ref(conn, CHAIN, patient.id, request.id, deadline, ctx.now).await?;
                }
            }
            for offer in &open {
                let Some(provider) = providers::get(conn, offer.provider_id).await? else {
                    continue;
                };
                let Some(chat) = chats::for_provider(conn, provider.id)
                    .await?
                    .filter(|c| c.status == ChatStatus::Active)
                else {
                    continue;
                };
                let lang = super::context::provider_language(&provider, chat.language_hint.as_deref());
                let mut message =
                    offering::offer_message(conn, ctx, lang, &request, patient, offer.id, deadline).await?;
                let update = ctx.t(
                    lang,
                    msg!("offer-raised"),
                    &[("level", level_name(ctx, lang, level).into())],
                );
                message.text = format!("{update}\n{}", message.text);
                super::context::push(conn, ctx, chat.id, vec![message]).await?;
            }
            Ok(vec![])
        }
        _ => Ok(vec![]),
    }
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
        let what = format!("offer:{offer_id}");
        return super::context::refuse_provider(conn, ctx, provider, lang, msg!("offer-unknown"), &what).await;
    };
    let Some(request) = offers::request(conn, offer.care_request_id).await? else {
        return say(msg!("offer-unknown"));
    };
    if !accept {
        if offers::answer(conn, offer.id, OfferStatus::Declined, ctx.now).await? == 0 {
            return say(msg!("offer-closed"));
        }
        if offers::open_for(conn, request.id).await?.is_empty() && request.status == RequestStatus::Open {
            // everyone asked at this step said no: go on now, not at the deadline
            timers::cancel_ref(conn, CHAIN, request.patient_id, request.id).await?;
            offering::advance(conn, ctx, request.id, None).await?;
        }
        return say(msg!("offer-declined"));
    }
    if offer.status != OfferStatus::Offered {
        return say(if offer.status == OfferStatus::Taken {
            msg!("offer-taken")
        } else {
            msg!("offer-closed")
        });
    }
    // the request row decides: one accept wins, a concurrent one waits here and then finds it taken
    if offers::assign(conn, request.id, provider.id, ctx.now).await? == 0 {
        offers::answer(conn, offer.id, OfferStatus::Taken, ctx.now).await?;
        return say(msg!("offer-taken"));
    }
    offers::answer(conn, offer.id, OfferStatus::Accepted, ctx.now).await?;
    for other in offers::open_for(conn, request.id).await? {
        offers::answer(conn, other.id, OfferStatus::Taken, ctx.now).await?;
    }
    Ok(handed_over(conn, ctx, &request, provider, lang)
        .await?
        .into_iter()
        .collect())
}

/// The request is now `provider`'s (accepted, or assigned by staff): the chain stops, the
/// completion deadline is set and watched, the patient is told who will contact them and by
/// when, and a doctor consulted by a nurse or pharmacist is named to them. Returns what the
/// provider is told, with the outcome buttons.
pub(crate) async fn handed_over(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    request: &Request,
    provider: &Provider,
    lang: Lang,
) -> anyhow::Result<Option<OutMessage>> {
    timers::cancel_ref(conn, CHAIN, request.patient_id, request.id).await?;
    timers::cancel_ref(conn, OVERDUE, request.patient_id, request.id).await?;
    let Some(patient) = patients::get(conn, request.patient_id).await? else {
        return Ok(None);
    };
    // the promise to the patient: the request's own target, and never less than the time to act
    let due = request.target_at.max(ctx.now + TIME_TO_ACT);
    offers::set_target(conn, request.id, due, ctx.now).await?;
    timers::schedule_ref(conn, OVERDUE, patient.id, request.id, due, ctx.now).await?;
    super::oxygen::job::on_handed_over(conn, ctx, request, provider).await?;
    let by = due.with_timezone(&ctx.config.timezone).format("%H:%M").to_string();
    let assigned = |lang: Lang| {
        ctx.t(
            lang,
            msg!("patient-provider-assigned"),
            &[
                ("provider", provider.name.clone().into()),
                ("role", provider.role.clone().into()),
                ("by", by.clone().into()),
            ],
        )
    };
    if let Some(chat) = chats::for_patient(conn, patient.id)
        .await?
        .filter(|c| c.status == ChatStatus::Active)
    {
        let plang = super::context::language(Some(&patient), chat.language_hint.as_deref());
        super::context::push(conn, ctx, chat.id, vec![OutMessage::text(assigned(plang))]).await?;
    }
    if let Some(parent) = request.parent_id {
        let asking = match offers::request(conn, parent).await? {
            Some(p) if request.kind == RequestKind::DoctorConsultation => p.provider_id,
            _ => None,
        };
        if let Some(asking) = asking.filter(|id| *id != provider.id) {
            notify_provider(conn, ctx, asking, |l| {
                ctx.t(
                    l,
                    msg!("consult-taken"),
                    &[
                        ("provider", provider.name.clone().into()),
                        ("phone", provider.phone.clone().into()),
                        ("name", patient.name.clone().into()),
                    ],
                )
            })
            .await?;
        }
    }
    let kind = Some(request.kind);
    let mut choices: Vec<Choice> = crate::domain::outcome::outcomes_for(kind, &provider.role)
        .iter()
        .map(|code| Choice {
            label: ctx.t(lang, msg!("outcome-label"), &[("outcome", (*code).into())]),
            data: format!("outcome:{}:{code}", request.id),
        })
        .collect();
    if provider.role == "support_centre" {
        choices.extend(support_centre_buttons(ctx, lang, request));
    }
    if matches!(provider.role.as_str(), "nurse" | "pharmacist") {
        choices.push(Choice {
            label: ctx.t(lang, msg!("consult-button"), &[]),
            data: format!("consult:{}", request.id),
        });
    }
    let mut text = ctx.t(
        lang,
        msg!("offer-accepted"),
        &[
            ("kind", kind_name(ctx, lang, request.kind).into()),
            ("name", patient.name.clone().into()),
            ("phone", patient.phone.clone().into()),
            ("by", by.into()),
        ],
    );
    if let Some(brief) = super::nursing::started(conn, ctx, lang, request, &patient, due).await? {
        text = format!("{text}\n{brief}");
    }
    Ok(Some(OutMessage { text, choices }))
}

/// The buttons the support centre gets with a request it holds, beside the outcomes (answered
/// by the coordination workflow).
fn support_centre_buttons(ctx: &Ctx<'_>, lang: Lang, request: &Request) -> Vec<Choice> {
    let mut out = Vec::new();
    if request.kind == RequestKind::HomeVisit {
        out.push(Choice {
            label: ctx.t(lang, msg!("coordination-assign-button"), &[]),
            data: format!("delegate:{}", request.id),
        });
    }
    out.push(Choice {
        label: ctx.t(lang, msg!("coordination-handback-button"), &[]),
        data: format!("handback:{}", request.id),
    });
    out
}

/// Staff moved a request into progress themselves: its chain stops, and its deadline (its own
/// target, and never less than the time to act) is watched like an accepted request's.
pub(crate) async fn taken_on(
    conn: &mut Conn,
    request: &crate::store::views::RequestRow,
    now: chrono::DateTime<chrono::Utc>,
) -> anyhow::Result<()> {
    timers::cancel_ref(conn, CHAIN, request.patient_id, request.id).await?;
    timers::cancel_ref(conn, OVERDUE, request.patient_id, request.id).await?;
    let due = request.target_at.max(now + TIME_TO_ACT);
    timers::schedule_ref(conn, OVERDUE, request.patient_id, request.id, due, now).await?;
    Ok(())
}

/// The least time a provider is given to act once a request is theirs.
const TIME_TO_ACT: Duration = Duration::minutes(30);

/// Timer kind: an accepted request's completion deadline.
pub const OVERDUE: TimerKind = TimerKind::Overdue;

/// The deadline of an accepted request passed: if no outcome came, staff are alerted and the
/// provider is reminded.
pub async fn overdue(conn: &mut Conn, ctx: &Ctx<'_>, request_id: i64) -> anyhow::Result<()> {
    let Some(request) = offers::request(conn, request_id).await? else {
        return Ok(());
    };
    if !matches!(request.status, RequestStatus::Assigned | RequestStatus::InProgress) {
        return Ok(());
    }
    let holder = match request.provider_id {
        Some(provider_id) => format!("accepted by provider {provider_id}"),
        // staff took it on themselves
        None => "taken on by staff".to_string(),
    };
    chats::alert_staff(
        conn,
        "request_overdue",
        Some(request.patient_id),
        None,
        &format!(
            "care request {} ({}) was {holder} but not completed by its deadline",
            request.id, request.kind
        ),
        ctx.now,
    )
    .await?;
    let Some(provider_id) = request.provider_id else {
        return Ok(());
    };
    let patient = patients::get(conn, request.patient_id).await?;
    let name = patient.map(|p| p.name).unwrap_or_default();
    notify_provider(conn, ctx, provider_id, |l| {
        ctx.t(
            l,
            msg!("request-overdue"),
            &[
                ("kind", kind_name(ctx, l, request.kind).into()),
                ("name", name.clone().into()),
            ],
        )
    })
    .await
}

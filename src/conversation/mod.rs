//! The conversation engine: one inbound event in, state changes and outbox rows out, all in the
//! caller's transaction. It speaks the neutral model of [`crate::channels`] only.

pub mod checkin;
pub mod checkin_prompt;
pub mod correction;
pub mod dialogue;
pub mod enrolment;
pub mod language;
pub mod menus;
pub mod nurse;
pub mod other_symptoms;
pub mod patient;
pub mod prompts;
pub mod provider;
pub mod provider_menu;
pub mod questions;
pub mod remeasure;
pub mod staff;

use crate::care::context::{Ctx, language};
use crate::domain::enrolment::ChatStatus;
use crate::domain::patient::PatientStatus;

use crate::channels::{Inbound, InboundKind, OutMessage};
use crate::store::outbox::{self, Body};
use crate::store::patients::Patient;
use crate::store::{Conn, chats, patients};

/// A chat as read before its event is handled: with its patient's row, the contact recorded,
/// when the event counts as contact ([`counts_as_contact`]) and the chat is a patient's.
#[derive(Debug, Clone)]
pub struct Known {
    pub chat: chats::Chat,
    pub patient: Option<Patient>,
}

/// Any message but a (re)follow or a block counts as the patient's contact (observation: the
/// safety check).
pub fn counts_as_contact(kind: &InboundKind) -> bool {
    !matches!(kind, InboundKind::Follow | InboundKind::Blocked)
}

/// Reads the chat of an inbound event — and, when the event counts as contact, records it on
/// the chat's patient, whose row comes with it (one round trip).
pub async fn read_chat(conn: &mut Conn, ctx: &Ctx<'_>, inbound: &Inbound) -> anyhow::Result<Option<Known>> {
    let contact = counts_as_contact(&inbound.kind).then_some(ctx.now);
    Ok(chats::find_touching(conn, inbound.platform, &inbound.chat, contact)
        .await?
        .map(|(chat, patient)| Known { chat, patient }))
}

/// The chat of an inbound event: `known` if the caller read it, else as [`read_chat`] reads it,
/// created on first contact.
pub async fn chat_of(conn: &mut Conn, ctx: &Ctx<'_>, inbound: &Inbound, known: Option<Known>) -> anyhow::Result<Known> {
    if let Some(known) = known {
        return Ok(known);
    }
    Ok(match read_chat(conn, ctx, inbound).await? {
        Some(known) => known,
        // first contact: a chat of no one yet (read_chat found none)
        None => Known {
            chat: chats::create(conn, inbound.platform, &inbound.chat, ctx.now).await?,
            patient: None,
        },
    })
}

/// Handles one event from a chat. `known`: the chat as the caller read it in this transaction
/// ([`read_chat`]).
pub async fn handle(conn: &mut Conn, ctx: &Ctx<'_>, inbound: &Inbound, known: Option<Known>) -> anyhow::Result<()> {
    let Known { chat, patient } = chat_of(conn, ctx, inbound, known).await?;
    let mut hint = chat.language_hint.clone();
    if let Some(h) = &inbound.language_hint
        && hint.as_deref() != Some(h)
    {
        chats::set_language_hint(conn, chat.id, h).await?;
        hint = Some(h.clone());
    }
    let patient = match (chat.patient_id, patient) {
        (_, Some(touched)) => Some(touched),
        (Some(id), None) if counts_as_contact(&inbound.kind) => patients::touch(conn, id, ctx.now).await?,
        (Some(id), None) => patients::get(conn, id).await?,
        (None, None) => None,
    };
    let lang = language(patient.as_ref(), hint.as_deref());
    if inbound.kind == InboundKind::Blocked {
        chats::set_status(conn, chat.id, ChatStatus::Unreachable).await?;
        if let Some(p) = &patient {
            chats::alert_staff(
                conn,
                "patient_blocked_bot",
                Some(p.id),
                Some(chat.id),
                "the patient blocked the bot or left the chat",
                ctx.now,
            )
            .await?;
        } else if chat.provider_id.is_some() {
            chats::alert_staff(
                conn,
                "provider_blocked_bot",
                None,
                Some(chat.id),
                "a provider blocked the bot or left the chat: offers cannot reach them",
                ctx.now,
            )
            .await?;
        }
        return Ok(());
    }
    if chat.status != ChatStatus::Active {
        // they wrote to us again, so they can be reached again
        chats::set_status(conn, chat.id, ChatStatus::Active).await?;
    }
    if let (Some(staff_id), None) = (chat.staff_id, &patient) {
        let messages = staff::handle(conn, ctx, staff_id, hint.as_deref(), &inbound.kind).await?;
        return reply(conn, ctx, chat.id, inbound, messages).await;
    }
    if let (Some(provider_id), None) = (chat.provider_id, &patient) {
        let messages = provider::handle(conn, ctx, provider_id, hint.as_deref(), inbound).await?;
        return reply(conn, ctx, chat.id, inbound, messages).await;
    }
    let messages = match (&inbound.kind, &patient) {
        (InboundKind::Blocked, _) => vec![],
        (InboundKind::Follow, Some(p)) => vec![OutMessage::text(ctx.t(
            lang,
            msg!("welcome-back"),
            &[("name", p.name.clone().into())],
        ))],
        (InboundKind::Start(Some(code)), None) => {
            enrolment::try_code(conn, ctx, &chat, hint.as_deref(), code, lang).await?
        }
        (InboundKind::Text(text), None) => enrolment::try_code(conn, ctx, &chat, hint.as_deref(), text, lang).await?,
        (
            InboundKind::Follow | InboundKind::Start(None) | InboundKind::Choice { .. } | InboundKind::Unsupported,
            None,
        ) => {
            vec![OutMessage::text(ctx.t(lang, msg!("enrol-instructions"), &[]))]
        }
        (_, Some(p)) if p.status != PatientStatus::Active => {
            vec![OutMessage::text(ctx.t(
                lang,
                msg!("observation-ended"),
                &ctx.phone_args(lang),
            ))]
        }
        (InboundKind::Start(_), Some(p)) => vec![OutMessage::text(ctx.t(
            lang,
            msg!("enrol-already"),
            &[("name", p.name.clone().into())],
        ))],
        (InboundKind::Text(text), Some(p)) => patient::on_text(conn, ctx, p, lang, text).await?,
        (InboundKind::Choice { data, .. }, Some(p)) => patient::on_choice(conn, ctx, p, lang, data).await?,
        (InboundKind::Unsupported, Some(_)) => vec![OutMessage::text(ctx.t(lang, msg!("text-only"), &[]))],
    };
    reply(conn, ctx, chat.id, inbound, messages).await
}

/// Queues the answer to an inbound event (with its reply token while it is fresh).
async fn reply(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    chat_id: i64,
    inbound: &Inbound,
    messages: Vec<OutMessage>,
) -> anyhow::Result<()> {
    if !messages.is_empty() {
        outbox::enqueue(
            conn,
            chat_id,
            &Body::Messages { messages },
            inbound.reply_token.as_ref(),
            ctx.now,
        )
        .await?;
    }
    Ok(())
}

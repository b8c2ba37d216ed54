//! What every workflow and dialogue needs besides the database: the configuration, the
//! translations and `now`; whom to tell in which language; and queuing a message to a chat.

use crate::domain::enrolment::ChatStatus;
use chrono::{DateTime, Utc};
use fluent_bundle::FluentValue;

use crate::channels::OutMessage;
use crate::config::Config;
use crate::i18n::{Args, Lang, Locales};
use crate::store::outbox::{self, Body};
use crate::store::patients::Patient;
use crate::store::providers::Provider;
use crate::store::{Conn, chats, patients};

/// What every handler needs besides the database.
pub struct Ctx<'a> {
    pub config: &'a Config,
    pub locales: &'a Locales,
    pub now: DateTime<Utc>,
}

impl Ctx<'_> {
    pub fn t(&self, lang: Lang, key: &str, args: &Args) -> String {
        self.locales.text(lang, key, args)
    }

    /// Arguments for messages that tell the patient whom to call: `$centre` (the health centre,
    /// with its number when configured) and `$emergency` (119).
    pub fn phone_args(&self, lang: Lang) -> Vec<(&'static str, FluentValue<'static>)> {
        let local = self.now.with_timezone(&self.config.timezone).naive_local();
        let centre = match self.config.coverage.answering(local) {
            // the line that answers now (the health centre by day, the night service …)
            Some(line) => self.t(
                lang,
                msg!("phone-line"),
                &[
                    ("name", line.name(lang.code()).to_string().into()),
                    ("phone", line.phone.clone().into()),
                ],
            ),
            None => {
                // "unset" selects the wording without a number (locales/*: health-centre)
                let phone = match self.config.health_centre_phone.as_str() {
                    "" => "unset".to_string(),
                    p => p.to_string(),
                };
                self.t(lang, msg!("health-centre"), &[("phone", phone.into())])
            }
        };
        vec![
            ("centre", FluentValue::from(centre)),
            ("emergency", FluentValue::from(self.config.emergency_number.clone())),
        ]
    }
}

/// The patient's language: their record, else the platform's hint, else Japanese.
pub fn language(patient: Option<&Patient>, hint: Option<&str>) -> Lang {
    patient
        .and_then(|p| p.language.as_deref())
        .and_then(Lang::from_tag)
        .or_else(|| hint.and_then(Lang::from_tag))
        .unwrap_or(Lang::JA)
}

/// The provider's language: their record, else the platform's hint, else Japanese.
pub fn provider_language(provider: &Provider, hint: Option<&str>) -> Lang {
    provider
        .language
        .as_deref()
        .and_then(Lang::from_tag)
        .or_else(|| hint.and_then(Lang::from_tag))
        .unwrap_or(Lang::JA)
        .serving("provider")
}

/// A staff member's chat language: the platform's hint where staff chats are written in it
/// (`provider.ftl`), else the nearest that is.
pub fn staff_language(hint: Option<&str>) -> Lang {
    hint.and_then(Lang::from_tag).unwrap_or(Lang::JA).serving("provider")
}

/// Queues messages to a chat, outside any reply (a push).
pub async fn push(conn: &mut Conn, ctx: &Ctx<'_>, chat_id: i64, messages: Vec<OutMessage>) -> anyhow::Result<()> {
    outbox::enqueue(conn, chat_id, &Body::Messages { messages }, None, ctx.now).await?;
    Ok(())
}

/// Tells the patient something, in their language, if their chat is reachable.
pub async fn notify_patient(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    patient_id: i64,
    text: impl Fn(Lang) -> String,
) -> anyhow::Result<()> {
    let patient = patients::get(conn, patient_id).await?;
    if let Some(chat) = chats::for_patient(conn, patient_id)
        .await?
        .filter(|c| c.status == ChatStatus::Active)
    {
        let lang = language(patient.as_ref(), chat.language_hint.as_deref());
        push(conn, ctx, chat.id, vec![OutMessage::text(text(lang))]).await?;
    }
    Ok(())
}

/// A provider pressed a button or wrote about a request, offer or job that is not theirs (a
/// forged button, or one that is no longer theirs): nothing changes, the refusal is audited so a
/// forgery shows in the log, and they are told `key`.
pub async fn refuse_provider(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    provider: &Provider,
    lang: Lang,
    key: &str,
    what: &str,
) -> anyhow::Result<Vec<OutMessage>> {
    // button data is the service's own ids and codes, at most 64 bytes on Telegram
    let what: String = what.chars().take(64).collect();
    crate::store::staff::audit_why(
        conn,
        None,
        "provider.refused",
        Some(&format!("provider:{}", provider.id)),
        Some(&what),
        ctx.now,
    )
    .await?;
    Ok(vec![OutMessage::text(ctx.t(lang, key, &[]))])
}

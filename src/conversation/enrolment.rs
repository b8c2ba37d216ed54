//! Binding a chat to a patient with a one-time code, and registering patients (for the CLI).

use chrono::{DateTime, Utc};
use fluent_bundle::FluentValue;

use crate::care::context::{Ctx, language};
use crate::channels::OutMessage;
use crate::domain::enrolment::{EnrolmentCode, MAX_FAILURES_PER_HOUR};
use crate::domain::patient::is_high_risk;
use crate::i18n::Lang;
use crate::store::chats::Chat;
use crate::store::codes::{self, Holder};
use crate::store::patients::{NewPatient, Patient};
use crate::store::{Conn, chats, from_ms, patients, providers};

/// A chat that is not yet bound sent `text`: a code, or something else.
pub async fn try_code(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    chat: &Chat,
    hint: Option<&str>,
    text: &str,
    lang: Lang,
) -> anyhow::Result<Vec<OutMessage>> {
    let say = |key: &str, args: &[(&str, FluentValue)]| vec![OutMessage::text(ctx.t(lang, key, args))];
    let Some(code) = EnrolmentCode::parse(text) else {
        return Ok(say(msg!("enrol-instructions"), &[]));
    };
    let failures = chats::failures_since(conn, chat.id, ctx.now - chrono::Duration::hours(1)).await?;
    if failures >= MAX_FAILURES_PER_HOUR {
        // not even a right code is checked now, or guessing would go on
        return Ok(say(msg!("enrol-too-many-tries"), &ctx.phone_args(lang)));
    }
    let hash = code.hash();
    let Some(row) = codes::find(conn, &hash).await? else {
        chats::record_failure(conn, chat.id, ctx.now).await?;
        let left = MAX_FAILURES_PER_HOUR - failures - 1;
        if left <= 0 {
            return Ok(say(msg!("enrol-too-many-tries"), &ctx.phone_args(lang)));
        }
        return Ok(say(msg!("enrol-wrong-code"), &[("left", left.into())]));
    };
    if row.used_at.is_some() {
        chats::record_failure(conn, chat.id, ctx.now).await?;
        return Ok(say(msg!("enrol-code-used"), &ctx.phone_args(lang)));
    }
    if from_ms(row.expires_at) <= ctx.now {
        return Ok(say(msg!("enrol-code-expired"), &ctx.phone_args(lang)));
    }
    if codes::use_once(conn, row.holder, &hash, ctx.now).await? == 0 {
        return Ok(say(msg!("enrol-code-used"), &ctx.phone_args(lang)));
    }
    match row.holder {
        Holder::Patient => bind_patient(conn, ctx, chat, hint, row.owner_id).await,
        Holder::Provider => bind_provider(conn, ctx, chat, hint, row.owner_id).await,
        Holder::Staff => bind_staff(conn, ctx, chat, hint, row.owner_id).await,
    }
}

/// A staff member's code: pages for the shifts they are on duty in arrive here.
async fn bind_staff(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    chat: &Chat,
    hint: Option<&str>,
    staff_id: i64,
) -> anyhow::Result<Vec<OutMessage>> {
    chats::bind_staff(conn, chat.id, staff_id).await?;
    let Some(member) = crate::store::staff::get(conn, staff_id).await? else {
        anyhow::bail!("enrolment code points at a missing staff member");
    };
    let lang = crate::care::context::staff_language(hint);
    Ok(vec![OutMessage::text(ctx.t(
        lang,
        msg!("staff-welcome"),
        &[("name", member.name.into())],
    ))])
}

/// A one-time code that binds a staff member's chat (`mimamori staff chat`).
pub async fn staff_code(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    staff_id: i64,
) -> anyhow::Result<(EnrolmentCode, DateTime<Utc>)> {
    let code = EnrolmentCode::generate(&mut rand::thread_rng());
    let expires_at = ctx.now + ctx.config.enrolment_code_ttl;
    codes::insert(conn, Holder::Staff, &code.hash(), staff_id, expires_at, ctx.now).await?;
    Ok((code, expires_at))
}

/// A patient's code: welcome, and observation starts.
async fn bind_patient(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    chat: &Chat,
    hint: Option<&str>,
    patient_id: i64,
) -> anyhow::Result<Vec<OutMessage>> {
    chats::bind(conn, chat.id, patient_id).await?;
    let Some(patient) = patients::get(conn, patient_id).await? else {
        anyhow::bail!("enrolment code points at a missing patient");
    };
    let lang = language(Some(&patient), hint);
    if patient.language.is_none() {
        // the platform's hint, remembered: later messages need not carry it
        patients::set_language(conn, patient.id, lang.code()).await?;
    }
    super::menus::give(conn, ctx, chat, super::menus::Audience::Patient, lang).await?;
    crate::care::observation::ensure_check_ins(conn, ctx, &patient).await?;
    crate::care::observation::contact(conn, ctx, &patient).await?;
    crate::care::observation::start(conn, ctx, &patient).await?;
    crate::care::release::schedule(conn, ctx, patient.id).await?;
    let times = check_in_times(ctx, &patient);
    Ok(vec![
        OutMessage::text(ctx.t(
            lang,
            msg!("enrol-welcome"),
            &[("name", patient.name.clone().into()), ("times", times.into())],
        )),
        super::prompts::how_to_report(ctx, lang),
    ])
}

/// A provider's code: the chat becomes theirs; offers will arrive here.
async fn bind_provider(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    chat: &Chat,
    hint: Option<&str>,
    provider_id: i64,
) -> anyhow::Result<Vec<OutMessage>> {
    chats::bind_provider(conn, chat.id, provider_id).await?;
    let Some(provider) = providers::get(conn, provider_id).await? else {
        anyhow::bail!("enrolment code points at a missing provider");
    };
    let lang = crate::care::context::provider_language(&provider, hint);
    super::menus::give(conn, ctx, chat, super::menus::Audience::Provider, lang).await?;
    Ok(vec![OutMessage::text(ctx.t(
        lang,
        msg!("provider-welcome"),
        &[
            ("name", provider.name.clone().into()),
            ("role", provider.role.clone().into()),
        ],
    ))])
}

/// What `mimamori provider add` prints.
pub struct RegisteredProvider {
    pub provider_id: i64,
    pub code: EnrolmentCode,
    pub expires_at: DateTime<Utc>,
}

/// Registers a provider and issues their one-time code.
pub async fn register_provider(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    provider: &providers::NewProvider<'_>,
) -> anyhow::Result<RegisteredProvider> {
    let provider_id = providers::insert(conn, provider, ctx.now).await?;
    let code = EnrolmentCode::generate(&mut rand::thread_rng());
    let expires_at = ctx.now + ctx.config.enrolment_code_ttl;
    codes::insert(conn, Holder::Provider, &code.hash(), provider_id, expires_at, ctx.now).await?;
    Ok(RegisteredProvider {
        provider_id,
        code,
        expires_at,
    })
}

/// "09:00, 16:00" for this patient.
fn check_in_times(ctx: &Ctx<'_>, patient: &Patient) -> String {
    let today = ctx.now.with_timezone(&ctx.config.timezone).date_naive();
    let high_risk = is_high_risk(patient.birth(), patient.has_risk_factor(), today);
    ctx.config
        .check_in_times
        .for_patient(high_risk)
        .iter()
        .map(|t| t.format("%H:%M").to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// What `mimamori patient add` prints.
pub struct Registered {
    pub patient_id: i64,
    pub code: EnrolmentCode,
    pub expires_at: DateTime<Utc>,
}

/// Registers a patient and issues their one-time code.
pub async fn register(conn: &mut Conn, ctx: &Ctx<'_>, patient: &NewPatient<'_>) -> anyhow::Result<Registered> {
    let patient_id = patients::insert(conn, patient, ctx.now).await?;
    let (code, expires_at) = new_code(conn, ctx, patient_id).await?;
    Ok(Registered {
        patient_id,
        code,
        expires_at,
    })
}

/// A new one-time code for a patient who has not enrolled yet (a lost sheet, an expired code):
/// codes are kept only as hashes, so one is never shown twice.
pub async fn new_code(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    patient_id: i64,
) -> anyhow::Result<(EnrolmentCode, DateTime<Utc>)> {
    let code = EnrolmentCode::generate(&mut rand::thread_rng());
    let expires_at = ctx.now + ctx.config.enrolment_code_ttl;
    codes::insert(conn, Holder::Patient, &code.hash(), patient_id, expires_at, ctx.now).await?;
    Ok((code, expires_at))
}

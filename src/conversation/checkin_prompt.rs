//! What the check-in timers do: the prompt that opens a check-in (with its reminder and staff
//! call scheduled) and the reminder when it goes unanswered.

use fluent_bundle::FluentValue;

use super::checkin::{CHECK_IN_REMINDER, current};
use super::dialogue::{Dialogue, Step};
use super::prompts::ask;
use crate::care::context::Ctx;
use crate::care::observation;
use crate::channels::OutMessage;
use crate::domain::enrolment::ChatStatus;
use crate::domain::patient::PatientStatus;
use crate::store::dialogue::{self, DialogueStep};
use crate::store::outbox::{Body, Push};
use crate::store::patients::Patient;
use crate::store::{Conn, chats, timers};

/// A check-in prompt not answered within this long gets a reminder (docs/TRIAGE.md).
pub const REMINDER_AFTER: chrono::Duration = chrono::Duration::minutes(60);

/// A check-in timer fired: open a new dialogue (an unfinished draft stays stored as it is),
/// ask for SpO2, schedule the reminder and the next check-in.
pub async fn start(conn: &mut Conn, ctx: &Ctx<'_>, patient: &Patient, regular: bool) -> anyhow::Result<()> {
    if patient.status != PatientStatus::Active {
        return Ok(());
    }
    // the timers this prompt starts go in with the next check-in, one statement for all
    let mut due = Vec::with_capacity(3);
    if regular {
        due.push((observation::CHECK_IN, observation::next_check_in_at(ctx, patient)?));
    }
    let Some(chat) = chat_to_prompt(conn, ctx, patient).await? else {
        timers::schedule_all(conn, patient.id, &due, ctx.now).await?;
        return Ok(());
    };
    let d = Dialogue {
        check_in: true,
        ..Dialogue::default()
    };
    // the new prompt's reminder and staff call replace the last one's
    due.push((CHECK_IN_REMINDER, ctx.now + REMINDER_AFTER));
    due.push((observation::STAFF_CALL, ctx.now + observation::STAFF_CALL_AFTER));
    let json = serde_json::to_string(&d)?;
    let lang = crate::care::context::language(Some(patient), chat.language_hint.as_deref());
    let messages = vec![
        OutMessage::text(ctx.t(lang, msg!("check-in-prompt"), &[("name", patient.name.clone().into())])),
        ask(ctx, lang, Step::Spo2, &d, None),
    ];
    let prompt = Push::new(chat.id, &Body::Messages { messages })?;
    let step = DialogueStep {
        dialogue: Some(Some(&json)),
        cancel: &[CHECK_IN_REMINDER, observation::STAFF_CALL],
        schedule: &due,
        push: Some(&prompt),
    };
    dialogue::step(conn, patient.id, &step, ctx.now).await?;
    Ok(())
}

/// The chat a check-in prompt goes to; `None` when there is none to prompt in: a nurse observes
/// the patient instead, or staff are told the patient cannot be reached.
async fn chat_to_prompt(conn: &mut Conn, ctx: &Ctx<'_>, patient: &Patient) -> anyhow::Result<Option<chats::Chat>> {
    if patient.nurse_observed {
        // a visiting nurse observes this patient: their visits are watched instead
        return Ok(None);
    }
    let Some(chat) = chats::for_patient(conn, patient.id).await? else {
        chats::alert_staff(
            conn,
            "check_in_not_enrolled",
            Some(patient.id),
            None,
            "a check-in is due but the patient has not enrolled a chat",
            ctx.now,
        )
        .await?;
        return Ok(None);
    };
    if chat.status != ChatStatus::Active {
        chats::alert_staff(
            conn,
            "check_in_unreachable",
            Some(patient.id),
            Some(chat.id),
            "a check-in is due but the patient's chat is unreachable",
            ctx.now,
        )
        .await?;
        return Ok(None);
    }
    Ok(Some(chat))
}

/// The reminder timer fired: remind unless the patient reported since the prompt.
pub async fn remind(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    patient: &Patient,
    prompted_at: chrono::DateTime<chrono::Utc>,
) -> anyhow::Result<()> {
    if !observation::unanswered_since(conn, patient, prompted_at).await? {
        return Ok(());
    }
    let Some(d) = Dialogue::load(patient) else {
        return Ok(());
    };
    let Some(chat) = chats::for_patient(conn, patient.id).await? else {
        return Ok(());
    };
    if chat.status != ChatStatus::Active {
        return Ok(());
    }
    let (report, step) = current(conn, &d).await?;
    let lang = crate::care::context::language(Some(patient), chat.language_hint.as_deref());
    let messages = vec![
        OutMessage::text(ctx.t(
            lang,
            msg!("check-in-reminder"),
            &[("name", FluentValue::from(patient.name.clone()))],
        )),
        ask(ctx, lang, step, &d, report.as_ref()),
    ];
    crate::care::context::push(conn, ctx, chat.id, messages).await
}

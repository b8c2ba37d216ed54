//! Asking back: when a patient's words may mean an urgent sign but do not settle it ("唇の色が
//! 悪い", "no fever and chest pain", "助けて" with no reading), the service asks with Yes / No
//! buttons instead of guessing. "Yes" is triaged at once; a question not answered within the
//! ward's wait counts as yes — under-triage is the failure that matters — and staff are told.

use crate::care::context::Ctx;
use crate::care::triage;
use crate::channels::{Choice, OutMessage};
use crate::domain::enrolment::ChatStatus;
use crate::domain::lexicon::{Concept, Finding, Polarity};
use crate::domain::symptom::{self, Symptom};
use crate::i18n::Lang;
use crate::store::patients::Patient;
use crate::store::questions::{self, SafetyQuestion, Settled};
use crate::store::reports::Report;
use crate::store::timers::TimerKind;
use crate::store::{Conn, chats, reports, timers};

/// The timer that takes the safe side when a question goes unanswered (`ref_id`: the question).
pub const SAFETY_QUESTION: TimerKind = TimerKind::SafetyQuestion;

/// Asks about `symptoms` (those not already waiting for an answer) and returns the question the
/// patient should answer now, if a new one was asked. `report_id`: the report whose words
/// raised them; `measure`: the patient sent no reading, so they are asked for one too.
pub async fn ask_about(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    patient: &Patient,
    lang: Lang,
    report_id: Option<i64>,
    symptoms: &[Symptom],
    measure: bool,
) -> anyhow::Result<Vec<OutMessage>> {
    if symptoms.is_empty() {
        return Ok(vec![]);
    }
    let open = questions::open_for(conn, patient.id).await?;
    let mut first_new = None;
    for s in symptoms {
        if open.iter().any(|q| q.symptom == *s) {
            continue;
        }
        let due = ctx.now + ctx.config.safety_question_wait;
        let id = questions::ask(conn, patient.id, report_id, *s, ctx.now, due).await?;
        timers::schedule_ref(conn, SAFETY_QUESTION, patient.id, id, due, ctx.now).await?;
        first_new = first_new.or(Some((id, Some(*s))));
    }
    let Some(first_new) = first_new else {
        return Ok(vec![]);
    };
    let mut out = Vec::new();
    if measure {
        out.push(OutMessage::text(ctx.t(
            lang,
            msg!("ask-measure-now"),
            &ctx.phone_args(lang),
        )));
    }
    // one question at a time, oldest first: one still waiting, else the first just asked
    let (id, symptom) = open.first().map_or(first_new, |q| (q.id, Some(q.symptom)));
    out.push(question(ctx, lang, id, symptom));
    Ok(out)
}

/// The question with its Yes / No buttons.
fn question(ctx: &Ctx<'_>, lang: Lang, id: i64, symptom: Option<Symptom>) -> OutMessage {
    let label = symptom.map(|s| ctx.t(lang, &s.label_key(), &[])).unwrap_or_default();
    let mut args = ctx.phone_args(lang);
    args.push(("symptom", label.into()));
    args.push(("minutes", ctx.config.safety_question_wait.num_minutes().into()));
    OutMessage {
        text: ctx.t(lang, msg!("ask-confirm-symptom"), &args),
        choices: vec![
            Choice {
                label: ctx.t(lang, msg!("choice-yes"), &[]),
                data: format!("q:{id}:yes"),
            },
            Choice {
                label: ctx.t(lang, msg!("choice-no"), &[]),
                data: format!("q:{id}:no"),
            },
        ],
    }
}

/// `q:<id>:yes|no`, the buttons of [`question`].
pub fn parse_choice(data: &str) -> Option<(i64, bool)> {
    let rest = data.strip_prefix("q:")?;
    let (id, answer) = rest.split_once(':')?;
    let yes = match answer {
        "yes" => true,
        "no" => false,
        _ => return None,
    };
    Some((id.parse().ok()?, yes))
}

/// The patient's oldest open question, for a typed "はい" / "no".
pub async fn oldest_open(conn: &mut Conn, patient_id: i64) -> anyhow::Result<Option<SafetyQuestion>> {
    Ok(questions::open_for(conn, patient_id).await?.into_iter().next())
}

/// The patient answered question `id` (a button, or typed text as `source`).
pub async fn answer(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    patient: &Patient,
    lang: Lang,
    id: i64,
    yes: bool,
    source: &str,
) -> anyhow::Result<Vec<OutMessage>> {
    // a button of another patient's question (forged, or an old chat) changes nothing
    let q = questions::get(conn, id).await?.filter(|q| q.patient_id == patient.id);
    let Some(q) = q else {
        return Ok(vec![OutMessage::text(ctx.t(lang, msg!("question-closed"), &[]))]);
    };
    let symptom = q.symptom;
    let how = if yes { Settled::Yes } else { Settled::No };
    if !questions::settle(conn, q.id, how, ctx.now).await? {
        return Ok(vec![OutMessage::text(ctx.t(lang, msg!("question-closed"), &[]))]);
    }
    timers::cancel_ref(conn, SAFETY_QUESTION, patient.id, q.id).await?;
    let label = ctx.t(lang, &symptom.label_key(), &[]);
    let mut out = if yes {
        confirmed(conn, ctx, patient, lang, symptom, "answer", source, Polarity::Affirmed).await?
    } else {
        vec![OutMessage::text(ctx.t(
            lang,
            msg!("confirm-noted-no"),
            &[("symptom", label.into())],
        ))]
    };
    if let Some(next) = oldest_open(conn, patient.id).await? {
        out.push(question(ctx, lang, next.id, Some(next.symptom)));
    }
    Ok(out)
}

/// A report that says `symptom` (confirmed, or taken as said), triaged at once.
#[allow(clippy::too_many_arguments)]
async fn confirmed(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    patient: &Patient,
    lang: Lang,
    symptom: Symptom,
    source: &str,
    source_text: &str,
    polarity: Polarity,
) -> anyhow::Result<Vec<OutMessage>> {
    let mut report = Report::new(patient.id, source, ctx.now);
    report.symptoms = Some(symptom::encode(&[symptom]));
    report.source_text = source_text.to_string();
    report.add_understood(&[Finding {
        concept: Concept::Symptom(symptom),
        polarity,
        start: 0,
        end: source_text.len(),
        text: source_text.to_string(),
    }]);
    report.completed_at = Some(ctx.now);
    let history = reports::complete(conn, &mut report, crate::care::release::RELEASE).await?;
    let summary = super::prompts::summary(ctx, lang, &report);
    let (_, out) = triage::decide_with(conn, ctx, patient, lang, &report, &history, Some(summary)).await?;
    Ok(out)
}

/// The wait ran out: the sign counts as said, the patient is told so, and staff are alerted.
pub async fn timed_out(conn: &mut Conn, ctx: &Ctx<'_>, patient: &Patient, id: i64) -> anyhow::Result<()> {
    let Some(q) = questions::get(conn, id).await?.filter(|q| q.patient_id == patient.id) else {
        return Ok(());
    };
    let symptom = q.symptom;
    if !questions::settle(conn, q.id, Settled::Assumed, ctx.now).await? {
        return Ok(());
    }
    chats::alert_staff(
        conn,
        "safety_question_unanswered",
        Some(patient.id),
        None,
        "an urgent sign the patient's words left unsure was not answered in time and is taken as present",
        ctx.now,
    )
    .await?;
    let chat = chats::for_patient(conn, patient.id).await?;
    let lang = crate::care::context::language(Some(patient), chat.as_ref().and_then(|c| c.language_hint.as_deref()));
    let label = ctx.t(lang, &symptom.label_key(), &[]);
    let note = ctx.t(lang, msg!("confirm-assumed"), &[("symptom", label.into())]);
    let mut messages = vec![OutMessage::text(note)];
    messages.extend(confirmed(conn, ctx, patient, lang, symptom, "assumed", "", Polarity::Uncertain).await?);
    if let Some(chat) = chat.filter(|c| c.status == ChatStatus::Active) {
        crate::care::context::push(conn, ctx, chat.id, messages).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn question_buttons_parse() {
        assert_eq!(parse_choice("q:12:yes"), Some((12, true)));
        assert_eq!(parse_choice("q:12:no"), Some((12, false)));
        assert_eq!(parse_choice("q:12:maybe"), None);
        assert_eq!(parse_choice("q:x:yes"), None);
        assert_eq!(parse_choice("sym:none"), None);
    }
}

//! A patient's message or button, routed: an answer to a question waiting for one, a
//! correction, a button of the check-in or of its optional step, or a report in words and
//! numbers — and, when the words leave an urgent sign unsure, the question that settles it.

use super::language::{self, Reader};
use super::{checkin, correction, other_symptoms, questions};
use crate::care::context::Ctx;
use crate::channels::OutMessage;
use crate::domain::lexicon::{Answer, Command};
use crate::domain::reading::{self, Feeling, Parsed};
use crate::i18n::Lang;
use crate::store::patients::Patient;
use crate::store::{Conn, reports};

/// A free-text message from an enrolled patient.
pub async fn on_text(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    patient: &Patient,
    lang: Lang,
    text: &str,
) -> anyhow::Result<Vec<OutMessage>> {
    if ctx.config.lexicons.command(text) == Some(Command::Language) {
        return Ok(vec![language::menu(ctx, lang, Reader::Patient(patient.id), 0)]);
    }
    if let Some(data) = super::menus::command_data(super::menus::Audience::Patient, text) {
        return on_choice(conn, ctx, patient, lang, data).await;
    }
    let parsed = reading::parse_as(text, &ctx.config.lexicons, lang.lexicon());
    // "はい" / "no" to an urgent question waiting for its answer
    if let Some(answer @ (Answer::Yes | Answer::No)) = parsed.answer
        && let Some(q) = questions::oldest_open(conn, patient.id).await?
    {
        return questions::answer(conn, ctx, patient, lang, q.id, answer == Answer::Yes, text).await;
    }
    if parsed.correction {
        return correction::on_correction(conn, ctx, patient, lang, parsed, text).await;
    }
    let asks = parsed.questions();
    let measure = parsed.spo2.is_none() && parsed.distress;
    let mut out = checkin::understood(conn, ctx, patient, lang, parsed, text).await?;
    if !asks.is_empty() {
        // the report the words went into, for staff to see what raised the question
        let report_id = reports::for_patient(conn, patient.id, 1).await?.first().map(|r| r.id);
        out.extend(questions::ask_about(conn, ctx, patient, lang, report_id, &asks, measure).await?);
    }
    Ok(out)
}

/// A button press from an enrolled patient.
pub async fn on_choice(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    patient: &Patient,
    lang: Lang,
    data: &str,
) -> anyhow::Result<Vec<OutMessage>> {
    if let Some((id, yes)) = questions::parse_choice(data) {
        return questions::answer(conn, ctx, patient, lang, id, yes, &format!("[{data}]")).await;
    }
    if let Some(out) = other_symptoms::on_choice(conn, ctx, patient, lang, data).await? {
        return Ok(out);
    }
    if let Some(out) = language::on_choice(conn, ctx, lang, Reader::Patient(patient.id), data).await? {
        return Ok(out);
    }
    if data == super::menus::CALL {
        // the menu's "call the health centre" where no number is set for a tel: link
        return Ok(vec![OutMessage::text(ctx.t(
            lang,
            msg!("call-centre"),
            &ctx.phone_args(lang),
        ))]);
    }
    if data == "checkin:now" {
        // a broadcast's "check in now": the check-in starts as if it were due
        super::checkin_prompt::start(conn, ctx, patient, false).await?;
        return Ok(vec![]);
    }
    let keyword = match data {
        "kw:worse" => Some(Parsed {
            feeling: Some(Feeling::Worse),
            ..Parsed::default()
        }),
        "kw:talk" => Some(Parsed {
            asks_to_talk: true,
            ..Parsed::default()
        }),
        _ => None,
    };
    if let Some(parsed) = keyword {
        return checkin::on_keyword(conn, ctx, patient, lang, &parsed, &format!("[{data}]")).await;
    }
    checkin::on_choice(conn, ctx, patient, lang, data).await
}

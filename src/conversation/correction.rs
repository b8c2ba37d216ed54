//! "違う", "that's wrong": the patient says their last report was misread. It is set aside —
//! kept for staff, read by no rule — and reopened as a new draft: what the correcting message
//! says replaces what was misread ("違います、胸は痛くないです"), or, when it says nothing else,
//! the patient is asked to send the report again. Care requests the misread report opened stay
//! open for staff to judge: nothing urgent is withdrawn on a patient's word alone.

use super::checkin::{self, Dialogue, Step};
use crate::care::context::Ctx;
use crate::care::triage;
use crate::channels::OutMessage;
use crate::domain::reading::Parsed;
use crate::domain::symptom;
use crate::i18n::Lang;
use crate::store::patients::Patient;
use crate::store::reports::Report;
use crate::store::{Conn, chats, patients, reports};

/// How far back "that's wrong" reaches.
pub const REACH: chrono::Duration = chrono::Duration::hours(24);

pub async fn on_correction(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    patient: &Patient,
    lang: Lang,
    parsed: Parsed,
    text: &str,
) -> anyhow::Result<Vec<OutMessage>> {
    let Some(last) = reports::latest_completed(conn, patient.id, ctx.now - REACH).await? else {
        return Ok(vec![
            OutMessage::text(ctx.t(lang, msg!("correction-nothing"), &[])),
            super::prompts::how_to_report(ctx, lang),
        ]);
    };
    reports::set_aside(conn, last.id, ctx.now).await?;
    chats::alert_staff(
        conn,
        "report_corrected",
        Some(patient.id),
        None,
        "the patient said a report was misread; it is set aside and what it opened stays open for review",
        ctx.now,
    )
    .await?;
    let was = super::prompts::summary(ctx, lang, &last);
    let says_more = parsed.spo2.is_some()
        || parsed.temperature.is_some()
        || parsed.pulse.is_some()
        || !parsed.symptoms.is_empty()
        || !parsed.denied.is_empty()
        || parsed.feeling.is_some();
    if !says_more {
        // reopened empty: the next message is read as the report, from the first question
        let mut draft = Report::new(patient.id, "correction", ctx.now);
        draft.source_text = text.to_string();
        reports::store(conn, &mut draft).await?;
        let d = Dialogue {
            report_id: Some(draft.id),
            ..Dialogue::default()
        };
        patients::set_dialogue(conn, patient.id, Some(&serde_json::to_string(&d)?)).await?;
        return Ok(vec![
            OutMessage::text(ctx.t(lang, msg!("correction-reopened"), &[("summary", was.into())])),
            super::prompts::ask(ctx, lang, Step::Spo2, &d, Some(&draft)),
        ]);
    }
    // the misread report with what the patient now says in place of what was misread
    let mut fixed = Report {
        spo2_remeasured: last.spo2_remeasured.filter(|_| parsed.spo2.is_none()),
        ..last.clone()
    }
    .reopened_as("correction", ctx.now);
    let mut held = symptom::decode(last.symptoms.as_deref().unwrap_or(""));
    held.retain(|s| !parsed.denied.contains(s));
    fixed.symptoms = Some(symptom::encode(&held));
    checkin::apply(&mut fixed, &parsed, text);
    fixed.completed_at = Some(ctx.now);
    let history = reports::complete(conn, &mut fixed, crate::care::release::RELEASE).await?;
    let summary = super::prompts::summary(ctx, lang, &fixed);
    let mut out = vec![OutMessage::text(ctx.t(
        lang,
        msg!("correction-applied"),
        &[("summary", was.into())],
    ))];
    out.extend(
        triage::decide_with(conn, ctx, patient, lang, &fixed, &history, Some(summary))
            .await?
            .1,
    );
    Ok(out)
}

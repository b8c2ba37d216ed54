//! The check-in's optional last step: the common symptoms (cough, sore throat, loss of taste…)
//! offered as buttons once the report is answered. They are not urgent on their own, so the
//! report is triaged without waiting for them; one that makes the assessment more urgent (a
//! high-risk patient with a new symptom) is triaged again at once.

use super::prompts::other_symptoms_prompt as prompt;
use crate::care::context::Ctx;
use crate::care::triage;
use crate::channels::OutMessage;
use crate::domain::lexicon::{Concept, Finding, Polarity};
use crate::domain::symptom::{self, Symptom};
use crate::domain::triage::assess;
use crate::i18n::Lang;
use crate::store::patients::Patient;
use crate::store::{Conn, reports};

/// `other:<report>:<symptom|none|done>`: `None` when the button is not one of [`prompt`]'s.
pub async fn on_choice(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    patient: &Patient,
    lang: Lang,
    data: &str,
) -> anyhow::Result<Option<Vec<OutMessage>>> {
    let Some(rest) = data.strip_prefix("other:") else {
        return Ok(None);
    };
    let Some((id, what)) = rest.split_once(':') else {
        return Ok(None);
    };
    let report = match id.parse::<i64>() {
        Ok(id) => reports::get(conn, id).await?,
        Err(_) => None,
    };
    // only the patient's own, answered, standing report takes symptoms from these buttons
    let Some(mut report) =
        report.filter(|r| r.patient_id == patient.id && r.completed_at.is_some() && r.corrected_at.is_none())
    else {
        return Ok(Some(vec![OutMessage::text(ctx.t(lang, msg!("question-closed"), &[]))]));
    };
    let Some(symptom) = Symptom::from_code(what) else {
        return Ok(Some(vec![OutMessage::text(ctx.t(
            lang,
            msg!("other-symptoms-thanks"),
            &[],
        ))]));
    };
    let mut held = symptom::decode(report.symptoms.as_deref().unwrap_or(""));
    if held.contains(&symptom) {
        return Ok(Some(vec![prompt(ctx, lang, &report)]));
    }
    let mut history = triage::history(conn, patient.id, &report).await?;
    let before = assess(
        &ctx.config.rules,
        &triage::input_for(ctx, patient, &report, &history.reports),
    )
    .level;
    held.push(symptom);
    report.symptoms = Some(symptom::encode(&held));
    let label = format!("[{data}]");
    report.add_understood(&[Finding {
        concept: Concept::Symptom(symptom),
        polarity: Polarity::Affirmed,
        start: 0,
        end: label.len(),
        text: label.clone(),
    }]);
    reports::save(conn, &report).await?;
    // the history as read, with the report as it now stands
    if let Some(stored) = history.reports.iter_mut().find(|r| r.id == report.id) {
        *stored = report.clone();
    }
    let after = assess(
        &ctx.config.rules,
        &triage::input_for(ctx, patient, &report, &history.reports),
    )
    .level;
    let summary = super::prompts::summary(ctx, lang, &report);
    let mut out = if after > before {
        triage::decide_with(conn, ctx, patient, lang, &report, &history, Some(summary))
            .await?
            .1
    } else {
        // a new symptom can move the end of the episode (docs/TRIAGE.md: release)
        crate::care::release::schedule(conn, ctx, patient.id).await?;
        vec![OutMessage::text(ctx.t(
            lang,
            msg!("partial-noted"),
            &[("summary", summary.into())],
        ))]
    };
    out.push(prompt(ctx, lang, &report));
    Ok(Some(out))
}

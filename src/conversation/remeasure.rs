//! The re-measure: a first SpO2 in the range where one more measurement decides the level
//! is asked again before the report is triaged, and counts as it is if no answer comes.

use super::dialogue::Dialogue;
use crate::care::context::Ctx;
use crate::care::triage;
use crate::domain::enrolment::ChatStatus;
use crate::domain::reading::Spo2;
use crate::domain::triage::{Input, Level, assess};
use crate::store::patients::Patient;
use crate::store::reports::Report;
use crate::store::{Conn, chats, patients, reports};

/// A first SpO2 in the re-measure range gets one more measurement — unless the other signals
/// already decide at least as urgently, so nothing is delayed by asking.
pub(super) fn wants_remeasure(ctx: &Ctx<'_>, patient: &Patient, report: &Report, history: &[Report]) -> bool {
    let rules = &ctx.config.rules;
    let Some(spo2) = report.spo2.map(Spo2::percent) else {
        return false;
    };
    if report.spo2_remeasured.is_some() || !rules.wants_remeasure(spo2) {
        return false;
    }
    let input = triage::input_for(ctx, patient, report, history);
    let with = assess(rules, &input).level;
    let without = assess(
        rules,
        &Input {
            spo2: Some(100),
            ..input
        },
    )
    .level;
    // an emergency is never delayed by asking again
    with > without && with < Level::Emergency
}

/// Nobody answered the re-measure prompt in time: the first reading counts.
pub async fn timed_out(conn: &mut Conn, ctx: &Ctx<'_>, patient: &Patient) -> anyhow::Result<()> {
    // the report still waiting for its decision (the dialogue may have moved on meanwhile)
    let Some(report) = reports::awaiting_assessment(conn, patient.id).await? else {
        return Ok(());
    };
    if Dialogue::load(patient).is_some_and(|d| d.remeasure_of == Some(report.id)) {
        patients::set_dialogue(conn, patient.id, None).await?;
    }
    let chat = chats::for_patient(conn, patient.id).await?;
    let lang = crate::care::context::language(Some(patient), chat.as_ref().and_then(|c| c.language_hint.as_deref()));
    let (_, messages) = triage::decide(conn, ctx, patient, lang, &report, None).await?;
    if let Some(chat) = chat.filter(|c| c.status == ChatStatus::Active) {
        crate::care::context::push(conn, ctx, chat.id, messages).await?;
    }
    Ok(())
}

//! A visiting nurse's observation from chat: the readings and symptoms a nurse writes while
//! holding a patient's visiting-nursing request become a report on that patient, with the nurse
//! as its source, triaged by the same rules as the patient's own; the nurse is told the result.

use crate::care::context::Ctx;
use crate::care::triage;
use crate::channels::OutMessage;
use crate::domain::reading::parse_as;
use crate::domain::triage::RequestKind;
use crate::i18n::Lang;
use crate::store::providers::Provider;
use crate::store::reports::{self, Report};
use crate::store::{Conn, offers, patients};

/// `None` when `text` is not an observation (no reading, no symptom) or the nurse holds no
/// visiting-nursing request: the chat goes on as for any provider.
pub async fn observation(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    nurse: &Provider,
    lang: Lang,
    text: &str,
) -> anyhow::Result<Option<Vec<OutMessage>>> {
    if nurse.role != "nurse" {
        return Ok(None);
    }
    // read as the nurse writes: their language, with Japanese and English (not every lexicon:
    // a Chinese reading of 胸が痛くない would find chest pain)
    let parsed = parse_as(text, &ctx.config.lexicons, lang.lexicon());
    let read = parsed.spo2.is_some()
        || parsed.temperature.is_some()
        || parsed.pulse.is_some()
        || parsed.respiratory_rate.is_some()
        || !parsed.symptoms.is_empty();
    if !read {
        return Ok(None);
    }
    let Some(request) = offers::held_by(conn, nurse.id, RequestKind::VisitingNursing).await? else {
        return Ok(None);
    };
    let Some(patient) = patients::get(conn, request.patient_id).await? else {
        return Ok(None);
    };
    let mut report = Report::new(patient.id, &format!("nurse:{}", nurse.id), ctx.now);
    super::checkin::apply(&mut report, &parsed, text);
    report.add_understood(&parsed.understood);
    report.completed_at = Some(ctx.now);
    let history = reports::complete(conn, &mut report, crate::care::release::RELEASE).await?;
    crate::care::observation::contact(conn, ctx, &patient).await?;
    let summary = super::prompts::summary(ctx, lang, &report);
    // the decision is told to the nurse, who is with the patient
    let (_, decided) = triage::decide_with(conn, ctx, &patient, lang, &report, &history, Some(summary)).await?;
    let mut recorded = ctx.t(
        lang,
        msg!("nurse-observation-recorded"),
        &[("name", patient.name.clone().into())],
    );
    // the visit is done: the next one is due from now
    if let Some(next) = crate::care::nursing::visited(conn, ctx, lang, &request).await? {
        recorded = format!("{recorded}\n{next}");
    }
    let mut out = vec![OutMessage::text(recorded)];
    out.extend(decided);
    Ok(Some(out))
}

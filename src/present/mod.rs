//! What staff see, rendered once for the staff API, the CLI and the coming console: reasons in
//! words, reports with what their words were understood as, care requests with their chains,
//! the performance report.

pub mod exports;
pub mod fhir;
pub mod oxygen;
pub mod sheets;

use fluent_bundle::FluentValue;
use serde_json::{Value, json};

use crate::domain::symptom::{self, Symptom};
use crate::domain::triage::Reason;
use crate::i18n::{Lang, Locales};
use crate::store::{offers, reports, views};

/// A reason in words, in `lang`.
pub fn render_reason(locales: &Locales, lang: Lang, r: &Reason) -> String {
    let args: Vec<(&str, FluentValue)> = r
        .args
        .iter()
        .map(|(k, v)| {
            let v = match (k.as_str(), Symptom::from_code(v)) {
                ("symptom", Some(s)) => locales.text(lang, &s.label_key(), &[]),
                _ => v.clone(),
            };
            (k.as_str(), FluentValue::from(v))
        })
        .collect();
    locales.text(lang, &r.key, &args)
}

/// Stored reasons (JSON) as staff read them: level, words, and the key and arguments behind them.
pub fn reasons_json(locales: &Locales, lang: Lang, stored: &str) -> Value {
    let reasons: Vec<Reason> = serde_json::from_str(stored).unwrap_or_default();
    reasons
        .iter()
        .map(
            |r| json!({"level": r.level.code(), "text": render_reason(locales, lang, r), "key": r.key, "args": r.args}),
        )
        .collect()
}

/// A report as staff see it: the values, the patient's words and what each phrase was
/// understood as, and whether the patient said it was misread.
/// What the words of a report were understood as, for staff in `lang`: the patient's words as
/// written, then what they were read as ("「胸が痛くない」→ not: chest pain").
pub fn understood_lines(locales: &Locales, lang: Lang, r: &reports::Report) -> Vec<String> {
    r.understood_list()
        .iter()
        .map(|u| {
            let concept = match Symptom::from_code(&u.concept) {
                Some(s) => locales.text(lang, &s.label_key(), &[]),
                None => locales.text(lang, msg!("concept-label"), &[("concept", u.concept.as_str().into())]),
            };
            let polarity = match u.polarity {
                crate::domain::lexicon::Polarity::Affirmed => "affirmed",
                crate::domain::lexicon::Polarity::Negated => "negated",
                crate::domain::lexicon::Polarity::Uncertain => "uncertain",
            };
            locales.text(
                lang,
                msg!("understood"),
                &[
                    ("words", u.text.as_str().into()),
                    ("concept", concept.into()),
                    ("polarity", polarity.into()),
                ],
            )
        })
        .collect()
}

/// [`report_json`] with what was understood rendered for staff in `lang` as `understood_as`.
pub fn report_json_in(locales: &Locales, lang: Lang, r: &reports::Report) -> Value {
    let mut v = report_json(r);
    v["understood_as"] = json!(understood_lines(locales, lang, r));
    v
}

pub fn report_json(r: &reports::Report) -> Value {
    json!({
        "id": r.id,
        "spo2": r.spo2, "spo2_remeasured": r.spo2_remeasured,
        "temperature": r.temperature.map(|t| t as f64 / 10.0),
        "pulse": r.pulse,
        "respiratory_rate": r.respiratory_rate,
        "symptoms": r.symptoms.as_deref().map(symptom::decode),
        "feeling": r.feeling, "source": r.source, "source_text": r.source_text,
        "understood": r.understood_list(),
        "created_at": r.created_at.to_rfc3339(),
        "completed_at": r.completed_at.map(|t| t.to_rfc3339()),
        "corrected_at": r.corrected_at.map(|t| t.to_rfc3339()),
    })
}

/// A question asked back about an urgent sign, and how it was settled.
pub fn question_json(q: &crate::store::questions::SafetyQuestion) -> Value {
    json!({
        "id": q.id, "report_id": q.report_id, "symptom": q.symptom,
        "asked_at": q.asked_at.to_rfc3339(),
        "answer": q.answer,
        "answered_at": q.answered_at.map(|t| t.to_rfc3339()),
    })
}

/// Care requests as JSON with their chain history (shared with `mimamori cases list --json`).
pub fn requests_json(
    state_locales: &Locales,
    lang: Lang,
    rows: &[views::RequestRow],
    history: &[offers::HistoryLine],
) -> Value {
    rows.iter()
        .map(|r| {
            let reasons: Vec<Reason> = serde_json::from_str(&r.reasons).unwrap_or_default();
            let chain: Vec<Value> = history
                .iter()
                .filter(|h| h.care_request_id == r.id)
                .map(|h| {
                    json!({
                        "provider": {"id": h.provider_id, "name": h.provider_name, "role": h.role},
                        "step": h.step, "answer": h.status,
                        "offered_at": h.offered_at.to_rfc3339(),
                        "deadline_at": h.deadline_at.to_rfc3339(),
                        "answered_at": h.answered_at.map(|t| t.to_rfc3339()),
                    })
                })
                .collect();
            json!({
                "id": r.id, "kind": r.kind, "status": r.status,
                "urgency": r.urgency.code(),
                "patient": {"id": r.patient_id, "name": r.patient_name, "phone": r.patient_phone, "area": r.area},
                "provider": r.provider_id.map(|id| json!({"id": id, "name": r.provider_name})),
                "parent_id": r.parent_id, "route": r.route,
                "outcome": r.outcome, "outcome_note": r.outcome_note, "closed_reason": r.closed_reason,
                "target_at": r.target_at.to_rfc3339(),
                "created_at": r.created_at.to_rfc3339(),
                "reasons": reasons.iter().map(|x| render_reason(state_locales, lang, x)).collect::<Vec<_>>(),
                "chain": chain,
            })
        })
        .collect()
}

/// The UTC range of the local days `from..=to`.
pub fn report_period(
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
    tz: chrono_tz::Tz,
) -> Result<(chrono::DateTime<chrono::Utc>, chrono::DateTime<chrono::Utc>), &'static str> {
    if to < from {
        return Err("the period ends before it starts (to < from)");
    }
    let start = crate::domain::episode::start_of_day(from, tz);
    let end = to.succ_opt().and_then(|d| crate::domain::episode::start_of_day(d, tz));
    match (start, end) {
        (Some(s), Some(e)) => Ok((s, e)),
        _ => Err("the period is not a valid range of days"),
    }
}

/// The performance report as CSV (UTF-8 with BOM, headings in `lang`) or JSON.
pub fn render_provider_report(
    locales: &Locales,
    lang: Lang,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
    lines: &[crate::domain::performance::Line],
    format: &str,
) -> anyhow::Result<Vec<u8>> {
    use crate::domain::performance::{COLUMNS, to_csv};
    if format == "json" {
        let body = json!({"from": from, "to": to, "providers": lines});
        return Ok(serde_json::to_vec(&body)?);
    }
    let headings: Vec<String> = COLUMNS
        .iter()
        .map(|c| locales.text(lang, msg!("report-column"), &[("column", (*c).into())]))
        .collect();
    Ok(to_csv(lines, &headings)?)
}

//! From a completed report to a decision: gather the rules' inputs from the patient's record and
//! history, assess, store the assessment, open (or raise) care requests, and tell the patient
//! what happens next — all in the caller's transaction.

use chrono::{Days, NaiveDate};

use super::context::Ctx;
use crate::channels::OutMessage;
use crate::domain::patient::is_high_risk;
use crate::domain::reading::{Feeling, Spo2, Temperature};
use crate::domain::symptom;
use crate::domain::triage::{Assessment, Input, Level, RequestKind, assess};
use crate::i18n::Lang;
use crate::store::patients::Patient;
use crate::store::reports::{History, Report};
use crate::store::{Conn, care, chats, reports};

/// The patient's completed reports, oldest first, with `report` (as the caller holds it) in its
/// place: one read serves the rules and the release date.
pub async fn history(conn: &mut Conn, patient_id: i64, report: &Report) -> anyhow::Result<History> {
    let mut all = reports::completed(conn, patient_id).await?;
    all.retain(|r| r.id != report.id);
    let at = all.partition_point(|r| r.id < report.id);
    all.insert(at, report.clone());
    Ok(History::of(all))
}

/// The rules' view of a report and the patient's history (see [`history`]).
pub fn input_for(ctx: &Ctx<'_>, patient: &Patient, report: &Report, history: &[Report]) -> Input {
    let rules = &ctx.config.rules;
    let tz = ctx.config.timezone;
    let today = ctx.now.with_timezone(&tz).date_naive();
    let days = rules.fever.1 as u64;
    let first_day = today
        .checked_sub_days(Days::new(days.saturating_sub(1)))
        .unwrap_or(today);
    let since = first_day
        .and_hms_opt(0, 0, 0)
        .and_then(|t| t.and_local_timezone(tz).earliest())
        .map(|t| t.with_timezone(&chrono::Utc))
        .unwrap_or(ctx.now);
    let recent: Vec<&Report> = history
        .iter()
        .filter(|r| r.id == report.id || r.completed_at.is_some_and(|at| at >= since))
        .collect();
    let daily_max_temperature: Vec<Option<Temperature>> = (0..days)
        .rev()
        .filter_map(|back| today.checked_sub_days(Days::new(back)))
        .map(|day: NaiveDate| {
            recent
                .iter()
                .filter(|r| r.completed_at.unwrap_or(r.created_at).with_timezone(&tz).date_naive() == day)
                .filter_map(|r| r.temperature.and_then(Temperature::from_tenths))
                .max()
        })
        .collect();
    let baseline = history.iter().find_map(|r| r.spo2);
    let previous = history.iter().rev().find(|r| r.id < report.id);
    let onset = NaiveDate::parse_from_str(&patient.onset_date, "%Y-%m-%d").unwrap_or(today);
    Input {
        spo2: report.counted_spo2().map(Spo2::percent),
        temperature: report.temperature.and_then(Temperature::from_tenths),
        pulse: report.pulse.and_then(|p| u16::try_from(p).ok()),
        respiratory_rate: report.respiratory_rate.and_then(|v| u16::try_from(v).ok()),
        symptoms: symptom::decode(report.symptoms.as_deref().unwrap_or("")),
        feeling: report.feeling.as_deref().and_then(Feeling::from_code),
        harder_to_breathe: report.harder_to_breathe,
        asks_to_talk: report.asks_to_talk,
        cannot_eat_or_drink: report.cannot_eat_or_drink,
        high_risk: is_high_risk(patient.birth(), patient.has_risk_factor(), today),
        // the report that sets the baseline is not compared with itself
        baseline_spo2: baseline.filter(|_| previous.is_some()).map(Spo2::percent),
        previous_symptoms: previous
            .map(|p| symptom::decode(p.symptoms.as_deref().unwrap_or("")))
            .unwrap_or_default(),
        daily_max_temperature,
        days_since_onset: (today - onset).num_days(),
    }
}

/// Assesses `report`, records the decision, and returns what the patient is told (the 119
/// instruction first for an emergency). `summary` is what was understood of the report, if the
/// acknowledgement should repeat it.
pub async fn decide(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    patient: &Patient,
    lang: Lang,
    report: &Report,
    summary: Option<String>,
) -> anyhow::Result<(Assessment, Vec<OutMessage>)> {
    let history = history(conn, patient.id, report).await?;
    decide_with(conn, ctx, patient, lang, report, &history, summary).await
}

/// [`decide`] with the patient's [`history`] as the caller read it (with `report` in its place;
/// with the release timer's due time if [`reports::complete`] was asked for it).
pub async fn decide_with(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    patient: &Patient,
    lang: Lang,
    report: &Report,
    history: &History,
    summary: Option<String>,
) -> anyhow::Result<(Assessment, Vec<OutMessage>)> {
    let input = input_for(ctx, patient, report, &history.reports);
    let a = assess(&ctx.config.rules, &input);
    let mut requests: Vec<care::NewRequest> = a
        .requests
        .iter()
        .map(|kind| {
            let minutes = match kind {
                RequestKind::TreatmentReferral => ctx.config.rules.referral.map(|r| r.1).unwrap_or(1440),
                _ => a.target_minutes.unwrap_or(240),
            };
            care::NewRequest {
                patient_id: patient.id,
                assessment_id: None, // (the one stored with them)
                kind: *kind,
                level: a.level,
                target_at: ctx.now + chrono::Duration::minutes(minutes),
                reasons: &a.reasons,
                // routed as it is opened (one statement, not an INSERT and an UPDATE)
                oxygen_routes: (*kind == RequestKind::Oxygen).then(|| super::oxygen::route::routes(patient, a.level)),
            }
        })
        .collect();
    let coordinated = a.requests.contains(&RequestKind::HospitalCoordination);
    let mut routed = Vec::new();
    let opened = care::record(conn, patient.id, Some(report.id), &a, &mut requests, ctx.now).await?;
    for opened in opened {
        match opened {
            care::Opened::New(request) => {
                let told =
                    super::chain::opened_for_patient(conn, ctx, &request, Some(patient), Some(lang), coordinated);
                routed.extend(told.await?);
            }
            // the patient worsened while it was open: whoever must act is told
            care::Opened::Raised(id) => {
                routed.extend(super::chain::raised(conn, ctx, id, Some(patient), Some(lang)).await?);
            }
            care::Opened::Existing(_) => {}
        }
    }
    if a.level == Level::Emergency {
        chats::alert_staff(
            conn,
            "emergency",
            Some(patient.id),
            None,
            "emergency assessment: the patient was told to call 119",
            ctx.now,
        )
        .await?;
    }
    super::observation::after_assessment(conn, ctx, patient, a.level).await?;
    super::release::schedule_with(conn, ctx, patient, &history.reports, history.timer_due).await?;
    let mut told = messages(ctx, lang, &a, summary);
    // where oxygen comes from belongs with what happens next: one message, not one more
    for extra in routed {
        match told.last_mut() {
            Some(last) if last.choices.is_empty() => {
                last.text.push('\n');
                last.text.push_str(&extra.text);
            }
            _ => told.push(extra),
        }
    }
    Ok((a.clone(), told))
}

fn messages(ctx: &Ctx<'_>, lang: Lang, a: &Assessment, summary: Option<String>) -> Vec<OutMessage> {
    let mut out = Vec::new();
    let mut args = ctx.phone_args(lang);
    if a.level == Level::Emergency {
        out.push(OutMessage::text(ctx.t(lang, msg!("alert-emergency"), &args)));
    }
    let minutes = a.target_minutes.unwrap_or(0);
    args.push(("minutes", minutes.into()));
    args.push(("hours", (minutes / 60).into()));
    let key = match a.level {
        Level::Emergency => msg!("route-emergency"),
        Level::Urgent => msg!("route-urgent"),
        Level::Moderate => msg!("route-moderate"),
        Level::Watch => msg!("route-watch"),
        Level::Stable => msg!("route-stable"),
    };
    let route = ctx.t(lang, key, &args);
    // the acknowledgement and what happens next in one message
    out.push(OutMessage::text(match summary {
        Some(s) => format!(
            "{}\n{route}",
            ctx.t(lang, msg!("report-noted"), &[("summary", s.into())])
        ),
        None => route,
    }));
    if a.requests.contains(&RequestKind::TreatmentReferral) {
        out.push(OutMessage::text(ctx.t(lang, msg!("route-referral"), &args)));
    }
    out
}

//! Visiting nursing at work: the plan a doctor orders with it (and changes with one tap), the
//! nurse's reminders when a visit or call falls due, each reported observation moving the
//! schedule on, a due visit left unreported becoming a staff call, and staff putting a patient
//! under a nurse's observation instead of self-report.

use chrono::{DateTime, Utc};

use super::context::Ctx;
use super::offering::notify_provider;
use crate::channels::{Choice, OutMessage};
use crate::domain::nursing::{DURATIONS, FREQUENCIES, GRACE, NursingPlan, PlanChange, parse_plan_button};
use crate::domain::request::RequestStatus;
use crate::domain::triage::{Level, Reason, RequestKind};
use crate::i18n::Lang;
use crate::store::offers::{self, Request};
use crate::store::patients::Patient;
use crate::store::providers::Provider;
use crate::store::timers::TimerKind;
use crate::store::{Conn, care, chats, nursing, patients, timers};

pub const DUE: TimerKind = TimerKind::NursingDue;
pub const CHECK: TimerKind = TimerKind::NursingCheck;

fn local(ctx: &Ctx<'_>, t: DateTime<Utc>) -> String {
    t.with_timezone(&ctx.config.timezone).format("%m/%d %H:%M").to_string()
}

/// The plan in words: "a visit every 24 h until 11/27 18:00".
pub fn describe(ctx: &Ctx<'_>, lang: Lang, plan: &NursingPlan) -> String {
    ctx.t(
        lang,
        msg!("nursing-plan"),
        &[
            ("mode", plan.mode.code().into()),
            ("hours", plan.every_hours.into()),
            ("until", local(ctx, plan.until).into()),
        ],
    )
}

/// The doctor who ordered nursing is told the plan, with buttons to change it.
pub fn plan_prompt(ctx: &Ctx<'_>, lang: Lang, request_id: i64, plan: &NursingPlan) -> OutMessage {
    let mut choices: Vec<Choice> = FREQUENCIES
        .iter()
        .map(|(mode, hours)| Choice {
            label: ctx.t(
                lang,
                msg!("nursing-plan-frequency"),
                &[("mode", mode.code().into()), ("hours", (*hours).into())],
            ),
            data: format!("nplan:{request_id}:{}:{hours}", mode.code()),
        })
        .collect();
    choices.extend(DURATIONS.iter().map(|days| Choice {
        label: ctx.t(lang, msg!("nursing-plan-days"), &[("days", (*days).into())]),
        data: format!("nplan:{request_id}:days:{days}"),
    }));
    OutMessage {
        text: ctx.t(
            lang,
            msg!("nursing-plan-prompt"),
            &[("plan", describe(ctx, lang, plan).into())],
        ),
        choices,
    }
}

/// A visiting-nursing request was opened by a doctor's outcome: its plan starts as the default
/// (a visit a day until the episode ends). Returns the plan.
pub async fn ordered(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    request_id: i64,
    patient: &Patient,
) -> anyhow::Result<NursingPlan> {
    if let Some(row) = nursing::get(conn, request_id).await? {
        return Ok(row.plan); // an open request was raised instead: its plan stands
    }
    let release = timers::pending_due(conn, patient.id, TimerKind::Release).await?;
    let plan = NursingPlan::default_from(ctx.now, release);
    nursing::save(conn, request_id, &plan, ctx.now).await?;
    Ok(plan)
}

/// The ordering doctor pressed a plan button ("nplan:…"); `None`: not one.
pub async fn plan_button(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    doctor: &Provider,
    lang: Lang,
    data: &str,
) -> anyhow::Result<Option<Vec<OutMessage>>> {
    let Some((request_id, change)) = parse_plan_button(data) else {
        return Ok(None);
    };
    let say = |key: &str| Ok(Some(vec![OutMessage::text(ctx.t(lang, key, &[]))]));
    let Some(request) = offers::request(conn, request_id)
        .await?
        .filter(|r| r.kind == RequestKind::VisitingNursing && r.status.is_live())
    else {
        return say(msg!("outcome-closed"));
    };
    // only the doctor who ordered it changes the plan
    let ordered_by = match request.parent_id {
        Some(parent) => offers::request(conn, parent).await?.and_then(|p| p.provider_id),
        None => None,
    };
    let Some(row) = nursing::get(conn, request.id)
        .await?
        .filter(|_| ordered_by == Some(doctor.id))
    else {
        let refused = super::context::refuse_provider(conn, ctx, doctor, lang, msg!("offer-unknown"), data).await?;
        return Ok(Some(refused));
    };
    let mut plan = row.plan;
    match change {
        PlanChange::Frequency(mode, hours) => (plan.mode, plan.every_hours) = (mode, hours),
        PlanChange::Days(days) => plan.until = request.created_at + chrono::Duration::days(days),
    }
    nursing::save(conn, request.id, &plan, ctx.now).await?;
    if let Some(nurse) = request.provider_id {
        let name = patient_name(conn, request.patient_id).await?;
        notify_provider(conn, ctx, nurse, |l| {
            ctx.t(
                l,
                msg!("nursing-plan-changed"),
                &[("name", name.clone().into()), ("plan", describe(ctx, l, &plan).into())],
            )
        })
        .await?;
        // the next visit follows the new frequency from the last one
        if let Some(last) = row.last_visit_at {
            schedule(conn, &request, &plan, last, None, None).await?;
        }
    }
    Ok(Some(vec![OutMessage::text(ctx.t(
        lang,
        msg!("nursing-plan-set"),
        &[("plan", describe(ctx, lang, &plan).into())],
    ))]))
}

async fn patient_name(conn: &mut Conn, id: i64) -> anyhow::Result<String> {
    Ok(patients::get(conn, id).await?.map(|p| p.name).unwrap_or_default())
}

/// The reminder and the check of the visit after one at `from` (or of `first`), or the plan's
/// end when no visit falls before it; `visited`: a visit was reported then. Returns the visit
/// due next.
async fn schedule(
    conn: &mut Conn,
    request: &Request,
    plan: &NursingPlan,
    from: DateTime<Utc>,
    first: Option<DateTime<Utc>>,
    visited: Option<DateTime<Utc>>,
) -> anyhow::Result<Option<DateTime<Utc>>> {
    timers::cancel_ref(conn, DUE, request.patient_id, request.id).await?;
    timers::cancel_ref(conn, CHECK, request.patient_id, request.id).await?;
    let next = first.or_else(|| plan.next_due(from));
    nursing::set_due(conn, request.id, next, visited).await?;
    match next {
        Some(due) => {
            timers::schedule_ref(conn, DUE, request.patient_id, request.id, due, from).await?;
            timers::schedule_ref(conn, CHECK, request.patient_id, request.id, due + GRACE, from).await?;
        }
        // the reminder timer at the plan's end closes it
        None => timers::schedule_ref(conn, DUE, request.patient_id, request.id, plan.until, from).await?,
    }
    Ok(next)
}

/// A nurse accepted the request (or staff gave it to one): the first visit is due by `due`.
/// Returns the brief the nurse gets with it: where, the plan, when the first visit is due.
pub async fn started(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    lang: Lang,
    request: &Request,
    patient: &Patient,
    due: DateTime<Utc>,
) -> anyhow::Result<Option<String>> {
    let Some(row) = nursing::get(conn, request.id).await? else {
        return Ok(None);
    };
    // the nursing check of the first visit stands in for the request's overdue alert
    timers::cancel_ref(conn, TimerKind::Overdue, request.patient_id, request.id).await?;
    schedule(conn, request, &row.plan, ctx.now, Some(due), None).await?;
    Ok(Some(ctx.t(
        lang,
        msg!("nursing-brief"),
        &[
            ("address", patient.address.clone().unwrap_or_else(|| "-".into()).into()),
            ("plan", describe(ctx, lang, &row.plan).into()),
            ("mode", row.plan.mode.code().into()),
            ("by", local(ctx, due).into()),
        ],
    )))
}

/// The nurse reported an observation: the visit is done, the request is in progress, and the
/// next visit is due from now. Returns what the nurse is told about the next one.
pub async fn visited(conn: &mut Conn, ctx: &Ctx<'_>, lang: Lang, request: &Request) -> anyhow::Result<Option<String>> {
    let Some(row) = nursing::get(conn, request.id).await? else {
        return Ok(None);
    };
    crate::store::views::move_request(conn, request.id, RequestStatus::InProgress, None, None, ctx.now).await?;
    // the first visit was the request's deadline
    timers::cancel_ref(conn, TimerKind::Overdue, request.patient_id, request.id).await?;
    let next = schedule(conn, request, &row.plan, ctx.now, None, Some(ctx.now)).await?;
    Ok(Some(match next {
        Some(next) => ctx.t(
            lang,
            msg!("nursing-next"),
            &[("mode", row.plan.mode.code().into()), ("by", local(ctx, next).into())],
        ),
        None => ctx.t(lang, msg!("nursing-last"), &[]),
    }))
}

/// A live nursing request, the nurse holding it and its plan.
async fn held_plan(conn: &mut Conn, request_id: i64) -> anyhow::Result<Option<(Request, i64, nursing::PlanRow)>> {
    let Some(request) = offers::request(conn, request_id).await? else {
        return Ok(None);
    };
    let Some(nurse) = request.provider_id.filter(|_| request.status.is_live()) else {
        return Ok(None);
    };
    Ok(nursing::get(conn, request.id).await?.map(|row| (request, nurse, row)))
}

/// The reminder timer: a visit is due (the nurse is reminded), or the plan has ended (the
/// request is done; staff are told if the patient has nobody else watching).
pub async fn due(conn: &mut Conn, ctx: &Ctx<'_>, patient: &Patient, request_id: i64) -> anyhow::Result<()> {
    let Some((request, nurse, row)) = held_plan(conn, request_id).await? else {
        return Ok(());
    };
    if ctx.now >= row.plan.until {
        if offers::record_outcome(conn, request.id, "plan_ended", ctx.now).await? > 0 {
            notify_provider(conn, ctx, nurse, |l| {
                ctx.t(l, msg!("nursing-ended"), &[("name", patient.name.clone().into())])
            })
            .await?;
            if patient.nurse_observed {
                let detail = format!(
                    "the nursing plan of care request {} ended while the patient is under nurse observation: renew it or return the patient to self-report",
                    request.id
                );
                chats::alert_staff(conn, "nursing_ended", Some(patient.id), None, &detail, ctx.now).await?;
            }
        }
        return Ok(());
    }
    notify_provider(conn, ctx, nurse, |l| {
        ctx.t(
            l,
            msg!("nursing-reminder"),
            &[
                ("mode", row.plan.mode.code().into()),
                ("name", patient.name.clone().into()),
                ("phone", patient.phone.clone().into()),
                ("address", patient.address.clone().unwrap_or_else(|| "-".into()).into()),
            ],
        )
    })
    .await
}

/// The check timer: the visit due at `due_at` was not reported (a report would have moved the
/// timers on). Staff are asked to call, as when a patient does not answer a check-in; the nurse
/// is told; the next visit is due one interval after the missed one.
pub async fn check(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    patient: &Patient,
    request_id: i64,
    due_at: DateTime<Utc>,
) -> anyhow::Result<()> {
    let Some((request, nurse, row)) = held_plan(conn, request_id).await? else {
        return Ok(());
    };
    if row.last_visit_at.is_some_and(|v| v >= due_at - GRACE) {
        return Ok(());
    }
    let mode = row.plan.mode;
    let due = local(ctx, due_at);
    let level = if patient.nurse_observed {
        Level::Moderate
    } else {
        Level::Watch
    };
    let reason = Reason::new(
        level,
        msg!("reason-nursing-missed"),
        &[("mode", mode.code().to_string()), ("due", due.clone())],
    );
    let call = care::NewRequest {
        patient_id: patient.id,
        assessment_id: None,
        kind: RequestKind::StaffCall,
        level,
        target_at: ctx.now + chrono::Duration::minutes(60),
        reasons: &[reason],
        oxygen_routes: None,
    };
    care::open(conn, &call, ctx.now).await?;
    let detail = format!(
        "the nurse's {} of care request {} was not reported",
        mode.code(),
        request.id
    );
    chats::alert_staff(conn, "nursing_missed", Some(patient.id), None, &detail, ctx.now).await?;
    notify_provider(conn, ctx, nurse, |l| {
        ctx.t(
            l,
            msg!("nursing-missed"),
            &[
                ("mode", mode.code().into()),
                ("name", patient.name.clone().into()),
                ("due", due.clone().into()),
            ],
        )
    })
    .await?;
    schedule(conn, &request, &row.plan, due_at, None, None)
        .await
        .map(|_| ())
}

/// Staff put a patient under a visiting nurse's observation (or back to self-report). Under it,
/// the patient gets no check-in prompts; a nurse must hold them, so a visiting-nursing request
/// is opened (with the default plan) unless one is live. Zero: the patient is not active.
pub async fn observe_by_nurse(conn: &mut Conn, ctx: &Ctx<'_>, patient: &Patient, on: bool) -> anyhow::Result<u64> {
    let n = patients::set_nurse_observed(conn, patient.id, on).await?;
    if n == 0
        || !on
        || care::open_of_kind(conn, patient.id, RequestKind::VisitingNursing)
            .await?
            .is_some()
    {
        return Ok(n);
    }
    let reasons = [Reason::new(Level::Moderate, msg!("reason-nurse-observation"), &[])];
    let new = care::NewRequest {
        patient_id: patient.id,
        assessment_id: None,
        kind: RequestKind::VisitingNursing,
        level: Level::Moderate,
        target_at: ctx.now + chrono::Duration::hours(4),
        reasons: &reasons,
        oxygen_routes: None,
    };
    if let care::Opened::New(request) = care::open(conn, &new, ctx.now).await? {
        ordered(conn, ctx, request.id, patient).await?;
        super::offering::start(conn, ctx, &request, Some(patient)).await?;
    }
    Ok(n)
}

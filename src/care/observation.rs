//! No patient silently drops out of observation (docs/TRIAGE.md "Cadence and non-response"):
//! extra check-ins after a worrying assessment, and the ladder for a patient who does not
//! answer — reminder (60 min, by the check-in dialogue) → staff phone call (120 min) → home safety
//! check after 24 h without contact (12 h if high-risk) once a question has gone unanswered. All
//! of it is durable timers.

use crate::domain::patient::PatientStatus;
use chrono::Duration;

use super::context::Ctx;
use crate::domain::patient::is_high_risk;
use crate::domain::triage::{Level, Reason, RequestKind};
use crate::store::patients::Patient;
use crate::store::timers::TimerKind;
use crate::store::{Conn, care, chats, patients, timers};

pub const EXTRA_CHECK_IN: TimerKind = TimerKind::ExtraCheckIn;
pub const STAFF_CALL: TimerKind = TimerKind::StaffCall;
pub const SAFETY_CHECK: TimerKind = TimerKind::SafetyCheck;
pub const STAFF_CALL_AFTER: Duration = Duration::minutes(120);
pub const EXTRA_AFTER: Duration = Duration::hours(3);

fn high_risk(ctx: &Ctx<'_>, patient: &Patient) -> bool {
    let today = ctx.now.with_timezone(&ctx.config.timezone).date_naive();
    is_high_risk(patient.birth(), patient.has_risk_factor(), today)
}

/// How long a patient may go without any contact before a safety check.
pub fn contact_limit(high_risk: bool) -> Duration {
    if high_risk {
        Duration::hours(12)
    } else {
        Duration::hours(24)
    }
}

/// The patient wrote to us. The safety-check timer reads the time when it fires, so one write
/// is enough here.
pub async fn contact(conn: &mut Conn, ctx: &Ctx<'_>, patient: &Patient) -> anyhow::Result<()> {
    if patient.status != PatientStatus::Active {
        return Ok(());
    }
    patients::set_last_contact(conn, patient.id, ctx.now).await?;
    Ok(())
}

/// Starts watching for silence: the safety-check timer, re-armed each time it fires.
pub async fn start(conn: &mut Conn, ctx: &Ctx<'_>, patient: &Patient) -> anyhow::Result<()> {
    timers::cancel(conn, patient.id, SAFETY_CHECK).await?;
    let due = ctx.now + contact_limit(high_risk(ctx, patient));
    timers::schedule(conn, SAFETY_CHECK, patient.id, due, ctx.now).await?;
    Ok(())
}

/// After an assessment: moderate or worse → a check-in every 3 hours until two stable ones in a
/// row. `patient` is the row as read in this transaction: only this function changes the cadence,
/// and one report is assessed once.
pub async fn after_assessment(conn: &mut Conn, ctx: &Ctx<'_>, patient: &Patient, level: Level) -> anyhow::Result<()> {
    let p = patient;
    let (extra, streak) = if level >= Level::Moderate {
        (true, 0)
    } else if level == Level::Stable && p.extra_check_ins != 0 {
        let streak = p.stable_streak + 1;
        (streak < 2, streak)
    } else {
        (p.extra_check_ins != 0, 0)
    };
    if !extra && p.extra_check_ins == 0 && p.stable_streak == streak {
        return Ok(()); // nothing changes: the usual case
    }
    let cadence = patients::Cadence {
        extra_check_ins: extra,
        stable_streak: streak,
        timer: EXTRA_CHECK_IN,
        // (only this function schedules extra check-ins, and it cancels them when it turns
        // them off: with the flag off none is pending)
        cancel: p.extra_check_ins != 0,
        schedule: extra.then(|| ctx.now + EXTRA_AFTER),
    };
    patients::set_cadence(conn, patient.id, &cadence, ctx.now).await?;
    Ok(())
}

/// Opens a care request that no assessment made (a ladder step).
async fn open_request(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    patient: &Patient,
    kind: RequestKind,
    level: Level,
    within: Duration,
    reason: Reason,
) -> anyhow::Result<()> {
    let reasons = [reason];
    let request = care::NewRequest {
        patient_id: patient.id,
        assessment_id: None,
        kind,
        level,
        target_at: ctx.now + within,
        reasons: &reasons,
        oxygen_routes: None,
    };
    care::open(conn, &request, ctx.now).await?;
    Ok(())
}

/// Two hours after a check-in prompt without a report: a phone call by staff, sooner for
/// high-risk patients.
pub async fn staff_call_due(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    patient: &Patient,
    prompted_at: chrono::DateTime<chrono::Utc>,
) -> anyhow::Result<()> {
    if !unanswered_since(conn, patient, prompted_at).await? {
        return Ok(());
    }
    let (level, within) = if high_risk(ctx, patient) {
        (Level::Moderate, Duration::minutes(30))
    } else {
        (Level::Watch, Duration::minutes(60))
    };
    let minutes = (ctx.now - prompted_at).num_minutes().to_string();
    let reason = Reason::new(level, msg!("reason-no-answer"), &[("minutes", minutes)]);
    open_request(conn, ctx, patient, RequestKind::StaffCall, level, within, reason).await
}

/// No contact at all for the limit: a home safety check (安否確認). The timer is re-armed for
/// the next limit after the last contact (or after now, when a check was requested).
pub async fn safety_check_due(conn: &mut Conn, ctx: &Ctx<'_>, patient: &Patient) -> anyhow::Result<()> {
    if patient.status != PatientStatus::Active {
        return Ok(());
    }
    let limit = contact_limit(high_risk(ctx, patient));
    let last = patient.last_contact_at;
    let next = match last {
        Some(t) if ctx.now - t < limit => t + limit,
        Some(_) if answered_all(conn, patient).await? => {
            // the quiet is the schedule's (a night between the last check-in and the morning's),
            // not the patient's: the silence counts once the next prompt has gone unanswered
            // as long as a staff call waits (the 12 h of a high-risk patient are shorter than
            // the night between 17:00 and 09:00)
            let next_prompt = timers::pending_due(conn, patient.id, CHECK_IN).await?;
            next_prompt.map_or(ctx.now + limit, |at| at.max(ctx.now) + STAFF_CALL_AFTER)
        }
        _ => {
            let hours = limit.num_hours().to_string();
            let reason = Reason::new(Level::Urgent, msg!("reason-no-contact"), &[("hours", hours)]);
            open_request(
                conn,
                ctx,
                patient,
                RequestKind::SafetyCheck,
                Level::Urgent,
                Duration::hours(2),
                reason,
            )
            .await?;
            chats::alert_staff(
                conn,
                "safety_check",
                Some(patient.id),
                None,
                "no contact with the patient: a home safety check is needed",
                ctx.now,
            )
            .await?;
            ctx.now + limit
        }
    };
    timers::schedule(conn, SAFETY_CHECK, patient.id, next, ctx.now).await?;
    Ok(())
}

/// The patient has written before, answered every question asked (none is waiting) and is
/// prompted in chat (a patient whose visits a nurse watches is not).
async fn answered_all(conn: &mut Conn, patient: &Patient) -> anyhow::Result<bool> {
    if patient.dialogue.is_some() || patient.nurse_observed {
        return Ok(false);
    }
    let chat = chats::for_patient(conn, patient.id).await?;
    Ok(chat.is_some_and(|c| c.status == crate::domain::enrolment::ChatStatus::Active))
}

/// An active patient who has not completed a report since the check-in prompt.
pub async fn unanswered_since(
    conn: &mut Conn,
    patient: &Patient,
    prompted_at: chrono::DateTime<chrono::Utc>,
) -> anyhow::Result<bool> {
    Ok(patient.status == PatientStatus::Active
        && !crate::store::reports::completed_since(conn, patient.id, prompted_at).await?)
}

/// The regular check-in timer (a check-in prompt; the dialogue itself is `conversation::checkin`).
pub const CHECK_IN: TimerKind = TimerKind::CheckIn;

/// Makes sure the patient's next check-in is scheduled (exactly one pending).
pub async fn ensure_check_ins(conn: &mut Conn, ctx: &Ctx<'_>, patient: &Patient) -> anyhow::Result<()> {
    if patient.status != PatientStatus::Active || timers::has_pending(conn, patient.id, CHECK_IN).await? {
        return Ok(());
    }
    schedule_next_check_in(conn, ctx, patient).await
}

pub async fn schedule_next_check_in(conn: &mut Conn, ctx: &Ctx<'_>, patient: &Patient) -> anyhow::Result<()> {
    timers::schedule(conn, CHECK_IN, patient.id, next_check_in_at(ctx, patient)?, ctx.now).await?;
    Ok(())
}

/// When the patient's next regular check-in is due, from now.
pub fn next_check_in_at(ctx: &Ctx<'_>, patient: &Patient) -> anyhow::Result<chrono::DateTime<chrono::Utc>> {
    let times = ctx.config.check_in_times.for_patient(high_risk(ctx, patient));
    crate::domain::schedule::next_check_in(times, ctx.config.timezone, ctx.now)
        .ok_or_else(|| anyhow::anyhow!("no check-in time could be computed"))
}

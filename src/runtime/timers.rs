//! The timer loop's step: due timers fired in batches, each batch one transaction, each timer
//! handled by the workflow its kind names.

use super::state::AppState;
use crate::care::context::Ctx;
use crate::care::{chain, nursing, observation, offering, release};
use crate::conversation::{checkin_prompt, questions, remeasure};
use crate::store::timers::{self, TimerKind};
use crate::store::{Conn, Held, patients};

/// Timers fired per transaction: one commit for several, as for events.
const TIMER_BATCH: usize = 8;
/// How long a claimed timer is this process's before another may fire it.
const LEASE: chrono::Duration = chrono::Duration::seconds(60);

/// Timers claimed per round: fewer fired means none more was due.
pub const TIMER_CLAIM: usize = 64;

/// What a round of the timer loop did.
pub struct Round {
    /// How many timers it claimed and fired.
    pub fired: usize,
    /// When the next timer the claim left is due (see [`timers::Claim`]).
    pub next_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// Fires due timers. Like events, several share a transaction (one commit); if one fails, the
/// batch is rolled back and each fires in a transaction of its own.
/// `held`: the loop's own connection, for the claim and the batches.
pub async fn fire_timers_once(state: &AppState, held: &mut Held) -> anyhow::Result<Round> {
    let now = state.clock.now();
    let claim = timers::claim_due(&state.db, held, &state.instance, now, LEASE, TIMER_CLAIM as i64).await?;
    let due = claim.timers;
    let n = due.len();
    let ctx = Ctx {
        config: &state.config,
        locales: &state.locales,
        now,
    };
    for batch in due.chunks(TIMER_BATCH) {
        let mut tx = state.db.begin_worker_on(held).await?;
        match fire_all(&mut tx, &ctx, batch).await {
            Ok(()) => {
                tx.commit().await?;
                continue;
            }
            Err(e) => tracing::warn!(error = %e, "a batch of timers failed; firing one by one"),
        }
        tx.rollback().await?;
        for timer in batch {
            let mut tx = state.db.begin_worker_on(held).await?;
            match fire_all(&mut tx, &ctx, std::slice::from_ref(timer)).await {
                Ok(()) => tx.commit().await?,
                Err(e) => {
                    // kept pending: it is claimed again when its lease runs out
                    tracing::error!(timer_id = timer.id, kind = ?timer.kind, error = %e, "firing a timer failed");
                    tx.rollback().await?;
                }
            }
        }
    }
    if n > 0 {
        state.wake_outbox.notify_one();
    }
    Ok(Round {
        fired: n,
        next_at: claim.next_at,
    })
}

/// Sends the staff pages that are due (`care::paging`), in one transaction; how many alerts.
pub async fn page_once(state: &AppState) -> anyhow::Result<usize> {
    let ctx = state.ctx();
    let again_before = ctx.now - ctx.config.page_repeat;
    if !crate::store::alerts::any_page_due(&state.db, crate::care::paging::CANNOT_WAIT, again_before).await? {
        return Ok(0);
    }
    let mut tx = state.db.begin_worker().await?;
    let paged = crate::care::paging::page_due(&mut tx, &ctx).await?;
    if paged == 0 {
        tx.rollback().await?;
        return Ok(0);
    }
    tx.commit().await?;
    state.wake_outbox.notify_one();
    Ok(paged)
}

/// Fires claimed timers, in order, inside `conn`'s transaction (not those another instance
/// fired). Each patient's first timer of the batch is marked fired, and the patients read, in
/// one statement each for all of them; a patient's later timer is marked and their row read
/// after the earlier one's effect, which may have cancelled it.
async fn fire_all(conn: &mut Conn, ctx: &Ctx<'_>, batch: &[timers::Timer]) -> anyhow::Result<()> {
    let mut firsts: Vec<&timers::Timer> = Vec::with_capacity(batch.len());
    for timer in batch {
        if !firsts.iter().any(|t| t.patient_id == timer.patient_id) {
            firsts.push(timer);
        }
    }
    // (the firsts' ids when they went in one statement: those not marked were fired elsewhere)
    let mut batched = Vec::new();
    let mut marked = Vec::new();
    let mut read = Vec::new();
    if firsts.len() > 1 {
        batched = firsts.iter().map(|t| t.id).collect();
        marked = timers::finish_all(conn, &batched, ctx.now).await?;
        let whose: Vec<i64> = firsts
            .iter()
            .filter(|t| marked.contains(&t.id))
            .map(|t| t.patient_id)
            .collect();
        if !whose.is_empty() {
            read = patients::get_all(conn, &whose).await?;
        }
    }
    for timer in batch {
        let patient = if marked.contains(&timer.id) {
            match read.iter().position(|p| p.id == timer.patient_id) {
                Some(at) => read.swap_remove(at),
                None => continue,
            }
        } else {
            if batched.contains(&timer.id) || timers::finish(conn, timer.id, ctx.now).await? == 0 {
                continue;
            }
            match patients::get(conn, timer.patient_id).await? {
                Some(patient) => patient,
                None => continue,
            }
        };
        fire(conn, ctx, timer, &patient).await?;
    }
    Ok(())
}

/// Fires one timer, marked fired in this transaction, for its patient as read in it.
async fn fire(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    timer: &timers::Timer,
    patient: &patients::Patient,
) -> anyhow::Result<()> {
    let Some(kind) = timer.kind else {
        tracing::warn!(timer_id = timer.id, "timer of unknown kind skipped");
        return Ok(());
    };
    match kind {
        TimerKind::CheckIn => checkin_prompt::start(conn, ctx, patient, true).await?,
        TimerKind::ExtraCheckIn => checkin_prompt::start(conn, ctx, patient, false).await?,
        TimerKind::StaffCall => {
            let prompted = timer.due_at - observation::STAFF_CALL_AFTER;
            observation::staff_call_due(conn, ctx, patient, prompted).await?
        }
        TimerKind::Release => release::due(conn, ctx, patient).await?,
        TimerKind::SafetyCheck => observation::safety_check_due(conn, ctx, patient).await?,
        TimerKind::CheckInReminder => {
            let prompted = timer.due_at - checkin_prompt::REMINDER_AFTER;
            checkin_prompt::remind(conn, ctx, patient, prompted).await?
        }
        TimerKind::Remeasure => remeasure::timed_out(conn, ctx, patient).await?,
        TimerKind::SafetyQuestion => {
            if let Some(question) = timer.ref_id {
                questions::timed_out(conn, ctx, patient, question).await?
            }
        }
        TimerKind::Chain => {
            if let Some(request) = timer.ref_id {
                offering::advance(conn, ctx, request, Some(patient)).await?
            }
        }
        TimerKind::NursingDue => {
            if let Some(request) = timer.ref_id {
                nursing::due(conn, ctx, patient, request).await?
            }
        }
        TimerKind::NursingCheck => {
            if let Some(request) = timer.ref_id {
                nursing::check(
                    conn,
                    ctx,
                    patient,
                    request,
                    timer.due_at - crate::domain::nursing::GRACE,
                )
                .await?
            }
        }
        TimerKind::Overdue => {
            if let Some(request) = timer.ref_id {
                chain::overdue(conn, ctx, request).await?
            }
        }
    }
    Ok(())
}

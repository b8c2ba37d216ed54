//! The background loops: the ingest writer (group commit of webhook events), the event worker,
//! the timer loop, the dispatcher and the purge. Each wakes on a notification or its poll
//! interval, and stops when shutdown is signalled.

use std::time::Instant;

use tokio::sync::{mpsc, oneshot, watch};

use crate::app::AppState;
use crate::channels::{Decoded, NewEvent, Platform, line, telegram};
use crate::conversation::{self, Ctx, checkin};
use crate::store::{events, patients, timers};

/// Events that fail this many times are kept as failed and shown to staff.
const MAX_EVENT_ATTEMPTS: i64 = 8;
const LEASE: chrono::Duration = chrono::Duration::seconds(60);

/// One webhook's events waiting to be made durable.
pub struct IngestRequest {
    pub events: Vec<NewEvent>,
    pub done: oneshot::Sender<Result<u64, String>>,
}

/// Writes webhook events in batches: every request waiting when a commit starts shares it, so
/// one fsync acknowledges many webhooks. A webhook is answered only after its commit.
pub async fn ingest_loop(state: AppState, mut rx: mpsc::Receiver<IngestRequest>) {
    let mut batch = Vec::new();
    while rx.recv_many(&mut batch, 512).await > 0 {
        let started = Instant::now();
        let all: Vec<NewEvent> = batch.iter().flat_map(|r| r.events.iter().cloned()).collect();
        let result = async {
            let mut tx = state.db.begin().await?;
            let new = events::insert(&mut tx, &all, state.clock.now()).await?;
            tx.commit().await?;
            Ok::<u64, sqlx::Error>(new)
        }
        .await;
        state.metrics.ingest_took(started.elapsed().as_secs_f64());
        match result {
            Ok(_) => {
                for r in batch.drain(..) {
                    let _ = r.done.send(Ok(r.events.len() as u64));
                }
                state.wake_events.notify_one();
            }
            Err(e) => {
                tracing::error!(error = %e, "storing webhook events failed");
                for r in batch.drain(..) {
                    let _ = r.done.send(Err("storage unavailable".into()));
                }
            }
        }
    }
}

/// Processes stored events until none is due; returns how many were handled.
pub async fn process_events_once(state: &AppState) -> anyhow::Result<usize> {
    let claimed = events::claim(&state.db, state.clock.now(), LEASE, 64).await?;
    let n = claimed.len();
    for event in claimed {
        let platform = event.platform().map(Platform::code).unwrap_or("unknown");
        match process_event(state, &event).await {
            Ok(outcome) => state.metrics.processed(platform, outcome),
            Err(e) => {
                // the error is ours (storage), not the patient's: keep the event and try again
                tracing::error!(event_id = event.id, error = %e, "processing an event failed");
                let gave_up = events::retry_later(
                    &state.db,
                    event.id,
                    event.attempts,
                    MAX_EVENT_ATTEMPTS,
                    state.clock.now(),
                    "processing failed",
                )
                .await?;
                if gave_up {
                    let mut conn = state.db.pool.acquire().await?;
                    crate::store::chats::alert_staff(
                        &mut conn,
                        "event_failed",
                        None,
                        None,
                        &format!("inbound event {} could not be processed", event.id),
                        state.clock.now(),
                    )
                    .await?;
                }
                state.metrics.processed(platform, "error");
            }
        }
    }
    if n > 0 {
        state.wake_outbox.notify_one();
    }
    Ok(n)
}

async fn process_event(state: &AppState, event: &events::StoredEvent) -> anyhow::Result<&'static str> {
    let decoded = match event.platform() {
        Some(Platform::Line) => line::decode(&event.payload, event.received()),
        Some(Platform::Telegram) => telegram::decode(&event.payload),
        None => Decoded::Ignore("unknown platform"),
    };
    // LINE gives no language in events: ask the profile once, outside the transaction
    let mut decoded = decoded;
    if let (Decoded::Act(inbound), Some(client)) = (&mut decoded, &state.line) {
        if inbound.platform == Platform::Line && inbound.language_hint.is_none() {
            let mut conn = state.db.pool.acquire().await?;
            let known = crate::store::chats::find(&mut conn, Platform::Line, &inbound.chat).await?;
            drop(conn);
            if known.is_none_or(|c| c.language_hint.is_none() && c.patient_id.is_none()) {
                inbound.language_hint = client.profile_language(&inbound.chat).await;
            }
        }
    }
    let now = state.clock.now();
    let ctx = Ctx {
        config: &state.config,
        locales: &state.locales,
        now,
    };
    let mut tx = state.db.begin().await?;
    let (status, note, outcome) = match &decoded {
        Decoded::Act(inbound) => {
            conversation::handle(&mut tx, &ctx, inbound).await?;
            ("done", None, "done")
        }
        Decoded::AnswerOnly { chat, callback_id } => {
            if let Some(p) = event.platform() {
                conversation::answer_only(&mut tx, &ctx, p, chat, callback_id).await?;
            }
            ("ignored", Some("button without data"), "ignored")
        }
        Decoded::Ignore(reason) => {
            tracing::info!(event_id = event.id, reason, "event stored and ignored");
            ("ignored", Some(*reason), "ignored")
        }
    };
    if events::finish(&mut tx, event.id, status, note, now).await? == 0 {
        tx.rollback().await?;
        return Ok("already_done");
    }
    tx.commit().await?;
    Ok(outcome)
}

/// Fires due timers; returns how many fired.
pub async fn fire_timers_once(state: &AppState) -> anyhow::Result<usize> {
    let now = state.clock.now();
    let due = timers::claim_due(&state.db, now, LEASE, 64).await?;
    let n = due.len();
    let ctx = Ctx {
        config: &state.config,
        locales: &state.locales,
        now,
    };
    for timer in due {
        let mut tx = state.db.begin().await?;
        if timers::finish(&mut tx, timer.id, now).await? == 0 {
            tx.rollback().await?;
            continue;
        }
        let Some(patient) = patients::get(&mut tx, timer.patient_id).await? else {
            tx.commit().await?;
            continue;
        };
        match timer.kind.as_str() {
            checkin::CHECK_IN => checkin::start(&mut tx, &ctx, &patient).await?,
            checkin::CHECK_IN_REMINDER => {
                let prompted = crate::store::from_ms(timer.due_at) - checkin::REMINDER_AFTER;
                checkin::remind(&mut tx, &ctx, &patient, prompted).await?
            }
            other => tracing::warn!(kind = other, "timer of unknown kind skipped"),
        }
        tx.commit().await?;
    }
    if n > 0 {
        state.wake_outbox.notify_one();
    }
    Ok(n)
}

/// Runs `step` whenever woken or every poll interval, until shutdown.
pub async fn run_loop<F, Fut>(
    name: &'static str,
    state: AppState,
    notify: std::sync::Arc<tokio::sync::Notify>,
    mut shutdown: watch::Receiver<bool>,
    step: F,
) where
    F: Fn(AppState) -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<usize>>,
{
    loop {
        if *shutdown.borrow() {
            return;
        }
        let busy = match step(state.clone()).await {
            Ok(n) => n > 0,
            Err(e) => {
                tracing::error!(loop_name = name, error = %e, "background step failed");
                false
            }
        };
        if busy {
            continue;
        }
        tokio::select! {
            _ = notify.notified() => {}
            _ = tokio::time::sleep(state.config.poll_interval) => {}
            _ = shutdown.changed() => return,
        }
    }
}

/// Deletes what is kept only for a while: handled events past the dedup window, old wrong-code
/// records.
pub async fn purge_once(state: &AppState) -> anyhow::Result<usize> {
    let now = state.clock.now();
    let n = events::purge(&state.db, now - state.config.event_retention).await?;
    sqlx::query("DELETE FROM enrolment_failures WHERE at < $1")
        .bind(crate::store::ms(now - chrono::Duration::days(1)))
        .execute(&state.db.pool)
        .await?;
    Ok(n as usize)
}

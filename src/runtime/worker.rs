//! The event worker: stored events claimed and handled in batches, each batch one transaction;
//! a chat's events in order.

use super::state::AppState;
use crate::care::context::Ctx;
use crate::channels::{Decoded, InboundKind, Platform, line, telegram};
use crate::conversation;
use crate::store::outbox::{self, Body};
use crate::store::{Conn, Held, chats, events};

/// Events that fail this many times are kept as failed and shown to staff.
const MAX_EVENT_ATTEMPTS: i64 = 8;
/// Events processed per transaction: one commit (fsync) for several, yet short enough that the
/// webhook writer never waits long for the SQLite write lock.
pub const EVENT_BATCH: usize = 8;

/// Processes a batch of due events in one transaction (one commit for all). If one of them
/// fails, the batch is rolled back and each event is processed in a transaction of its own, so
/// one event's failure does not hold up the others. More may be due at once when the batch was
/// full or a claimed event's chat has more waiting behind it (the claim takes only the oldest
/// pending event of each chat). Returns whether more may be due at once.
/// `woken`: a wake started this round; it claims nothing when another claim has started since
/// the last event was stored (that claim takes it). `held`: the worker's own connection.
pub async fn process_events_once(state: &AppState, woken: bool, held: &mut Held) -> anyhow::Result<bool> {
    let Some(claiming) = state.event_claims.start(woken) else {
        return Ok(false);
    };
    // claimed, decoded and processed in one transaction: the claim is that transaction's (no
    // lease committed first), and nothing in it waits on the network (see `decode`)
    let begun = async {
        let mut tx = state.db.begin_worker_on(held).await?;
        let claimed = events::lock_due(&mut tx, &state.db, state.clock.now(), EVENT_BATCH as i64).await?;
        anyhow::Ok((tx, claimed))
    };
    let (mut tx, claimed) = match begun.await {
        Ok(begun) => begun,
        Err(e) => {
            // (the next wake claims what this claim would have taken)
            state.event_claims.want();
            return Err(e);
        }
    };
    let n = claimed.len();
    if n == 0 {
        tx.rollback().await?;
        return Ok(false);
    }
    claiming.claimed(claimed.iter().filter_map(|e| e.chat_key.clone()).collect());
    // a chat's next event is claimable once this one is handled: go on at once when one waits
    // behind it (its webhook's wake came while this one was claimed)
    let mut more = n == EVENT_BATCH || claimed.iter().any(|e| e.queued_behind > 0);
    if n == EVENT_BATCH {
        // there may be more: another worker takes the next batch meanwhile
        state.event_claims.want();
        state.wake_events.notify_one();
    }
    let now = state.clock.now();
    let ctx = Ctx {
        config: &state.config,
        locales: &state.locales,
        now,
    };
    let mut batch = Vec::with_capacity(n);
    let mut waiting = Vec::new();
    for event in &claimed {
        match decode(state, &ctx, event, &mut tx).await? {
            Decoding::Ready(ready) => {
                let (decoded, known) = *ready;
                batch.push((event, decoded, known));
            }
            Decoding::WaitsForProfile(user) => waiting.push((event.id, user)),
        }
    }
    if !waiting.is_empty() {
        let ids: Vec<i64> = waiting.iter().map(|(id, _)| *id).collect();
        events::put_back(&mut tx, state.db.engine, &ids).await?;
    }
    let mut failed = Vec::new();
    let mut outcomes = Vec::new();
    let mut batch_failed = false;
    for (event, decoded, known) in &batch {
        // the claim marked it done already
        match process_event(&mut tx, &ctx, event, decoded, known.clone(), true).await {
            Ok(Some(outcome)) => outcomes.push((*event, outcome)),
            Ok(None) => {}
            Err(e) => {
                tracing::warn!(event_id = event.id, error = %e, "an event failed in a batch; processing one by one");
                batch_failed = true;
                break;
            }
        }
    }
    if batch_failed {
        tx.rollback().await?;
        // the same events again, each on its own (pending again after the rollback)
        outcomes.clear();
        for (event, decoded, _) in &batch {
            let mut tx = state.db.begin_worker_on(held).await?;
            // (the chat is read again: what the batch read was in the transaction rolled back)
            match process_event(&mut tx, &ctx, event, decoded, None, false).await {
                Ok(Some(outcome)) => {
                    tx.commit().await?;
                    outcomes.push((*event, outcome));
                }
                Ok(None) => tx.rollback().await?,
                Err(e) => {
                    // the error is ours (storage, a bug), not the patient's: keep the event, retry
                    tracing::error!(event_id = event.id, error = %e, "processing an event failed");
                    tx.rollback().await?;
                    failed.push(*event);
                }
            }
        }
    } else {
        tx.commit().await?;
    }
    let committed = state.clock.now();
    for (event, outcome) in outcomes {
        let platform = event.platform.map(Platform::code).unwrap_or("unknown");
        state.metrics.processed(platform, outcome);
        let took = (committed - event.received_at).num_microseconds().unwrap_or(0) as f64 / 1e6;
        state.metrics.event_committed(took.max(0.0));
    }
    for event in failed {
        state
            .metrics
            .processed(event.platform.map(Platform::code).unwrap_or("unknown"), "error");
        // the last failure marks the event failed and alerts staff in one transaction
        let mut tx = state.db.begin_worker_on(held).await?;
        let gave_up = events::retry_later(
            &mut tx,
            event.id,
            event.attempts,
            MAX_EVENT_ATTEMPTS,
            state.clock.now(),
            "processing failed",
        )
        .await?;
        tx.commit().await?;
        if gave_up {
            tracing::error!(event_id = event.id, "an event failed for good: staff are alerted");
        }
    }
    if !waiting.is_empty() {
        // outside the transaction: the profiles (at once, each within the client's timeout),
        // then the events again — woken by whoever fetched a profile (a profile another worker
        // is fetching wakes them when it is in; else the poll interval)
        if let Some(client) = &state.line {
            let mut fetches = tokio::task::JoinSet::new();
            for (_, user) in waiting {
                let client = client.clone();
                fetches.spawn(async move { client.fetch_language(&user).await });
            }
            let mut fetched = false;
            while let Some(done) = fetches.join_next().await {
                fetched |= done.unwrap_or(false);
            }
            if fetched {
                state.event_claims.want();
                state.wake_events.notify_one();
            }
        }
    }
    state.wake_outbox.notify_one();
    more |= claiming.finished();
    Ok(more)
}

/// A stored event read for processing.
enum Decoding {
    /// Ready, with the chat (and patient) when they were read.
    Ready(Box<(Decoded, Option<conversation::Known>)>),
    /// The first message of this LINE user: it waits for their profile's language.
    WaitsForProfile(String),
}

/// Reads a stored event inside the batch's transaction. LINE says nothing of a user's language
/// in its events, so the first time a user writes (no chat yet) their profile is asked for the
/// language — outside any transaction: the event waits until it has been fetched (SQLite's one
/// write lock must not wait on the network). Also returns the chat when it was read, with its
/// patient's row and the contact recorded ([`conversation::read_chat`]), so processing need not
/// read them again.
async fn decode(
    state: &AppState,
    ctx: &Ctx<'_>,
    event: &events::StoredEvent,
    conn: &mut Conn,
) -> anyhow::Result<Decoding> {
    let mut decoded = match event.platform {
        Some(Platform::Line) => line::decode(&event.payload, event.received_at),
        Some(Platform::Telegram) => telegram::decode(&event.payload),
        None => Decoded::Ignore("unknown platform"),
    };
    let mut known = None;
    if let (Decoded::Act(inbound), Some(client)) = (&mut decoded, &state.line)
        && inbound.platform == Platform::Line
        && inbound.language_hint.is_none()
    {
        known = conversation::read_chat(conn, ctx, inbound).await?;
        if known.is_none() {
            match client.fetched_language(&inbound.chat) {
                Some(language) => inbound.language_hint = language,
                None => return Ok(Decoding::WaitsForProfile(inbound.chat.clone())),
            }
        }
    }
    Ok(Decoding::Ready(Box::new((decoded, known))))
}

/// A button press the platform wants acknowledged (a Telegram callback query, or its client
/// spins) gets its answer, first and whatever the press leads to; the channel sends it.
async fn acknowledge(conn: &mut Conn, ctx: &Ctx<'_>, chat_id: i64, callback_id: &str) -> anyhow::Result<()> {
    let answer = Body::CallbackAnswer {
        callback_id: callback_id.to_string(),
    };
    outbox::enqueue(conn, chat_id, &answer, None, ctx.now).await?;
    Ok(())
}

/// Handles one event inside `conn`'s transaction. `None`: another worker handled it first.
/// `marked`: the claim marked it done in this transaction already.
async fn process_event(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    event: &events::StoredEvent,
    decoded: &Decoded,
    known: Option<conversation::Known>,
    marked: bool,
) -> anyhow::Result<Option<&'static str>> {
    let (status, note, outcome) = match decoded {
        Decoded::Act(_) => ("done", None, "done"),
        Decoded::AnswerOnly { .. } => ("ignored", Some("button without data"), "ignored"),
        Decoded::Ignore(reason) => ("ignored", Some(*reason), "ignored"),
    };
    if marked {
        if status != "done" {
            events::set_ignored(conn, event.id, note).await?;
        }
    } else if events::finish(conn, event.id, status, note, ctx.now).await? == 0 {
        // (first the event is claimed for good: if another worker finished it, nothing more)
        return Ok(None);
    }
    match decoded {
        Decoded::Act(inbound) => {
            let mut known = known;
            if let InboundKind::Choice {
                callback_id: Some(id), ..
            } = &inbound.kind
            {
                // the chat as the press's handling reads it (one read for both)
                let chat = conversation::chat_of(conn, ctx, inbound, known).await?;
                acknowledge(conn, ctx, chat.chat.id, id).await?;
                known = Some(chat);
            }
            conversation::handle(conn, ctx, inbound, known).await?
        }
        Decoded::AnswerOnly { chat, callback_id } => {
            if let Some(p) = event.platform {
                let chat = chats::upsert(conn, p, chat, ctx.now).await?;
                acknowledge(conn, ctx, chat.id, callback_id).await?;
            }
        }
        Decoded::Ignore(reason) => tracing::info!(event_id = event.id, reason, "event stored and ignored"),
    }
    Ok(Some(outcome))
}

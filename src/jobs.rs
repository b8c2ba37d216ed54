//! The background loops: the ingest writer (group commit of webhook events), the event worker,
//! the timer loop, the dispatcher and the purge. Each wakes on a notification or its poll
//! interval, and stops when shutdown is signalled.

use std::time::Instant;

use tokio::sync::{mpsc, oneshot, watch};

use crate::app::AppState;
use crate::channels::{Decoded, NewEvent, Platform, line, telegram};
use crate::conversation::{self, Ctx, chain, checkin, observation, questions, release};
use crate::store::chats;
use crate::store::{self, Conn, Held, events, patients, timers};

/// Events that fail this many times are kept as failed and shown to staff.
const MAX_EVENT_ATTEMPTS: i64 = 8;
const LEASE: chrono::Duration = chrono::Duration::seconds(60);
/// Events processed per transaction: one commit (fsync) for several, yet short enough that the
/// webhook writer never waits long for the SQLite write lock.
pub const EVENT_BATCH: usize = 8;
/// Timers fired per transaction, for the same reason.
const TIMER_BATCH: usize = 8;

/// One webhook's events waiting to be made durable.
pub struct IngestRequest {
    pub events: Vec<NewEvent>,
    /// When the webhook arrived: the events' `received_at` (what a patient waits is counted
    /// from here, the wait for the ingest commit included).
    pub received: chrono::DateTime<chrono::Utc>,
    pub done: oneshot::Sender<Result<u64, String>>,
}

/// Writes webhook events in batches: every request waiting when a commit starts shares it, so
/// one fsync acknowledges many webhooks. A webhook is answered only after its commit.
pub async fn ingest_loop(state: AppState, mut rx: mpsc::Receiver<IngestRequest>) {
    let mut batch = Vec::new();
    let mut held = Held::default();
    while rx.recv_many(&mut batch, 512).await > 0 {
        let started = Instant::now();
        let all: Vec<(NewEvent, chrono::DateTime<chrono::Utc>)> = batch
            .iter()
            .flat_map(|r| r.events.iter().map(|e| (e.clone(), r.received)))
            .collect();
        let result = events::store(&state.db, &mut held, &all).await;
        state.metrics.ingest_took(started.elapsed().as_secs_f64());
        match result {
            Ok(new) => {
                for r in batch.drain(..) {
                    let _ = r.done.send(Ok(r.events.len() as u64));
                }
                // one worker; it wakes the next when it finds a full batch. The book learns
                // which chats got events, for a worker that holds one of them (`ClaimBook`).
                if new > 0 {
                    state
                        .event_claims
                        .stored(all.iter().filter_map(|(e, _)| e.chat_key.as_deref()));
                    state.wake_events.notify_one();
                }
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
            let mut tx = state.db.begin_worker().await?;
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
        let platform = event.platform().map(Platform::code).unwrap_or("unknown");
        state.metrics.processed(platform, outcome);
        let took = (committed - event.received()).num_microseconds().unwrap_or(0) as f64 / 1e6;
        state.metrics.event_committed(took.max(0.0));
    }
    for event in failed {
        state
            .metrics
            .processed(event.platform().map(Platform::code).unwrap_or("unknown"), "error");
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
            let mut conn = state.db.begin().await?;
            chats::alert_staff(
                &mut conn,
                "event_failed",
                None,
                None,
                &format!("inbound event {} could not be processed", event.id),
                state.clock.now(),
            )
            .await?;
            conn.commit().await?;
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

/// What this process's event workers need to know of each other's claims, so that no claim is
/// wasted and no event waits for the poll.
///
/// A wake that finds its event taken is skipped: every claim starts by taking the "wanted" mark
/// that each stored batch of events sets, and a woken worker that finds it taken claims nothing
/// (the claim that took the mark started after those events were stored, so it takes them).
/// Under load, with a wake per stored batch and several workers, every other claim was an empty
/// one before.
///
/// An event stored behind one of its chat's that a worker holds is not claimable until that
/// worker commits: a claim woken for it takes nothing. The book keeps the chats of the batches
/// stored while claims are under way, and a worker that holds one of those chats claims again
/// once it has committed. Across instances such an event is found at the next poll.
#[derive(Default)]
pub struct ClaimBook(std::sync::Mutex<Book>);

#[derive(Default)]
struct Book {
    /// events were stored since the last claim started
    wanted: bool,
    /// batches of events stored so far
    stored: u64,
    /// the chats of the batches stored while a claim was under way, by their number in `stored`
    recent: std::collections::VecDeque<(u64, Vec<String>)>,
    /// claims under way
    flights: std::collections::HashMap<u64, Flight>,
    next_flight: u64,
}

struct Flight {
    /// `stored` when the claim started
    since: u64,
    /// the chats of the events it holds
    chats: Vec<String>,
    /// an event of one of them was stored after the claim started
    again: bool,
}

/// A claim under way (see [`ClaimBook`]); it ends when dropped.
pub struct Claiming<'a> {
    book: &'a ClaimBook,
    id: u64,
}

impl ClaimBook {
    fn book(&self) -> std::sync::MutexGuard<'_, Book> {
        // (a few counters and lists: one poisoned by a panic elsewhere is still consistent)
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The ingest stored a batch of events with these chats.
    pub fn stored<'c>(&self, chats: impl Iterator<Item = &'c str>) {
        let mut b = self.book();
        b.wanted = true;
        b.stored += 1;
        if b.flights.is_empty() {
            return;
        }
        let chats: Vec<String> = chats.map(str::to_owned).collect();
        for flight in b.flights.values_mut() {
            flight.again |= flight.chats.iter().any(|c| chats.contains(c));
        }
        let n = b.stored;
        b.recent.push_back((n, chats));
    }

    /// Something may be claimable (a full batch, events put back): the next woken worker claims.
    pub fn want(&self) {
        self.book().wanted = true;
    }

    /// A worker is about to claim; `woken`: a wake sent it, and it claims only if no claim has
    /// started since events were last stored.
    pub fn start(&self, woken: bool) -> Option<Claiming<'_>> {
        let mut b = self.book();
        if !std::mem::take(&mut b.wanted) && woken {
            return None;
        }
        let id = b.next_flight;
        b.next_flight += 1;
        let since = b.stored;
        b.flights.insert(
            id,
            Flight {
                since,
                chats: Vec::new(),
                again: false,
            },
        );
        Some(Claiming { book: self, id })
    }
}

impl Claiming<'_> {
    /// The claim holds events of these chats.
    pub fn claimed(&self, chats: Vec<String>) {
        let mut b = self.book.book();
        let Book { recent, flights, .. } = &mut *b;
        if let Some(flight) = flights.get_mut(&self.id) {
            flight.again |= recent
                .iter()
                .filter(|(n, _)| *n > flight.since)
                .any(|(_, stored)| stored.iter().any(|c| chats.contains(c)));
            flight.chats = chats;
        }
    }

    /// The claimed batch is committed: whether to claim again at once (an event was stored
    /// behind one it held).
    pub fn finished(self) -> bool {
        self.book.book().flights.get(&self.id).is_some_and(|f| f.again)
    }
}

impl Drop for Claiming<'_> {
    fn drop(&mut self) {
        let mut b = self.book.book();
        b.flights.remove(&self.id);
        // what no claim under way started before is needed no more
        match b.flights.values().map(|f| f.since).min() {
            Some(oldest) => b.recent.retain(|(n, _)| *n > oldest),
            None => b.recent.clear(),
        }
    }
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
    let mut decoded = match event.platform() {
        Some(Platform::Line) => line::decode(&event.payload, event.received()),
        Some(Platform::Telegram) => telegram::decode(&event.payload),
        None => Decoded::Ignore("unknown platform"),
    };
    let mut known = None;
    if let (Decoded::Act(inbound), Some(client)) = (&mut decoded, &state.line) {
        if inbound.platform == Platform::Line && inbound.language_hint.is_none() {
            known = conversation::read_chat(conn, ctx, inbound).await?;
            if known.is_none() {
                match client.fetched_language(&inbound.chat) {
                    Some(language) => inbound.language_hint = language,
                    None => return Ok(Decoding::WaitsForProfile(inbound.chat.clone())),
                }
            }
        }
    }
    Ok(Decoding::Ready(Box::new((decoded, known))))
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
        Decoded::Act(inbound) => conversation::handle(conn, ctx, inbound, known).await?,
        Decoded::AnswerOnly { chat, callback_id } => {
            if let Some(p) = event.platform() {
                conversation::answer_only(conn, ctx, p, chat, callback_id).await?;
            }
        }
        Decoded::Ignore(reason) => tracing::info!(event_id = event.id, reason, "event stored and ignored"),
    }
    Ok(Some(outcome))
}

/// This process's heartbeat in the database, run by the timer loop (see `store::instances`):
/// at most once a second, by the clock or in real time, it says the process is alive and
/// releases the messages that processes not seen for [`Beat::STALE`] had claimed for sending.
/// After a crash, a message that was being sent goes again within about half a minute of the
/// dead process's last beat, and its chat's later messages with it, instead of after the
/// claim's whole lease (two minutes).
#[derive(Default)]
pub struct Beat(Option<(chrono::DateTime<chrono::Utc>, Instant)>);

impl Beat {
    const EVERY: std::time::Duration = std::time::Duration::from_secs(1);
    /// Thirty missed beats: a process this long unseen is taken for dead. (One that was only
    /// cut off from the database and comes back may then send a message another process sends
    /// too: a LINE push under the same retry key is the same delivery.)
    pub const STALE: chrono::Duration = chrono::Duration::seconds(30);

    pub async fn run(&mut self, state: &AppState) -> anyhow::Result<()> {
        let now = state.clock.now();
        let due = self.0.is_none_or(|(at, real)| {
            now - at >= chrono::Duration::from_std(Self::EVERY).unwrap_or_default() || real.elapsed() >= Self::EVERY
        });
        if !due {
            return Ok(());
        }
        let released = store::instances::beat(&state.db, &state.instance, now, now - Self::STALE).await?;
        self.0 = Some((now, Instant::now()));
        if released > 0 {
            tracing::warn!(released, "messages claimed by a process no longer seen are released");
            state.wake_outbox.notify_one();
        }
        Ok(())
    }
}

/// Fires due timers; returns how many fired. Like events, several share a transaction (one
/// commit); if one fails, the batch is rolled back and each fires in a transaction of its own.
pub async fn fire_timers_once(state: &AppState) -> anyhow::Result<usize> {
    let now = state.clock.now();
    let due = timers::claim_due(&state.db, now, LEASE, 64).await?;
    let n = due.len();
    let ctx = Ctx {
        config: &state.config,
        locales: &state.locales,
        now,
    };
    for batch in due.chunks(TIMER_BATCH) {
        let mut tx = state.db.begin_worker().await?;
        let mut failed = false;
        for timer in batch {
            if let Err(e) = fire(&mut tx, &ctx, timer).await {
                tracing::warn!(timer_id = timer.id, error = %e, "a timer failed in a batch; firing one by one");
                failed = true;
                break;
            }
        }
        if !failed {
            tx.commit().await?;
            continue;
        }
        tx.rollback().await?;
        for timer in batch {
            let mut tx = state.db.begin_worker().await?;
            match fire(&mut tx, &ctx, timer).await {
                Ok(()) => tx.commit().await?,
                Err(e) => {
                    // kept pending: it is claimed again when its lease runs out
                    tracing::error!(timer_id = timer.id, kind = timer.kind, error = %e, "firing a timer failed");
                    tx.rollback().await?;
                }
            }
        }
    }
    if n > 0 {
        state.wake_outbox.notify_one();
    }
    Ok(n)
}

/// Fires one claimed timer inside `conn`'s transaction (nothing, if another instance fired it).
async fn fire(conn: &mut Conn, ctx: &Ctx<'_>, timer: &timers::Timer) -> anyhow::Result<()> {
    if timers::finish(conn, timer.id, ctx.now).await? == 0 {
        return Ok(());
    }
    let Some(patient) = patients::get(conn, timer.patient_id).await? else {
        return Ok(());
    };
    match timer.kind.as_str() {
        checkin::CHECK_IN => checkin::start(conn, ctx, &patient, true).await?,
        observation::EXTRA_CHECK_IN => checkin::start(conn, ctx, &patient, false).await?,
        observation::STAFF_CALL => {
            let prompted = crate::store::from_ms(timer.due_at) - observation::STAFF_CALL_AFTER;
            observation::staff_call_due(conn, ctx, &patient, prompted).await?
        }
        release::RELEASE => release::due(conn, ctx, &patient).await?,
        observation::SAFETY_CHECK => observation::safety_check_due(conn, ctx, &patient).await?,
        checkin::CHECK_IN_REMINDER => {
            let prompted = crate::store::from_ms(timer.due_at) - checkin::REMINDER_AFTER;
            checkin::remind(conn, ctx, &patient, prompted).await?
        }
        checkin::REMEASURE => checkin::remeasure_timed_out(conn, ctx, &patient).await?,
        questions::SAFETY_QUESTION => {
            if let Some(question) = timer.ref_id {
                questions::timed_out(conn, ctx, &patient, question).await?
            }
        }
        chain::CHAIN => {
            if let Some(request) = timer.ref_id {
                chain::advance(conn, ctx, request, Some(&patient)).await?
            }
        }
        chain::OVERDUE => {
            if let Some(request) = timer.ref_id {
                chain::overdue(conn, ctx, request).await?
            }
        }
        other => tracing::warn!(kind = other, "timer of unknown kind skipped"),
    }
    Ok(())
}

/// Runs `step` whenever woken or every poll interval, until shutdown; at once again while `step`
/// says there may be more (`Ok(true)`: something may be due already). Otherwise everything due
/// was taken, and the loop waits for a wake (new work) or the poll (work due later). `step` is
/// told whether a wake started its round.
/// `step` is given the connection the loop keeps between rounds ([`Held`]), if it wants one; a
/// step that failed lets it go and is tried again at once, once (on a new connection: the
/// server may have dropped the one kept, and the wake that started the round is spent).
pub async fn run_loop(
    name: &'static str,
    state: AppState,
    notify: std::sync::Arc<tokio::sync::Notify>,
    mut shutdown: watch::Receiver<bool>,
    mut step: impl AsyncFnMut(&AppState, bool, &mut Held) -> anyhow::Result<bool>,
) {
    let mut woken = false;
    let mut held = Held::default();
    let mut retried = false;
    loop {
        if *shutdown.borrow() {
            return;
        }
        let busy = match step(&state, woken, &mut held).await {
            Ok(more) => {
                retried = false;
                more
            }
            Err(e) => {
                held.release();
                tracing::error!(loop_name = name, error = %e, "background step failed");
                retried = !retried;
                if retried {
                    // as on the poll: what the failed round would have taken is taken
                    woken = false;
                    continue;
                }
                false
            }
        };
        woken = false;
        if busy {
            continue;
        }
        tokio::select! {
            _ = notify.notified() => woken = true,
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
    let _gate = state.db.gate().await;
    sqlx::query("DELETE FROM enrolment_failures WHERE at < $1")
        .bind(crate::store::ms(now - chrono::Duration::days(1)))
        .execute(&state.db.pool)
        .await?;
    Ok(n as usize)
}

#[cfg(test)]
mod tests {
    use super::ClaimBook;

    #[test]
    fn a_wake_whose_events_another_claim_will_take_claims_nothing() {
        let book = ClaimBook::default();
        book.stored(["line:a"].into_iter());
        // a worker that goes on (a full batch) claims after the store: it takes the event
        let first = book.start(false).expect("claims");
        // so the worker the store woke claims nothing, but one on its poll does
        assert!(book.start(true).is_none());
        assert!(book.start(false).is_some());
        drop(first);
        book.stored(["line:b"].into_iter());
        assert!(book.start(true).is_some(), "a new store wants a claim again");
    }

    #[test]
    fn a_worker_claims_again_when_an_event_was_stored_behind_one_it_holds() {
        let book = ClaimBook::default();
        // stored after the claim started, before the worker knew which chats it holds
        let early = book.start(false).expect("claims");
        book.stored(["line:a", "line:x"].into_iter());
        early.claimed(vec!["line:a".into()]);
        assert!(early.finished());
        // stored while it held the chat
        let held = book.start(false).expect("claims");
        held.claimed(vec!["line:b".into()]);
        book.stored(["line:b"].into_iter());
        assert!(held.finished());
        // other chats, or before the claim started (the claim saw those itself): no
        book.stored(["line:c"].into_iter());
        let other = book.start(false).expect("claims");
        book.stored(["line:d"].into_iter());
        other.claimed(vec!["line:c".into()]);
        assert!(!other.finished());
    }

    #[test]
    fn the_book_forgets_what_no_claim_under_way_needs() {
        let book = ClaimBook::default();
        let a = book.start(false).expect("claims");
        for n in 0..100 {
            book.stored([format!("line:{n}").as_str()].into_iter());
        }
        assert_eq!(book.book().recent.len(), 100);
        drop(a);
        assert!(book.book().recent.is_empty());
        book.stored(["line:z"].into_iter());
        assert!(book.book().recent.is_empty(), "nothing kept with no claim under way");
    }
}

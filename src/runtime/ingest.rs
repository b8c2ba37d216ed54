//! The ingest writer: webhook events made durable in batches (group commit), so one fsync
//! acknowledges many webhooks; a webhook is answered only after its commit.

use std::time::Instant;

use std::sync::Arc;

use tokio::sync::{Mutex, mpsc};

use crate::channels::NewEvent;
use crate::store::Held;

use super::state::{AppState, IngestRequest};
use crate::store::events;

/// Writes webhook events in batches: every request waiting when a commit starts shares it, so
/// one fsync acknowledges many webhooks. A webhook is answered only after its commit.
pub async fn ingest_loop(state: AppState, rx: Arc<Mutex<mpsc::Receiver<IngestRequest>>>) {
    // one writer holds the queue; a restarted one takes it up where the last left it
    let mut rx = rx.lock().await;
    let mut batch = Vec::new();
    let mut held = Held::default();
    while rx.recv_many(&mut batch, 512).await > 0 {
        state.loops.check_fault("ingest");
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

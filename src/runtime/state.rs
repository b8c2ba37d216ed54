//! What the HTTP handlers and the background loops share.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use tokio::sync::{Notify, mpsc, oneshot};

use super::claims::ClaimBook;
use crate::care::context::Ctx;
use crate::channels::NewEvent;
use crate::channels::line::LineClient;
use crate::channels::telegram::{GlobalPace, TelegramClient};
use crate::clock::Clock;
use crate::config::Config;
use crate::i18n::Locales;
use crate::metrics::Metrics;
use crate::store::{Db, WriteTx};

/// Everything the handlers and loops share. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub config: Arc<Config>,
    pub locales: Arc<Locales>,
    pub clock: Arc<dyn Clock>,
    pub line: Option<Arc<LineClient>>,
    pub telegram: Option<Arc<TelegramClient>>,
    pub metrics: Arc<Metrics>,
    /// Webhook events go to the ingest writer through this queue.
    pub ingest: mpsc::Sender<IngestRequest>,
    /// Wakes an event worker when events were stored (see `ClaimBook`).
    pub wake_events: Arc<Notify>,
    /// What this process's event workers know of each other's claims (see `ClaimBook`).
    pub event_claims: Arc<ClaimBook>,
    /// Wakes the dispatcher when outbox rows were written.
    pub wake_outbox: Arc<Notify>,
    /// Wakes the broadcaster (a broadcast was started or approved).
    pub wake_broadcasts: Arc<Notify>,
    /// Wakes the timer loop (tests, after moving the clock).
    pub wake_timers: Arc<Notify>,
    pub telegram_pace: GlobalPace,
    /// This process, as the database knows it (see `store::instances`).
    pub instance: Arc<str>,
    /// What shows the other processes that this one is alive, held for its life.
    pub liveness: Arc<crate::store::instances::Liveness>,
    /// API token lookups running at once: a flood of forged tokens takes these permits, never
    /// the connections the webhooks and loops need.
    pub token_lookups: Arc<tokio::sync::Semaphore>,
    /// Which background loops are down (restarting after a panic).
    pub loops: Arc<LoopHealth>,
}

/// How many API token lookups may hold a database connection at once.
pub const TOKEN_LOOKUPS: usize = 4;

/// One webhook's events waiting to be made durable.
pub struct IngestRequest {
    pub events: Vec<NewEvent>,
    /// When the webhook arrived: the events' `received_at` (what a patient waits is counted
    /// from here, the wait for the ingest commit included).
    pub received: chrono::DateTime<chrono::Utc>,
    pub done: oneshot::Sender<Result<u64, String>>,
}

impl AppState {
    /// What a care workflow needs, at the clock's now.
    pub fn ctx(&self) -> Ctx<'_> {
        Ctx {
            config: &self.config,
            locales: &self.locales,
            now: self.clock.now(),
        }
    }

    /// Commits a staff action and wakes the dispatcher in one call: what the action queued for a
    /// patient or a provider goes out now, never left for the next poll.
    pub async fn commit(&self, tx: WriteTx<'_>) -> sqlx::Result<()> {
        tx.commit().await?;
        self.wake_outbox.notify_one();
        Ok(())
    }
}

/// Which loops are down now, and panics asked for by tests (fault injection).
#[derive(Default)]
pub struct LoopHealth {
    down: Mutex<BTreeMap<&'static str, usize>>,
    faults: Mutex<Vec<String>>,
}

impl LoopHealth {
    /// The loops down now (being restarted), by name.
    pub fn down(&self) -> Vec<&'static str> {
        self.down
            .lock()
            .map(|d| d.iter().filter(|(_, n)| **n > 0).map(|(k, _)| *k).collect())
            .unwrap_or_default()
    }

    pub(super) fn mark(&self, name: &'static str, down: bool) {
        if let Ok(mut d) = self.down.lock() {
            let n = d.entry(name).or_default();
            *n = if down { *n + 1 } else { n.saturating_sub(1) };
        }
    }

    /// Makes the next round of the loop `name` panic (tests: a fault injected from outside).
    pub fn panic_next(&self, name: &str) {
        if let Ok(mut f) = self.faults.lock() {
            f.push(name.to_string());
        }
    }

    /// Panics if a test asked this loop to.
    pub fn check_fault(&self, name: &str) {
        let asked = self
            .faults
            .lock()
            .map(|mut f| match f.iter().position(|n| n == name) {
                Some(i) => {
                    f.remove(i);
                    true
                }
                None => false,
            })
            .unwrap_or(false);
        if asked {
            panic!("fault injected into the {name} loop");
        }
    }
}

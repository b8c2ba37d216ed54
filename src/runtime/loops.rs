//! How every background loop runs: woken or on its poll, until shutdown.

use tokio::sync::watch;

use super::state::AppState;
use crate::store::Held;

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
        state.loops.check_fault(name);
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

/// Runs `step` every `period` (the first at once) until shutdown; a failed round is logged and
/// the next comes at its time.
pub async fn every(
    name: &'static str,
    period: std::time::Duration,
    state: AppState,
    mut shutdown: watch::Receiver<bool>,
    mut step: impl AsyncFnMut(&AppState) -> anyhow::Result<()>,
) {
    let mut ticks = tokio::time::interval(period);
    loop {
        tokio::select! {
            _ = ticks.tick() => {
                state.loops.check_fault(name);
                if let Err(e) = step(&state).await {
                    tracing::error!(loop_name = name, error = %e, "background round failed");
                }
            }
            _ = shutdown.changed() => return,
        }
    }
}

//! Background loops under supervision: a loop that panics is restarted after a back-off that
//! grows with each panic, each restart is counted in `/metrics`, and `/readyz` fails while a
//! loop is down, so an orchestrator sees what the logs alone would hide.

use std::future::Future;
use std::time::Duration;

use tokio::sync::watch;
use tokio::task::JoinHandle;

use super::state::AppState;

/// The first wait before a panicked loop is restarted; doubled for each panic, up to [`MOST`].
const FIRST: Duration = Duration::from_secs(1);
const MOST: Duration = Duration::from_secs(30);

/// Aborts the task it holds when dropped: a supervisor aborted (a crash in tests) takes its
/// loop with it.
struct AbortOnDrop(JoinHandle<()>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Runs the loop `make` builds until it returns (shutdown); when it panics, marks it down,
/// counts the restart, waits the back-off and builds it again.
pub fn supervise<F, Fut>(
    name: &'static str,
    state: AppState,
    mut shutdown: watch::Receiver<bool>,
    make: F,
) -> JoinHandle<()>
where
    F: Fn() -> Fut + Send + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    tokio::spawn(async move {
        let mut wait = FIRST;
        loop {
            let mut run = AbortOnDrop(tokio::spawn(make()));
            match (&mut run.0).await {
                Err(e) if e.is_panic() => {
                    state.loops.mark(name, true);
                    state.metrics.loop_restarted(name);
                    tracing::error!(
                        loop_name = name,
                        retry_in_ms = wait.as_millis() as u64,
                        "a background loop panicked"
                    );
                    tokio::select! {
                        _ = tokio::time::sleep(wait) => {}
                        _ = shutdown.changed() => {
                            state.loops.mark(name, false);
                            return;
                        }
                    }
                    state.loops.mark(name, false);
                    wait = (wait * 2).min(MOST);
                }
                // it returned (shutdown) or was cancelled
                _ => return,
            }
        }
    })
}

//! This process's heartbeat in the database.

use std::time::Instant;

use super::state::AppState;
use crate::store;

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
        let released =
            store::instances::beat(&state.db, &state.liveness, &state.instance, now, now - Self::STALE).await?;
        self.0 = Some((now, Instant::now()));
        if released > 0 {
            tracing::warn!(released, "messages claimed by a process no longer seen are released");
            state.wake_outbox.notify_one();
        }
        Ok(())
    }
}

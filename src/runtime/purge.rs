//! Deleting what is kept only for a while.

use super::state::AppState;
use crate::store::events;

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

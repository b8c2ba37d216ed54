//! Deleting what is kept only for a while.

use super::state::AppState;
use crate::store::events;

/// Deletes what is kept only for a while: handled events past the dedup window, old wrong-code
/// records, and the personal data of patients whose episode ended longer ago than the
/// retention (`MIMAMORI_RETENTION_DAYS`).
pub async fn purge_once(state: &AppState) -> anyhow::Result<usize> {
    let now = state.clock.now();
    let n = events::purge(&state.db, now - state.config.event_retention).await?;
    let _gate = state.db.gate().await;
    sqlx::query("DELETE FROM enrolment_failures WHERE at < $1")
        .bind(crate::store::ms(now - chrono::Duration::days(1)))
        .execute(&state.db.pool)
        .await?;
    drop(_gate);
    // patients whose episode ended longer ago than the retention: erased, each audited
    let mut tx = state.db.begin().await?;
    let due = crate::store::retention::due(&mut tx, now - state.config.patient_retention).await?;
    for id in &due {
        if crate::store::retention::erase(&mut tx, *id, now).await? {
            let subject = format!("patient:{id}");
            let entry = crate::store::audit::Entry {
                action: "patient.erase",
                subject: Some(&subject),
                reason: Some("retention period over"),
                ..Default::default()
            };
            crate::store::audit::record(&mut tx, &entry, now).await?;
        }
    }
    tx.commit().await?;
    Ok(n as usize + due.len())
}

//! The running service processes and when each was last seen alive (migration 0017). A process
//! not seen for a while died: the messages it had claimed for sending are released for the
//! others at once, instead of when their lease runs out (see `outbox::LEASE`).

use chrono::{DateTime, Utc};

use super::{Db, ms};

/// Says that process `me` is alive at `now`, and releases the outbox rows claimed by processes
/// not seen since `stale_before` (they died, or were cut off from the database that long);
/// forgets those processes. Returns how many rows were released.
pub async fn beat(db: &Db, me: &str, now: DateTime<Utc>, stale_before: DateTime<Utc>) -> sqlx::Result<u64> {
    let mut tx = db.begin_worker().await?;
    sqlx::query(
        "INSERT INTO instances (id, seen_at) VALUES ($1, $2)
         ON CONFLICT (id) DO UPDATE SET seen_at = excluded.seen_at",
    )
    .bind(me)
    .bind(ms(now))
    .execute(&mut **tx)
    .await?;
    let dead: Vec<String> = sqlx::query_scalar("SELECT id FROM instances WHERE seen_at < $1 AND id <> $2")
        .bind(ms(stale_before))
        .bind(me)
        .fetch_all(&mut **tx)
        .await?;
    let mut released = 0;
    for id in &dead {
        released += sqlx::query(
            "UPDATE outbox SET claimed_until = 0 WHERE status = 'pending' AND claimed_by = $1 AND claimed_until > $2",
        )
        .bind(id)
        .bind(ms(now))
        .execute(&mut **tx)
        .await?
        .rows_affected();
        // (not one that beat again meanwhile: it was only slow)
        sqlx::query("DELETE FROM instances WHERE id = $1 AND seen_at < $2")
            .bind(id)
            .bind(ms(stale_before))
            .execute(&mut **tx)
            .await?;
    }
    tx.commit().await?;
    Ok(released)
}

//! Inbound webhook events: stored before the 2xx, claimed by a worker, processed once.

use chrono::{DateTime, Utc};

use sqlx::any::AnyRow;
use sqlx::{FromRow, Row};

use super::columns::Columns;
use super::{Conn, Db, Held, ms};
use crate::channels::{NewEvent, Platform};

#[derive(Debug, Clone)]
pub struct StoredEvent {
    pub id: i64,
    /// `None`: a platform this build does not know (the event fails; the others go on).
    pub platform: Option<Platform>,
    pub payload: String,
    pub received_at: DateTime<Utc>,
    pub attempts: i64,
    pub chat_key: Option<String>,
    /// Events of the same chat waiting behind this one (claimable once it is handled).
    pub queued_behind: i64,
}

impl FromRow<'_, AnyRow> for StoredEvent {
    fn from_row(row: &AnyRow) -> sqlx::Result<Self> {
        Ok(StoredEvent {
            id: row.try_get("id")?,
            platform: Platform::from_code(row.try_get("platform")?),
            payload: row.try_get("payload")?,
            received_at: row.at("received_at")?,
            attempts: row.try_get("attempts")?,
            chat_key: row.try_get("chat_key")?,
            queued_behind: row.try_get("queued_behind")?,
        })
    }
}

/// Stores events, each with the time its webhook arrived, skipping ones already seen (same
/// platform and key). Returns how many were new.
pub async fn insert(conn: &mut Conn, events: &[(NewEvent, DateTime<Utc>)]) -> sqlx::Result<u64> {
    let mut new = 0;
    for chunk in events.chunks(INSERT_CHUNK) {
        let values = (0..chunk.len())
            .map(|n| {
                let p = 1 + n * 5;
                format!("(${}, ${}, ${}, ${}, ${})", p, p + 1, p + 2, p + 3, p + 4)
            })
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "INSERT INTO inbound_events (platform, event_key, chat_key, received_at, payload)
             VALUES {values}
             ON CONFLICT (platform, event_key) DO NOTHING"
        );
        let mut q = sqlx::query(&sql);
        for (e, received) in chunk {
            q = q
                .bind(e.platform.code())
                .bind(&e.key)
                .bind(&e.chat_key)
                .bind(ms(*received))
                .bind(&e.payload);
        }
        // the text varies with the batch size: only the usual small ones are kept prepared
        new += q
            .persistent(chunk.len() <= 8)
            .execute(&mut *conn)
            .await?
            .rows_affected();
    }
    Ok(new)
}

/// [`insert`] on the writer's connection, which goes after a failure.
async fn insert_held(db: &Db, held: &mut Held, events: &[(NewEvent, DateTime<Utc>)]) -> sqlx::Result<u64> {
    let stored = match held.get(&db.pool).await {
        Ok(conn) => insert(conn, events).await,
        Err(e) => Err(e),
    };
    if stored.is_err() {
        held.release();
    }
    stored
}

/// Events stored per INSERT statement (5 parameters each).
const INSERT_CHUNK: usize = 128;

/// Stores webhook events durably ([`insert`]): a batch that fits one statement is committed by
/// that statement alone (no BEGIN and COMMIT round trips) on the writer's connection, a larger
/// one in a transaction there. A failure on the writer's connection (the server dropped it) is tried
/// once more on a new one before the webhooks are refused; events stored by the first try are
/// not stored twice (their keys).
pub async fn store(db: &Db, held: &mut Held, events: &[(NewEvent, DateTime<Utc>)]) -> sqlx::Result<u64> {
    if events.len() <= INSERT_CHUNK {
        let _gate = db.gate().await;
        if let Ok(new) = insert_held(db, held, events).await {
            return Ok(new);
        }
        return insert_held(db, held, events).await;
    }
    let stored = async {
        let mut tx = db.begin_on(held).await?;
        let new = insert(&mut tx, events).await?;
        tx.commit().await?;
        Ok(new)
    }
    .await;
    if stored.is_err() {
        held.release();
    }
    stored
}

/// Claims up to `limit` due events inside the caller's (worker) transaction and marks them done
/// there, in one statement: a rollback makes them pending again. At most one event per chat and
/// only the oldest pending of each, so a chat's events are handled in order. On PostgreSQL the
/// row lock is the lease (a crashed worker's locks go with its connection; other workers skip
/// them, and to them a locked event is still pending, so the same chat's later events wait for
/// it); SQLite's worker transaction holds the one write lock anyway.
pub async fn lock_due(conn: &mut Conn, db: &Db, now: DateTime<Utc>, limit: i64) -> sqlx::Result<Vec<StoredEvent>> {
    // picked once (see `Engine::in_subquery`). `id >= MIN(pending id)`: without it PostgreSQL's
    // plan may walk the primary key over every handled event kept for deduplication before the
    // first pending one (11 ms with 10,000)
    let due = format!(
        "SELECT e.id FROM inbound_events e
         WHERE e.status = 'pending' AND e.next_attempt_at <= $1 AND e.claimed_until <= $1
           AND e.id >= (SELECT MIN(m.id) FROM inbound_events m WHERE m.status = 'pending')
           AND NOT EXISTS (SELECT 1 FROM inbound_events p
                           WHERE p.chat_key = e.chat_key AND p.status = 'pending' AND p.id < e.id)
         ORDER BY e.id LIMIT $2 {}",
        db.skip_locked()
    );
    let sql = format!(
        "UPDATE inbound_events {} SET status = 'done', processed_at = $1
         WHERE status = 'pending' AND {}
         RETURNING id, platform, payload, received_at, attempts, chat_key,
                   -- (CAST: without it SQLite loses the column's affinity here and walks every
                   -- pending event after this one instead of the chat's index entries)
                   (SELECT COUNT(*) FROM inbound_events n WHERE n.chat_key = CAST(inbound_events.chat_key AS TEXT)
                       AND n.status = 'pending' AND n.id > inbound_events.id) AS queued_behind",
        db.by_id(),
        db.engine.in_subquery("id", &due),
    );
    let mut rows: Vec<StoredEvent> = sqlx::query_as(&sql)
        .bind(ms(now))
        .bind(limit)
        .fetch_all(&mut *conn)
        .await?;
    rows.sort_by_key(|e| e.id);
    Ok(rows)
}

/// Events [`lock_due`] marked done that wait for something outside the transaction (a LINE
/// profile): pending again, to be claimed once it is at hand.
pub async fn put_back(conn: &mut Conn, engine: super::Engine, ids: &[i64]) -> sqlx::Result<()> {
    sqlx::query(&format!(
        "UPDATE inbound_events SET status = 'pending', processed_at = NULL WHERE {}",
        engine.in_id_set("id", "$1")
    ))
    .bind(engine.id_set(ids))
    .persistent(engine.keeps_id_set_plans())
    .execute(&mut *conn)
    .await
    .map(|_| ())
}

/// An event [`lock_due`] marked done turned out to be ignored: say so, and why.
pub async fn set_ignored(conn: &mut Conn, id: i64, note: Option<&str>) -> sqlx::Result<()> {
    sqlx::query("UPDATE inbound_events SET status = 'ignored', note = $1 WHERE id = $2")
        .bind(note)
        .bind(id)
        .execute(&mut *conn)
        .await
        .map(|_| ())
}

/// Marks an event handled, inside the transaction of its effects. Zero rows means another
/// worker got there first: the caller rolls back.
pub async fn finish(
    conn: &mut Conn,
    id: i64,
    status: &str,
    note: Option<&str>,
    now: DateTime<Utc>,
) -> sqlx::Result<u64> {
    Ok(sqlx::query(
        "UPDATE inbound_events SET status = $1, note = $2, processed_at = $3
         WHERE id = $4 AND status = 'pending'",
    )
    .bind(status)
    .bind(note)
    .bind(ms(now))
    .bind(id)
    .execute(&mut *conn)
    .await?
    .rows_affected())
}

/// After a processing error: try again later, or give up after `max_attempts` (kept as failed).
pub async fn retry_later(
    conn: &mut Conn,
    id: i64,
    attempts: i64,
    max_attempts: i64,
    now: DateTime<Utc>,
    error: &str,
) -> sqlx::Result<bool> {
    let attempts = attempts + 1;
    let gave_up = attempts >= max_attempts;
    let backoff = chrono::Duration::seconds(2i64.pow(attempts.min(10) as u32));
    let marked = sqlx::query(
        "UPDATE inbound_events SET attempts = $1, next_attempt_at = $2, claimed_until = 0, note = $3,
                status = CASE WHEN $4 = 1 THEN 'failed' ELSE status END
         WHERE id = $5 AND status = 'pending'",
    )
    .bind(attempts)
    .bind(ms(now + backoff))
    .bind(error)
    .bind(i64::from(gave_up))
    .bind(id)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    // (two workers that both failed it: the one that marked it failed alerts)
    let gave_up = gave_up && marked > 0;
    if gave_up {
        // in the same transaction: a failed event always has its alert
        sqlx::query(
            "INSERT INTO staff_alerts (kind, patient_id, chat_id, detail, created_at, event_id)
             VALUES ('event_failed', NULL, NULL, $1, $2, $3)",
        )
        .bind(format!(
            "inbound event {id} could not be processed; it is kept until this alert is resolved"
        ))
        .bind(ms(now))
        .bind(id)
        .execute(&mut *conn)
        .await?;
    }
    Ok(gave_up)
}

/// Forgets handled events older than `before`: the dedup window (Telegram restarts `update_id`
/// at random after a week without updates, so ids must not be remembered for ever). A failed
/// event stays while its alert is unresolved: staff may need what the patient sent.
pub async fn purge(db: &Db, before: DateTime<Utc>) -> sqlx::Result<u64> {
    let _gate = db.gate().await;
    Ok(sqlx::query(
        "DELETE FROM inbound_events WHERE status <> 'pending' AND received_at < $1
               AND NOT (status = 'failed' AND EXISTS (
                 SELECT 1 FROM staff_alerts a WHERE a.event_id = inbound_events.id AND a.resolved_at IS NULL))",
    )
    .bind(ms(before))
    .execute(&db.pool)
    .await?
    .rows_affected())
}

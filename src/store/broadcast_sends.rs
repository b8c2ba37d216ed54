//! Sending a broadcast's copies: batches claimed by a sender (a LINE multicast keeps one retry
//! key across retries, crashes and instances), what became of them, broadcasts closed when
//! every copy is settled, and the platforms' pace shared by every instance.

use chrono::{DateTime, Utc};
use sqlx::Row;

use super::{Conn, ms};
use crate::domain::broadcast::RecipientStatus;

/// A batch of copies claimed for sending: one LINE multicast (same broadcast and language, one
/// retry key) or one Telegram message.
#[derive(Debug, Clone)]
pub struct Batch {
    pub broadcast_id: i64,
    pub platform: String,
    pub lang: String,
    pub key: String,
    /// (recipient row, chat, chat external id)
    pub to: Vec<(i64, i64, String)>,
}

/// Claims the next batch on `platform` (up to `size` copies) of a broadcast that is sending: a
/// batch whose claim ran out (its sender died) is taken again whole, with its retry key; else
/// queued copies get a new key.
pub async fn claim(
    conn: &mut Conn,
    platform: &str,
    size: usize,
    now: DateTime<Utc>,
    lease: chrono::Duration,
) -> sqlx::Result<Option<Batch>> {
    let until = ms(now + lease);
    let stale: Option<String> = sqlx::query_scalar(
        "SELECT r.batch_key FROM broadcast_recipients r JOIN broadcasts b ON b.id = r.broadcast_id
         WHERE r.platform = $1 AND r.status = 'sending' AND r.claimed_until < $2 AND b.status = 'sending' LIMIT 1",
    )
    .bind(platform)
    .bind(ms(now))
    .fetch_optional(&mut *conn)
    .await?;
    let key = match stale {
        Some(key) => {
            // taken only if its claim still ran out when the row is written: of two instances
            // that saw it stale, one takes it
            let taken = sqlx::query(
                "UPDATE broadcast_recipients SET claimed_until = $1
                 WHERE batch_key = $2 AND status = 'sending' AND claimed_until < $3",
            )
            .bind(until)
            .bind(&key)
            .bind(ms(now))
            .execute(&mut *conn)
            .await?
            .rows_affected();
            if taken == 0 {
                return Ok(None);
            }
            key
        }
        None => {
            let next: Option<(i64, String)> = sqlx::query_as(
                "SELECT r.broadcast_id, r.lang FROM broadcast_recipients r JOIN broadcasts b ON b.id = r.broadcast_id
                 WHERE r.platform = $1 AND r.status = 'queued' AND b.status = 'sending' ORDER BY r.id LIMIT 1",
            )
            .bind(platform)
            .fetch_optional(&mut *conn)
            .await?;
            let Some((broadcast, lang)) = next else {
                return Ok(None);
            };
            let key = uuid::Uuid::new_v4().to_string();
            sqlx::query(&format!(
                "UPDATE broadcast_recipients SET status = 'sending', batch_key = $1, claimed_until = $2
                 WHERE status = 'queued' AND id IN (
                   SELECT id FROM broadcast_recipients
                   WHERE broadcast_id = $3 AND platform = $4 AND lang = $5 AND status = 'queued' ORDER BY id LIMIT {size})"
            ))
            .bind(&key)
            .bind(until)
            .bind(broadcast)
            .bind(platform)
            .bind(&lang)
            .execute(&mut *conn)
            .await?;
            key
        }
    };
    let rows = sqlx::query(
        "SELECT r.id, r.broadcast_id, r.lang, r.chat_id, c.external_id FROM broadcast_recipients r JOIN chats c ON c.id = r.chat_id
         WHERE r.batch_key = $1 AND r.status = 'sending' ORDER BY r.id",
    )
    .bind(&key)
    .fetch_all(&mut *conn)
    .await?;
    let Some(first) = rows.first() else {
        return Ok(None);
    };
    Ok(Some(Batch {
        broadcast_id: first.try_get("broadcast_id")?,
        platform: platform.to_string(),
        lang: first.try_get("lang")?,
        key,
        to: rows
            .iter()
            .map(|r| Ok((r.try_get("id")?, r.try_get("chat_id")?, r.try_get("external_id")?)))
            .collect::<sqlx::Result<_>>()?,
    }))
}

/// Records what became of a batch's copies (`error` for failed and unreachable ones).
pub async fn settle(
    conn: &mut Conn,
    ids: &[i64],
    status: RecipientStatus,
    error: Option<&str>,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    for chunk in ids.chunks(500) {
        let list: Vec<String> = chunk.iter().map(i64::to_string).collect();
        // the list holds row ids we read, never input
        sqlx::query(&format!(
            "UPDATE broadcast_recipients SET status = $1, error = $2, sent_at = $3, attempts = attempts + 1
             WHERE id IN ({}) AND status = 'sending'",
            list.join(", ")
        ))
        .bind(status.code())
        .bind(error)
        .bind(ms(now))
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// A batch to try again later: its claim runs until `at` (the retry key stays).
pub async fn retry_at(conn: &mut Conn, key: &str, at: DateTime<Utc>) -> sqlx::Result<()> {
    sqlx::query("UPDATE broadcast_recipients SET claimed_until = $1, attempts = attempts + 1 WHERE batch_key = $2 AND status = 'sending'")
        .bind(ms(at))
        .bind(key)
        .execute(&mut *conn)
        .await
        .map(|_| ())
}

/// Broadcasts sending whose every copy is settled are done.
pub async fn finish(conn: &mut Conn, now: DateTime<Utc>) -> sqlx::Result<u64> {
    Ok(sqlx::query(
        "UPDATE broadcasts SET status = 'done', finished_at = $1
         WHERE status = 'sending' AND NOT EXISTS (
           SELECT 1 FROM broadcast_recipients r WHERE r.broadcast_id = broadcasts.id AND r.status IN ('queued', 'sending'))",
    )
    .bind(ms(now))
    .execute(&mut *conn)
    .await?
    .rows_affected())
}

/// Copies of a cancelled or stopped broadcast left claimed: a batch waiting out a rate limit, or
/// one whose sender died mid-send (its multicast may have gone out). Read first, so an idle round
/// writes nothing.
const STRANDED: &str = "FROM broadcast_recipients
     WHERE platform IN ('line', 'telegram') AND status = 'sending' AND claimed_until < $1
       AND broadcast_id IN (SELECT id FROM broadcasts WHERE status IN ('cancelled', 'stopped'))";

pub async fn stranded_any(conn: &mut Conn, now: DateTime<Utc>) -> sqlx::Result<bool> {
    let n: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM (SELECT 1 {STRANDED} LIMIT 1) s"))
        .bind(ms(now))
        .fetch_one(&mut *conn)
        .await?;
    Ok(n > 0)
}

/// Settles stranded copies as withdrawn, saying they may have gone out; returns how many.
pub async fn withdraw_stranded(conn: &mut Conn, now: DateTime<Utc>) -> sqlx::Result<u64> {
    Ok(sqlx::query(&format!(
        "UPDATE broadcast_recipients SET status = 'withdrawn',
           error = 'claimed for sending when the broadcast ended: it may have gone out'
         WHERE id IN (SELECT id {STRANDED})"
    ))
    .bind(ms(now))
    .execute(&mut *conn)
    .await?
    .rows_affected())
}

/// Takes the next turn to send on `platform`, shared by every instance: returns when it is (in
/// milliseconds of wall-clock time), and moves the shared turn on by `gap_ms`.
pub async fn take_turn(conn: &mut Conn, platform: &str, gap_ms: i64, now_ms: i64) -> sqlx::Result<i64> {
    sqlx::query("INSERT INTO send_pace (platform, next_at) VALUES ($1, 0) ON CONFLICT (platform) DO NOTHING")
        .bind(platform)
        .execute(&mut *conn)
        .await?;
    sqlx::query_scalar(
        "UPDATE send_pace SET next_at = (CASE WHEN next_at > $1 THEN next_at ELSE $1 END) + $2
         WHERE platform = $3 RETURNING next_at - $2",
    )
    .bind(now_ms)
    .bind(gap_ms)
    .bind(platform)
    .fetch_one(&mut *conn)
    .await
}

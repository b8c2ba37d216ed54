//! The running service processes and when each was last seen alive (migration 0017). A process
//! that died is known at once where the database can tell (PostgreSQL: its session's advisory
//! lock is gone; SQLite: the one serving process holds the file's serving lock, so every other
//! was a predecessor), else once it has not been seen for a while: the messages it had claimed
//! for sending are released for the others at once, instead of when their lease runs out (see
//! `outbox::LEASE`).

use chrono::{DateTime, Utc};

use super::{Db, ms};

/// Says that process `me` is alive at `now`, and releases the outbox rows and timers claimed by
/// processes that are certainly dead (see [`Liveness`]) or not seen since `stale_before` (they
/// died, or were cut off from the database that long); forgets those processes. Returns how
/// many rows were released.
pub async fn beat(
    db: &Db,
    liveness: &Liveness,
    me: &str,
    now: DateTime<Utc>,
    stale_before: DateTime<Utc>,
) -> sqlx::Result<u64> {
    let mut tx = db.begin_worker().await?;
    sqlx::query(
        "INSERT INTO instances (id, seen_at) VALUES ($1, $2)
         ON CONFLICT (id) DO UPDATE SET seen_at = excluded.seen_at",
    )
    .bind(me)
    .bind(ms(now))
    .execute(&mut **tx)
    .await?;
    let others: Vec<(String, i64)> = sqlx::query_as("SELECT id, seen_at FROM instances WHERE id <> $1")
        .bind(me)
        .fetch_all(&mut **tx)
        .await?;
    let mut dead = Vec::new();
    for (id, seen_at) in others {
        if seen_at < ms(stale_before) || certainly_dead(&mut tx, liveness, &id).await? {
            dead.push(id);
        }
    }
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
        released += sqlx::query(
            "UPDATE timers SET claimed_until = 0 WHERE status = 'pending' AND claimed_by = $1 AND claimed_until > $2",
        )
        .bind(id)
        .bind(ms(now))
        .execute(&mut **tx)
        .await?
        .rows_affected();
        sqlx::query("DELETE FROM instances WHERE id = $1")
            .bind(id)
            .execute(&mut **tx)
            .await?;
    }
    tx.commit().await?;
    Ok(released)
}

/// What keeps this process's liveness visible to the others, held for the process's life.
pub enum Liveness {
    /// PostgreSQL: a connection holding this process's session advisory lock; the server
    /// releases it the moment the process dies, so others know at once.
    Postgres(std::sync::Mutex<sqlx::AnyConnection>),
    /// SQLite: the serving lock on the database file; whoever holds it is the one serving
    /// process (a second is refused at start), so anything claimed by another was claimed by a
    /// predecessor now dead.
    SqliteServing(std::fs::File),
    /// Neither: others tell this process is dead by its missed beats only.
    HeartbeatOnly,
}

/// The advisory lock key of an instance (PostgreSQL).
fn lock_key(instance: &str) -> i64 {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(instance.as_bytes());
    let mut bytes = [0u8; 8];
    bytes.copy_from_slice(&digest[..8]);
    i64::from_be_bytes(bytes)
}

/// The SQLite database file a URL names, if it names a file.
fn sqlite_file(url: &str) -> Option<std::path::PathBuf> {
    let path = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:"))?;
    let (path, options) = path.split_once('?').unwrap_or((path, ""));
    let in_memory = path.contains(":memory:") || options.split('&').any(|o| o == "vfs=memdb" || o == "mode=memory");
    (!path.is_empty() && !in_memory).then(|| std::path::PathBuf::from(path))
}

/// Makes this process's liveness visible (see [`Liveness`]).
pub async fn hold(db: &Db, url: &str, me: &str) -> anyhow::Result<Liveness> {
    match db.engine {
        super::Engine::Postgres => {
            use sqlx::Connection;
            let mut conn = sqlx::AnyConnection::connect(url).await?;
            sqlx::query("SELECT pg_advisory_lock($1)")
                .bind(lock_key(me))
                .execute(&mut conn)
                .await?;
            Ok(Liveness::Postgres(std::sync::Mutex::new(conn)))
        }
        super::Engine::Sqlite => {
            let Some(file) = sqlite_file(url) else {
                return Ok(Liveness::HeartbeatOnly);
            };
            let lock = std::fs::OpenOptions::new()
                .create(true)
                .truncate(false)
                .write(true)
                .open(file.with_extension("serve-lock"))?;
            // a predecessor that is only now exiting lets go within moments
            for _ in 0..20 {
                if lock.try_lock().is_ok() {
                    return Ok(Liveness::SqliteServing(lock));
                }
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            }
            anyhow::bail!(
                "another `mimamori serve` is using this SQLite database ({}); several processes need PostgreSQL",
                file.display()
            )
        }
    }
}

/// Whether instance `other` is certainly dead, without waiting for its beats to age.
async fn certainly_dead(conn: &mut super::Conn, liveness: &Liveness, other: &str) -> sqlx::Result<bool> {
    match liveness {
        Liveness::Postgres(_) => {
            let key = lock_key(other);
            let free: bool = sqlx::query_scalar("SELECT pg_try_advisory_lock($1)")
                .bind(key)
                .fetch_one(&mut *conn)
                .await?;
            if free {
                sqlx::query("SELECT pg_advisory_unlock($1)")
                    .bind(key)
                    .execute(&mut *conn)
                    .await?;
            }
            Ok(free)
        }
        Liveness::SqliteServing(_) => Ok(true),
        Liveness::HeartbeatOnly => Ok(false),
    }
}

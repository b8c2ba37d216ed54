//! Storage through sqlx's Any driver: one set of queries for SQLite (the embedded default) and
//! PostgreSQL (several instances). Where the engines differ (claiming work under concurrency,
//! transaction start), [`Engine`] says which SQL to use.

pub mod alerts;
pub mod audit;
pub mod broadcast_sends;
pub mod broadcasts;
pub mod care;
pub mod chats;
pub mod codes;
pub mod columns;
pub mod dialogue;
mod engine;
pub mod equipment;
pub mod events;
pub mod exports;
pub mod instances;
pub mod menus;
pub mod notes;
pub mod nursing;
pub mod offers;
pub mod orders;
pub mod outbox;
pub mod patients;
pub mod performance;
pub mod providers;
pub mod questions;
pub mod reports;
pub mod retention;
pub mod rosters;
pub mod sql;
pub mod staff;
pub mod station;
pub mod timers;
pub mod views;

use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, TimeZone, Utc};
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyConnection, AnyPool, ConnectOptions, Connection, Executor};
use tokio::sync::{Mutex, OwnedMutexGuard};

pub type Conn = AnyConnection;
pub use engine::Engine;

/// A PostgreSQL connection idle this long is checked before use (see [`open_pool`]).
const IDLE_BEFORE_PING: Duration = Duration::from_millis(500);

/// A pool of connections; on SQLite with the given `synchronous` level. `open`: how many are
/// opened before it is returned, and kept open (see [`Db::connect_service`]).
async fn open_pool(
    options: &AnyConnectOptions,
    engine: Engine,
    synchronous: &'static str,
    size: u32,
    open: u32,
) -> anyhow::Result<AnyPool> {
    let options_of_pool = if open == size {
        // it keeps every connection it may have open: none is closed for its age or idleness
        // (an in-memory database goes with its last connection)
        AnyPoolOptions::new().max_lifetime(None).idle_timeout(None)
    } else {
        AnyPoolOptions::new()
    };
    Ok(options_of_pool
        .max_connections(size)
        .min_connections(open)
        .acquire_timeout(Duration::from_secs(10))
        // SQLite's connections are a file and a thread of ours: they do not break, and the
        // check before every use is one more round trip to that thread (one to three a report).
        // A PostgreSQL connection may have died with a server restart: one that sat idle is
        // checked first. One used in the last half second is not (HikariCP's bypass window):
        // under load that check was a round trip on every acquire, four to six a report.
        .test_before_acquire(false)
        .before_acquire(move |conn, meta| {
            Box::pin(async move {
                if engine == Engine::Postgres && meta.idle_for >= IDLE_BEFORE_PING {
                    conn.ping().await?;
                }
                Ok(true)
            })
        })
        .after_connect(move |conn, _| {
            Box::pin(async move {
                if engine == Engine::Sqlite {
                    // WAL: readers never block the writer. FULL: a commit is on disk before the
                    // webhook is answered, even after a power cut.
                    conn.execute("PRAGMA journal_mode = WAL").await?;
                    conn.execute(if synchronous == "FULL" {
                        "PRAGMA synchronous = FULL"
                    } else {
                        "PRAGMA synchronous = NORMAL"
                    })
                    .await?;
                    conn.execute("PRAGMA busy_timeout = 10000").await?;
                    if synchronous == "FULL" {
                        // the webhook path never pays for a WAL checkpoint: the workers do them
                        conn.execute("PRAGMA wal_autocheckpoint = 0").await?;
                    }
                    conn.execute("PRAGMA foreign_keys = ON").await?;
                }
                Ok(())
            })
        })
        .connect_with(options.clone())
        .await?)
}

#[derive(Clone)]
pub struct Db {
    pub pool: AnyPool,
    /// For the background workers (see [`Db::connect`]); the same pool on PostgreSQL.
    pub relaxed: AnyPool,
    pub engine: Engine,
    /// SQLite has one writer. Writers of this process queue here, first come first served,
    /// instead of in SQLite's busy handler, which sleeps in steps of up to 100 ms and made the
    /// webhook's tail latency jump. (Other processes on the same file still use busy_timeout.)
    gate: Option<Arc<Mutex<()>>>,
}

/// A write transaction; on SQLite it holds the write gate until commit or rollback. On a
/// pooled connection, or on one a loop keeps ([`Held`]).
pub struct WriteTx<'c> {
    tx: sqlx::Transaction<'c, sqlx::Any>,
    _gate: Option<OwnedMutexGuard<()>>,
}

impl<'c> std::ops::Deref for WriteTx<'c> {
    type Target = sqlx::Transaction<'c, sqlx::Any>;
    fn deref(&self) -> &Self::Target {
        &self.tx
    }
}

impl std::ops::DerefMut for WriteTx<'_> {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.tx
    }
}

/// A connection that a background loop keeps from one round to the next. sqlx checks every
/// connection that goes back to its pool (a round trip) and hands it back through a task of its
/// own; a loop that keeps its connection pays neither. Like the pool, it checks a connection
/// that sat idle before using it again. After an error it lets the connection go (back to the
/// pool, which closes it if it is broken), and checks the next one it takes: when the server
/// dropped every connection, the pool's idle ones are dead too, and one used in the last half
/// second is handed out unchecked.
#[derive(Default)]
pub struct Held {
    conn: Option<(sqlx::pool::PoolConnection<sqlx::Any>, std::time::Instant)>,
    failed: bool,
}

/// Connections tried after a failure before giving up for this round (the pool's idle ones may
/// all be dead; each one tried is closed, and the pool opens a new one once they are gone).
const TRIES_AFTER_FAILURE: usize = 20;

impl Held {
    /// The kept connection, or one from `pool`.
    pub async fn get(&mut self, pool: &AnyPool) -> sqlx::Result<&mut AnyConnection> {
        if let Some((conn, used)) = &mut self.conn
            && used.elapsed() >= IDLE_BEFORE_PING
            && conn.ping().await.is_err()
        {
            // (dead: the pool's idle ones may be too)
            self.release();
        }
        let held = match self.conn.take() {
            Some(held) => held,
            None => (self.fresh(pool).await?, std::time::Instant::now()),
        };
        let (conn, used) = self.conn.insert(held);
        *used = std::time::Instant::now();
        Ok(&mut **conn)
    }

    async fn fresh(&mut self, pool: &AnyPool) -> sqlx::Result<sqlx::pool::PoolConnection<sqlx::Any>> {
        if !self.failed {
            return pool.acquire().await;
        }
        let mut last = None;
        for _ in 0..TRIES_AFTER_FAILURE {
            let mut conn = pool.acquire().await?;
            match conn.ping().await {
                Ok(()) => {
                    self.failed = false;
                    return Ok(conn);
                }
                // (dropped: back to the pool, which finds it broken and closes it)
                Err(e) => last = Some(e),
            }
        }
        Err(last.unwrap_or(sqlx::Error::PoolTimedOut))
    }

    /// Gives the connection back to its pool, for whoever takes one from there next.
    pub fn let_go(&mut self) {
        self.conn = None;
    }

    /// Something failed on the connection: let it go.
    pub fn release(&mut self) {
        self.conn = None;
        self.failed = true;
    }
}

impl WriteTx<'_> {
    pub async fn commit(self) -> sqlx::Result<()> {
        self.tx.commit().await
    }
    pub async fn rollback(self) -> sqlx::Result<()> {
        self.tx.rollback().await
    }
}

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/postgres");

impl Db {
    /// Connects (creating an SQLite file if needed) and applies pending migrations.
    pub async fn connect(url: &str) -> anyhow::Result<Db> {
        Db::connect_keeping(url, 0).await
    }

    /// [`Db::connect`] for the service, whose loops keep a connection each (`event_workers`
    /// of them, the dispatcher, the timer loop): on PostgreSQL those are opened before it
    /// starts serving, and kept open. Opened on demand instead, the first burst of webhooks
    /// after a start found every worker opening its connection at once: a fresh service put
    /// a third of its first second's reports over 50 ms (README, "Performance"). SQLite's
    /// connections are a file in this process, opened in no time.
    pub async fn connect_service(url: &str, event_workers: usize) -> anyhow::Result<Db> {
        Db::connect_keeping(url, u32::try_from(event_workers).unwrap_or(u32::MAX).saturating_add(3)).await
    }

    /// [`Db::connect`] for a process that does one thing at a time (the simulator): on SQLite
    /// one connection serves every query, as the durable and the background one alike. Every
    /// connection's page cache is dropped whenever another connection has written, and the
    /// service's were taken in turn: the same wave ran 10 % faster on one. Whoever holds the
    /// connection must let it go before anything else is asked of the database.
    pub async fn connect_single(url: &str) -> anyhow::Result<Db> {
        let (engine, url) = engine_url(url)?;
        if engine == Engine::Postgres {
            return Db::connect(&url).await;
        }
        let options = AnyConnectOptions::from_str(&url)?.disable_statement_logging();
        let pool = open_pool(&options, engine, "NORMAL", 1, 1).await?;
        let db = Db {
            pool: pool.clone(),
            relaxed: pool,
            engine,
            gate: Some(Arc::new(Mutex::new(()))),
        };
        db.migrate().await?;
        Ok(db)
    }

    /// `workers`: background connections to open at once (PostgreSQL), see
    /// [`Db::connect_service`].
    async fn connect_keeping(url: &str, workers: u32) -> anyhow::Result<Db> {
        let (engine, url) = engine_url(url)?;
        let options = AnyConnectOptions::from_str(&url)?.disable_statement_logging();
        let postgres = engine == Engine::Postgres;
        // (the durable connections kept: the ingest writer's and the dispatcher's claim)
        let durable_kept = if postgres && workers > 0 { 2 } else { 0 };
        let pool = open_pool(&options, engine, "FULL", if postgres { 16 } else { 8 }, durable_kept).await?;
        // The background workers commit without waiting for the disk: SQLite in WAL with
        // synchronous NORMAL, PostgreSQL with synchronous_commit off for the connection's whole
        // session (so a worker's BEGIN needs no SET of its own, and a single statement, such as
        // marking messages sent, commits on its own without a transaction around it). What
        // they commit is derived from events that were made durable before the webhook was
        // answered: after a power cut or a database crash they are processed again, nothing is
        // lost. The next durable commit (the next webhook) makes every earlier commit durable.
        let relaxed = match engine {
            Engine::Sqlite => open_pool(&options, engine, "NORMAL", 8, 0).await?,
            Engine::Postgres => {
                let separator = if url.contains('?') { '&' } else { '?' };
                let relaxed_url = format!("{url}{separator}options[synchronous_commit]=off");
                let options = AnyConnectOptions::from_str(&relaxed_url)?.disable_statement_logging();
                // each event worker keeps one (up to 64, `MIMAMORI_EVENT_WORKERS`), the
                // dispatcher one, and the timer loop takes one per round
                open_pool(&options, engine, "", 72, workers.min(72)).await?
            }
        };
        let gate = (engine == Engine::Sqlite).then(|| Arc::new(Mutex::new(())));
        let db = Db {
            pool,
            relaxed,
            engine,
            gate,
        };
        db.migrate().await?;
        Ok(db)
    }

    pub async fn migrate(&self) -> anyhow::Result<()> {
        match self.engine {
            Engine::Sqlite => SQLITE_MIGRATIONS.run(&self.pool).await?,
            Engine::Postgres => POSTGRES_MIGRATIONS.run(&self.pool).await?,
        }
        Ok(())
    }

    /// A write transaction. On SQLite it takes the write lock at once (BEGIN IMMEDIATE), so two
    /// writers queue on the busy timeout instead of failing when a read upgrades to a write.
    pub async fn begin(&self) -> sqlx::Result<WriteTx<'static>> {
        let gate = self.gate().await;
        let tx = match self.engine {
            Engine::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            Engine::Postgres => self.pool.begin().await?,
        };
        Ok(WriteTx { tx, _gate: gate })
    }

    /// A write transaction for a background worker whose input is already durable (see
    /// [`Db::connect`]).
    pub async fn begin_worker(&self) -> sqlx::Result<WriteTx<'static>> {
        let gate = self.gate().await;
        let tx = match self.engine {
            Engine::Sqlite => self.relaxed.begin_with("BEGIN IMMEDIATE").await?,
            // (the relaxed connections' sessions have synchronous_commit off)
            Engine::Postgres => self.relaxed.begin().await?,
        };
        Ok(WriteTx { tx, _gate: gate })
    }

    /// [`Db::begin_worker`] on the connection a loop keeps.
    pub async fn begin_worker_on<'h>(&self, held: &'h mut Held) -> sqlx::Result<WriteTx<'h>> {
        self.begin_held(held, &self.relaxed).await
    }

    /// [`Db::begin`] on the connection a loop keeps (the webhook writer's).
    pub async fn begin_on<'h>(&self, held: &'h mut Held) -> sqlx::Result<WriteTx<'h>> {
        self.begin_held(held, &self.pool).await
    }

    async fn begin_held<'h>(&self, held: &'h mut Held, pool: &AnyPool) -> sqlx::Result<WriteTx<'h>> {
        let gate = self.gate().await;
        let conn = held.get(pool).await?;
        let tx = match self.engine {
            Engine::Sqlite => sqlx::Connection::begin_with(conn, "BEGIN IMMEDIATE").await?,
            Engine::Postgres => sqlx::Connection::begin(conn).await?,
        };
        Ok(WriteTx { tx, _gate: gate })
    }

    /// Takes the write gate (SQLite) for a write outside [`Db::begin`]; hold it while writing.
    pub async fn gate(&self) -> Option<OwnedMutexGuard<()>> {
        match &self.gate {
            Some(g) => Some(g.clone().lock_owned().await),
            None => None,
        }
    }

    /// `FOR UPDATE SKIP LOCKED` where the engine has it; SQLite has a single writer anyway.
    pub fn skip_locked(&self) -> &'static str {
        match self.engine {
            Engine::Sqlite => "",
            Engine::Postgres => "FOR UPDATE SKIP LOCKED",
        }
    }

    /// After `UPDATE table` when the rows are picked by `id IN (subquery)`: SQLite otherwise
    /// may walk a status index over every pending row and test each against the list.
    pub fn by_id(&self) -> &'static str {
        self.engine.by_id()
    }

    pub async fn ping(&self) -> sqlx::Result<()> {
        sqlx::query("SELECT 1").execute(&self.pool).await.map(|_| ())
    }
}

/// The engine a database URL names, and the URL to connect with (an SQLite file is made if
/// missing).
fn engine_url(url: &str) -> anyhow::Result<(Engine, String)> {
    sqlx::any::install_default_drivers();
    if url.starts_with("sqlite:") {
        let url = if url.contains('?') || url.contains(":memory:") {
            url.to_string()
        } else {
            format!("{url}?mode=rwc")
        };
        Ok((Engine::Sqlite, url))
    } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        Ok((Engine::Postgres, url.to_string()))
    } else {
        anyhow::bail!("MIMAMORI_DATABASE_URL must start with sqlite:// or postgres://");
    }
}

/// Why a row with a state machine (a unit, an admission) did not move.
#[derive(Debug)]
pub enum MoveError {
    /// No such row.
    Missing,
    /// Not from the state it is in (or someone moved it a moment ago).
    Refused(crate::domain::equipment::Refused),
    Db(sqlx::Error),
}

impl From<sqlx::Error> for MoveError {
    fn from(e: sqlx::Error) -> Self {
        MoveError::Db(e)
    }
}

/// Milliseconds since the epoch, as stored.
pub fn ms(t: DateTime<Utc>) -> i64 {
    t.timestamp_millis()
}

pub fn from_ms(ms: i64) -> DateTime<Utc> {
    Utc.timestamp_millis_opt(ms).single().unwrap_or_default()
}

/// True when the error is a unique-constraint violation (a duplicate).
pub fn is_unique_violation(e: &sqlx::Error) -> bool {
    matches!(e, sqlx::Error::Database(d) if d.is_unique_violation())
}

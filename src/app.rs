//! The running service: shared state, the HTTP server and the background loops, and their
//! orderly shutdown (stop accepting, finish in-flight requests, let each loop finish its step).

use std::sync::Arc;

use tokio::net::TcpListener;
use tokio::sync::{Notify, mpsc, watch};
use tokio::task::JoinHandle;

use crate::channels::line::LineClient;
use crate::channels::telegram::GlobalPace;
use crate::channels::telegram::TelegramClient;
use crate::clock::Clock;
use crate::config::Config;
use crate::i18n::Locales;
use crate::metrics::Metrics;
use crate::runtime::loops::every;
use crate::runtime::state::{AppState, IngestRequest};
use crate::runtime::supervise::supervise;
use crate::runtime::{broadcaster, dispatcher, heartbeat, ingest, loops, purge, timers, worker};
use crate::store::Db;

/// How often the staff pages that are due go out.
const PAGE_EVERY: std::time::Duration = std::time::Duration::from_millis(500);

/// Which background loops to run (tests switch the dispatcher off to simulate a crash before
/// sending).
#[derive(Debug, Clone, Copy)]
pub struct Loops {
    pub events: bool,
    pub timers: bool,
    pub dispatcher: bool,
}

impl Default for Loops {
    fn default() -> Self {
        Loops {
            events: true,
            timers: true,
            dispatcher: true,
        }
    }
}

pub struct App {
    pub state: AppState,
    ingest_rx: Option<mpsc::Receiver<IngestRequest>>,
}

pub struct Running {
    pub state: AppState,
    pub addr: std::net::SocketAddr,
    shutdown: watch::Sender<bool>,
    http: JoinHandle<()>,
    ingest: Option<JoinHandle<()>>,
    tasks: Vec<JoinHandle<()>>,
}

impl App {
    pub async fn build(config: Config, clock: Arc<dyn Clock>) -> anyhow::Result<App> {
        let db = Db::connect_service(&config.database_url, config.event_workers).await?;
        App::build_on(db, config, clock).await
    }

    /// [`App::build`] on a database already connected.
    pub async fn build_on(db: Db, config: Config, clock: Arc<dyn Clock>) -> anyhow::Result<App> {
        let instance = uuid::Uuid::new_v4().to_string();
        let liveness = crate::store::instances::hold(&db, &config.database_url, &instance).await?;
        let locales = Locales::load().map_err(anyhow::Error::msg)?;
        let line = match &config.line {
            Some(c) => Some(Arc::new(LineClient::new(c.clone(), config.platform_timeout)?)),
            None => None,
        };
        let telegram = match &config.telegram {
            Some(c) => Some(Arc::new(TelegramClient::new(c.clone(), config.platform_timeout)?)),
            None => None,
        };
        let (ingest, ingest_rx) = mpsc::channel(4096);
        let state = AppState {
            db,
            config: Arc::new(config),
            locales: Arc::new(locales),
            clock,
            line,
            telegram,
            metrics: Arc::new(Metrics::new()),
            ingest,
            wake_events: Arc::new(Notify::new()),
            event_claims: Arc::default(),
            wake_outbox: Arc::new(Notify::new()),
            wake_broadcasts: Arc::new(Notify::new()),
            wake_timers: Arc::new(Notify::new()),
            telegram_pace: GlobalPace::default(),
            liveness: Arc::new(liveness),
            instance: instance.into(),
            loops: Arc::default(),
            token_lookups: Arc::new(tokio::sync::Semaphore::new(crate::runtime::state::TOKEN_LOOKUPS)),
        };
        Ok(App {
            state,
            ingest_rx: Some(ingest_rx),
        })
    }

    /// Serves HTTP on `listener` and starts the loops.
    pub fn start(mut self, listener: TcpListener, loops: Loops) -> anyhow::Result<Running> {
        let addr = listener.local_addr()?;
        let (shutdown, shutdown_rx) = watch::channel(false);
        let state = self.state.clone();
        let mut tasks = Vec::new();
        let ingest = self.ingest_rx.take().map(|rx| {
            // the queue outlives a panicked writer: the restarted one takes it up
            let rx = Arc::new(tokio::sync::Mutex::new(rx));
            supervise("ingest", state.clone(), shutdown_rx.clone(), {
                let state = state.clone();
                move || ingest::ingest_loop(state.clone(), rx.clone())
            })
        });
        if loops.events {
            // SQLite has one writer: one worker. PostgreSQL takes several at once (events of
            // different chats; the claim keeps one chat's events in order).
            let workers = match state.db.engine {
                crate::store::Engine::Sqlite => 1,
                crate::store::Engine::Postgres => state.config.event_workers,
            };
            for _ in 0..workers {
                tasks.push(supervise("events", state.clone(), shutdown_rx.clone(), {
                    let (state, shutdown) = (state.clone(), shutdown_rx.clone());
                    move || {
                        loops::run_loop(
                            "events",
                            state.clone(),
                            state.wake_events.clone(),
                            shutdown.clone(),
                            async |s, woken, held| worker::process_events_once(s, woken, held).await,
                        )
                    }
                }));
            }
        }
        if loops.timers {
            tasks.push(supervise("timers", state.clone(), shutdown_rx.clone(), {
                let (state, shutdown) = (state.clone(), shutdown_rx.clone());
                move || {
                    let mut beat = heartbeat::Beat::default();
                    loops::run_loop(
                        "timers",
                        state.clone(),
                        state.wake_timers.clone(),
                        shutdown.clone(),
                        async move |s, _, held| {
                            beat.run(s).await?;
                            Ok(timers::fire_timers_once(s, held).await?.fired > 0)
                        },
                    )
                }
            }));
            // pages go out on a cadence of their own, not with every wake: in a wave, alerts
            // come by the hundred a second, and a page round per wake took the database's one
            // writer from the reports
            tasks.push(supervise("paging", state.clone(), shutdown_rx.clone(), {
                let (state, shutdown) = (state.clone(), shutdown_rx.clone());
                move || {
                    every(
                        "paging",
                        PAGE_EVERY,
                        state.clone(),
                        shutdown.clone(),
                        async |s: &AppState| timers::page_once(s).await.map(|_| ()),
                    )
                }
            }));
            tasks.push(supervise("purge", state.clone(), shutdown_rx.clone(), {
                let (state, shutdown) = (state.clone(), shutdown_rx.clone());
                move || {
                    every(
                        "purge",
                        std::time::Duration::from_secs(3600),
                        state.clone(),
                        shutdown.clone(),
                        async |s: &AppState| purge::purge_once(s).await.map(|_| ()),
                    )
                }
            }));
        }
        if loops.dispatcher {
            tasks.push(supervise("dispatcher", state.clone(), shutdown_rx.clone(), {
                let (state, shutdown) = (state.clone(), shutdown_rx.clone());
                move || {
                    let mut pace = dispatcher::Pace::default();
                    let mut durable = crate::store::Held::default();
                    loops::run_loop(
                        "dispatcher",
                        state.clone(),
                        state.wake_outbox.clone(),
                        shutdown.clone(),
                        async move |s, woken, held| {
                            if pace.lingers(woken, tokio::time::Instant::now()) {
                                tokio::time::sleep(dispatcher::LINGER).await;
                            }
                            pace.started(tokio::time::Instant::now());
                            dispatcher::run_once(s, &mut durable, held).await
                        },
                    )
                }
            }));
            tasks.push(supervise("broadcasts", state.clone(), shutdown_rx.clone(), {
                let (state, shutdown) = (state.clone(), shutdown_rx.clone());
                move || {
                    loops::run_loop(
                        "broadcasts",
                        state.clone(),
                        state.wake_broadcasts.clone(),
                        shutdown.clone(),
                        async |s, _, _| broadcaster::run_once(s).await,
                    )
                }
            }));
        }
        let router = crate::http::router(state.clone());
        let mut http_shutdown = shutdown_rx.clone();
        let http = tokio::spawn(async move {
            let result = axum::serve(listener, router)
                .with_graceful_shutdown(async move {
                    let _ = http_shutdown.changed().await;
                })
                .await;
            if let Err(e) = result {
                tracing::error!(error = %e, "HTTP server stopped");
            }
        });
        Ok(Running {
            state,
            addr,
            shutdown,
            http,
            ingest,
            tasks,
        })
    }
}

impl Running {
    /// Stops everything and waits for in-flight work.
    pub async fn stop(self) {
        let _ = self.shutdown.send(true);
        // in-flight webhooks finish (each waits for its commit) before the writer stops
        let _ = tokio::time::timeout(std::time::Duration::from_secs(10), self.http).await;
        if let Some(ingest) = self.ingest {
            ingest.abort();
        }
        for t in self.tasks {
            let _ = tokio::time::timeout(std::time::Duration::from_secs(10), t).await;
        }
    }

    /// Kills the loops at once, as a crash would (tests).
    pub fn abort(self) {
        self.http.abort();
        if let Some(ingest) = &self.ingest {
            ingest.abort();
        }
        for t in &self.tasks {
            t.abort();
        }
    }

    /// Wakes every loop now (after a test moved the clock).
    pub fn wake(&self) {
        self.state.event_claims.want();
        self.state.wake_events.notify_one();
        self.state.wake_timers.notify_one();
        self.state.wake_outbox.notify_one();
    }
}

//! The test harness: the real app on port 0, wiremock standing in for LINE and Telegram, one
//! fresh database per test (SQLite file, or a PostgreSQL database created and dropped), and a
//! clock the test moves.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use mimamori::app::{App, Loops, Running};
use mimamori::clock::ManualClock;
use mimamori::config::{Config, Sources};
use serde_json::json;
use sqlx::AnyPool;
use wiremock::matchers::{method, path_regex};
use wiremock::{Mock, MockServer, ResponseTemplate};

pub mod browser;
mod db;
mod people;
mod platforms;
mod seen;
mod staff;
mod wait;

pub use db::{Engine, TestDb, postgres_url};
pub use people::{friday_morning, load_roster, named_patient, on_telegram, patient, provider, tokyo};
pub use platforms::{line_push_answers, line_push_answers_to};
pub use staff::{api_get, api_get_text, api_post, at, roster_file, staff_token};
pub use wait::{buttons_of, offer_buttons, offer_with, wait_text, wait_text_to};

pub const LINE_SECRET: &str = "line-test-secret";
pub const TELEGRAM_SECRET: &str = "tg_test-secret-0123";
pub const TELEGRAM_TOKEN: &str = "123456:TEST";
pub const CENTRE_PHONE: &str = "03-1234-5678";

pub struct TestApp {
    pub line: MockServer,
    pub telegram: MockServer,
    pub clock: ManualClock,
    pub http: reqwest::Client,
    pub running: Option<Running>,
    pub base: String,
    /// A staff member's API token, made on first use (see [`TestApp::api`]).
    pub staff: std::sync::OnceLock<String>,
    // dropped last: the database outlives the app
    pub db: TestDb,
}

pub fn test_config(db_url: &str, line: &MockServer, telegram: &MockServer, extra: &[(&str, &str)]) -> Config {
    let mut vars: Vec<(String, String)> = vec![
        ("MIMAMORI_DATABASE_URL", db_url),
        ("MIMAMORI_BIND", "127.0.0.1:0"),
        ("MIMAMORI_LINE_CHANNEL_SECRET", LINE_SECRET),
        ("MIMAMORI_LINE_CHANNEL_ACCESS_TOKEN", "line-access-token"),
        ("MIMAMORI_LINE_API_URL", &line.uri()),
        ("MIMAMORI_TELEGRAM_BOT_TOKEN", TELEGRAM_TOKEN),
        ("MIMAMORI_TELEGRAM_WEBHOOK_SECRET", TELEGRAM_SECRET),
        ("MIMAMORI_TELEGRAM_API_URL", &telegram.uri()),
        ("MIMAMORI_TELEGRAM_BOT_USERNAME", "mimamori_test_bot"),
        ("MIMAMORI_HEALTH_CENTRE_PHONE", CENTRE_PHONE),
        ("MIMAMORI_POLL_INTERVAL_MS", "50"),
        ("MIMAMORI_PLATFORM_TIMEOUT_SECS", "2"),
        // the clock stands still in tests; the per-chat gap has a test of its own
        ("MIMAMORI_TELEGRAM_CHAT_GAP_MS", "0"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    vars.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    Config::load(&Sources::from_vars(vars).expect("sources")).expect("test config")
}

/// Mounts the platforms' happy answers (tests mount more specific ones first to override).
pub async fn mount_defaults(line: &MockServer, telegram: &MockServer) {
    Mock::given(method("POST"))
        .and(path_regex("^/v2/bot/message/(reply|push|multicast)$"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({})))
        .mount(line)
        .await;
    Mock::given(method("GET"))
        .and(path_regex("^/v2/bot/profile/.*$"))
        .respond_with(ResponseTemplate::new(404).set_body_json(json!({"message": "Not found"})))
        .mount(line)
        .await;
    Mock::given(method("POST"))
        .and(path_regex(
            "^/bot.*/(sendMessage|answerCallbackQuery|setMyCommands|setChatMenuButton)$",
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"ok": true, "result": true})))
        .mount(telegram)
        .await;
}

impl TestApp {
    pub async fn spawn(engine: Engine) -> TestApp {
        TestApp::spawn_with(engine, Loops::default(), &[]).await
    }

    /// An app whose platform mocks have nothing mounted yet: the test mounts its own answers,
    /// then calls [`mount_defaults`] if it wants the rest to succeed.
    pub async fn spawn_bare(engine: Engine, loops: Loops) -> TestApp {
        init_logs();
        let db = TestDb::create(engine).await;
        let line = MockServer::start().await;
        let telegram = MockServer::start().await;
        let clock = ManualClock::new(Utc::now());
        let mut app = TestApp {
            line,
            telegram,
            clock,
            http: reqwest::Client::new(),
            running: None,
            base: String::new(),
            staff: std::sync::OnceLock::new(),
            db,
        };
        app.start(loops, &[]).await;
        app
    }

    pub async fn spawn_with(engine: Engine, loops: Loops, extra: &[(&str, &str)]) -> TestApp {
        init_logs();
        let db = TestDb::create(engine).await;
        let line = MockServer::start().await;
        let telegram = MockServer::start().await;
        mount_defaults(&line, &telegram).await;
        let clock = ManualClock::new(Utc::now());
        let mut app = TestApp {
            line,
            telegram,
            clock,
            http: reqwest::Client::new(),
            running: None,
            base: String::new(),
            staff: std::sync::OnceLock::new(),
            db,
        };
        app.start(loops, extra).await;
        app
    }

    /// (Re)starts the service on the same database and mocks.
    pub async fn start(&mut self, loops: Loops, extra: &[(&str, &str)]) {
        let config = test_config(&self.db.url, &self.line, &self.telegram, extra);
        let app = App::build(config, Arc::new(self.clock.clone()))
            .await
            .expect("app builds");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let running = app.start(listener, loops).expect("app starts");
        self.base = format!("http://{}", running.addr);
        self.running = Some(running);
    }

    /// Another instance of the service on the same database, clock and platforms: PostgreSQL
    /// only (SQLite serves one process; a second is refused, which this checks).
    pub async fn second_instance(&self) -> Option<Running> {
        let config = test_config(&self.db.url, &self.line, &self.telegram, &[]);
        let built = App::build(config, Arc::new(self.clock.clone())).await;
        if self.db.url.starts_with("sqlite") {
            let refused = built.err().map(|e| e.to_string()).unwrap_or_default();
            assert!(refused.contains("several processes need PostgreSQL"), "{refused}");
            return None;
        }
        let app = built.expect("second app builds");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        Some(app.start(listener, Loops::default()).expect("second app starts"))
    }

    /// Stops the service as a crash would: no draining.
    pub fn kill(&mut self) {
        if let Some(r) = self.running.take() {
            r.abort();
        }
    }

    pub async fn stop(&mut self) {
        if let Some(r) = self.running.take() {
            r.stop().await;
        }
    }

    pub fn pool(&self) -> AnyPool {
        self.running.as_ref().expect("running").state.db.pool.clone()
    }

    /// Makes the next round of a background loop panic (as a bug would).
    pub fn panic_loop(&self, name: &str) {
        self.running.as_ref().expect("running").state.loops.panic_next(name);
        self.wake();
    }

    /// Runs the hourly purge now.
    pub async fn purge(&self) -> usize {
        let state = &self.running.as_ref().expect("running").state;
        mimamori::runtime::purge::purge_once(state).await.expect("purge")
    }

    pub fn wake(&self) {
        if let Some(r) = &self.running {
            r.wake();
        }
    }

    /// Moves the clock and lets the loops see it.
    pub fn advance(&self, d: chrono::Duration) {
        self.clock.advance(d);
        self.wake();
    }

    pub fn set_time(&self, t: DateTime<Utc>) {
        self.clock.set(t);
        self.wake();
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        self.kill();
    }
}

/// `MIMAMORI_TEST_LOG=debug cargo test …` shows the service's logs for a failing test.
fn init_logs() {
    if let Ok(filter) = std::env::var("MIMAMORI_TEST_LOG") {
        let _ = tracing_subscriber::fmt()
            .with_env_filter(filter)
            .with_test_writer()
            .try_init();
    }
}

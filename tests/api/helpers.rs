//! The test harness: the real app on port 0, wiremock standing in for LINE and Telegram, one
//! fresh database per test (SQLite file, or a PostgreSQL database created and dropped), and a
//! clock the test moves.

use std::io::Write;
use std::sync::{Arc, Once};
use std::time::Duration;

use chrono::{DateTime, Utc};
use mimamori::app::{App, Loops, Running};
use mimamori::clock::ManualClock;
use mimamori::config::{Config, Sources};
use serde_json::{Value, json};
use sqlx::AnyPool;
use wiremock::matchers::{method, path, path_regex};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

pub const LINE_SECRET: &str = "line-test-secret";
pub const TELEGRAM_SECRET: &str = "tg_test-secret";
pub const TELEGRAM_TOKEN: &str = "123456:TEST";
pub const CENTRE_PHONE: &str = "03-1234-5678";

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// Runs a test body on both engines: `both_engines!(name);` next to `async fn name(engine)`.
#[macro_export]
macro_rules! both_engines {
    ($name:ident) => {
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                super::$name($crate::helpers::Engine::Sqlite).await
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                if $crate::helpers::postgres_url().is_some() {
                    super::$name($crate::helpers::Engine::Postgres).await
                }
            }
        }
    };
}

/// The PostgreSQL server for tests, from `MIMAMORI_TEST_POSTGRES_URL`
/// (e.g. `postgres://postgres@127.0.0.1:5432/postgres`). Without it the PostgreSQL runs are
/// skipped, and that is said on stderr (past the test harness's capture), never silently.
pub fn postgres_url() -> Option<String> {
    static SAID: Once = Once::new();
    let url = std::env::var("MIMAMORI_TEST_POSTGRES_URL")
        .ok()
        .filter(|u| !u.is_empty());
    if url.is_none() {
        SAID.call_once(|| {
            let _ = writeln!(
                std::io::stderr(),
                "\n*** PostgreSQL run SKIPPED: set MIMAMORI_TEST_POSTGRES_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres) to run the suite against PostgreSQL too ***\n"
            );
        });
    }
    url
}

/// A database that exists for one test and is removed afterwards, even if the test panics.
pub struct TestDb {
    pub url: String,
    cleanup: Option<Box<dyn FnOnce() + Send>>,
}

impl TestDb {
    pub async fn create(engine: Engine) -> TestDb {
        let name = format!("mimamori_test_{}", uuid::Uuid::new_v4().simple());
        match engine {
            Engine::Sqlite => {
                let file = std::env::temp_dir().join(format!("{name}.db"));
                let url = format!("sqlite://{}", file.display());
                TestDb {
                    url,
                    cleanup: Some(Box::new(move || {
                        for suffix in ["", "-wal", "-shm"] {
                            let _ = std::fs::remove_file(format!("{}{suffix}", file.display()));
                        }
                    })),
                }
            }
            Engine::Postgres => {
                let admin = postgres_url().expect("PostgreSQL URL");
                sqlx::any::install_default_drivers();
                let pool = AnyPool::connect(&admin).await.expect("connect to PostgreSQL");
                sqlx::query(&format!("CREATE DATABASE {name}"))
                    .execute(&pool)
                    .await
                    .expect("create test database");
                pool.close().await;
                let base = admin
                    .rsplit_once('/')
                    .map(|(b, _)| b.to_string())
                    .unwrap_or(admin.clone());
                let url = format!("{base}/{name}");
                TestDb {
                    url,
                    cleanup: Some(Box::new(move || {
                        // Drop runs outside any runtime we may block: use a thread of its own
                        let _ = std::thread::spawn(move || {
                            let rt = tokio::runtime::Builder::new_current_thread().enable_all().build();
                            if let Ok(rt) = rt {
                                rt.block_on(async {
                                    if let Ok(pool) = AnyPool::connect(&admin).await {
                                        let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                                            .execute(&pool)
                                            .await;
                                        pool.close().await;
                                    }
                                });
                            }
                        })
                        .join();
                    })),
                }
            }
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Some(f) = self.cleanup.take() {
            f();
        }
    }
}

pub struct TestApp {
    pub line: MockServer,
    pub telegram: MockServer,
    pub clock: ManualClock,
    pub http: reqwest::Client,
    pub running: Option<Running>,
    pub base: String,
    // dropped last: the database outlives the app
    pub db: TestDb,
}

/// What the user saw: one message sent by the bot.
#[derive(Debug, Clone)]
pub struct Sent {
    /// `reply`, `push`, `sendMessage`, `answerCallbackQuery`
    pub via: String,
    pub to: Option<String>,
    pub text: String,
    pub buttons: Vec<(String, String)>,
    pub retry_key: Option<String>,
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
        .and(path_regex("^/v2/bot/message/(reply|push)$"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({})))
        .mount(line)
        .await;
    Mock::given(method("GET"))
        .and(path_regex("^/v2/bot/profile/.*$"))
        .respond_with(ResponseTemplate::new(404).set_body_json(json!({"message": "Not found"})))
        .mount(line)
        .await;
    Mock::given(method("POST"))
        .and(path_regex("^/bot.*/(sendMessage|answerCallbackQuery)$"))
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

    /// Another instance of the service on the same database, clock and platforms.
    pub async fn second_instance(&self) -> Running {
        let config = test_config(&self.db.url, &self.line, &self.telegram, &[]);
        let app = App::build(config, Arc::new(self.clock.clone()))
            .await
            .expect("second app builds");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        app.start(listener, Loops::default()).expect("second app starts")
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

    // ---- the staff side: the real CLI -------------------------------------------------------

    /// Runs `mimamori <args>` against this test's database.
    pub fn cli(&self, args: &[&str]) -> std::process::Output {
        std::process::Command::new(env!("CARGO_BIN_EXE_mimamori"))
            .args(args)
            .env("MIMAMORI_DATABASE_URL", &self.db.url)
            .env("MIMAMORI_TELEGRAM_BOT_TOKEN", TELEGRAM_TOKEN)
            .env("MIMAMORI_TELEGRAM_WEBHOOK_SECRET", TELEGRAM_SECRET)
            .env("MIMAMORI_TELEGRAM_BOT_USERNAME", "mimamori_test_bot")
            .env("MIMAMORI_LOG", "warn")
            .output()
            .expect("run the mimamori binary")
    }

    /// Registers a patient through the CLI; returns (patient id, enrolment code).
    pub fn add_patient(&self, name: &str, extra: &[&str]) -> (i64, String) {
        // onset two days before the test's clock, so the rules see an early-stage patient
        // whatever day the suite runs
        let onset = {
            use mimamori::clock::Clock;
            (self.clock.now() - chrono::Duration::days(2))
                .with_timezone(&chrono_tz::Asia::Tokyo)
                .date_naive()
                .to_string()
        };
        let mut args = vec![
            "patient",
            "add",
            "--name",
            name,
            "--phone",
            "090-1234-5678",
            "--birth-date",
            "1980-04-01",
        ];
        if !extra.contains(&"--onset-date") {
            args.extend_from_slice(&["--onset-date", &onset]);
        }
        args.push("--json");
        args.extend_from_slice(extra);
        let out = self.cli(&args);
        assert!(
            out.status.success(),
            "patient add failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
        (
            v["patient_id"].as_i64().expect("patient_id"),
            v["enrolment_code"].as_str().expect("enrolment_code").to_string(),
        )
    }

    /// Registers a patient and enrols their LINE chat with the code; returns (patient id, texts
    /// sent so far, the welcome included).
    pub async fn enrol_line(&self, user: &str, name: &str, extra: &[&str]) -> (i64, usize) {
        let (id, code) = self.add_patient(name, extra);
        self.line_text(user, &code).await;
        self.settle().await;
        (id, self.texts().await.len())
    }

    /// The same on Telegram, in English.
    pub async fn enrol_telegram(&self, chat: i64, name: &str, extra: &[&str]) -> (i64, usize) {
        let mut args = vec!["--language", "en"];
        args.extend_from_slice(extra);
        let (id, code) = self.add_patient(name, &args);
        self.tg_text(chat, &code, Some("en")).await;
        self.settle().await;
        (id, self.texts().await.len())
    }

    /// `mimamori patient show --json`: the patient, their reports (newest first), questions.
    pub fn patient_json(&self, patient: i64) -> Value {
        let out = self.cli(&["patient", "show", &patient.to_string(), "--json"]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout).expect("json")
    }

    // ---- the patient side: signed webhooks --------------------------------------------------

    pub async fn post_line_raw(&self, body: &[u8], signature: Option<&str>) -> reqwest::Response {
        let mut req = self
            .http
            .post(format!("{}/webhooks/line", self.base))
            .header("content-type", "application/json")
            .body(body.to_vec());
        if let Some(s) = signature {
            req = req.header("x-line-signature", s);
        }
        req.send().await.expect("POST /webhooks/line")
    }

    pub async fn post_line(&self, events: Vec<Value>) -> reqwest::Response {
        let body = json!({"destination": "Ubot", "events": events}).to_string();
        let sig = mimamori::channels::line::sign(LINE_SECRET, body.as_bytes());
        self.post_line_raw(body.as_bytes(), Some(&sig)).await
    }

    pub fn line_event(&self, user: &str, kind: &str, extra: Value) -> Value {
        let mut e = json!({
            "type": kind,
            "mode": "active",
            "timestamp": self.clock_ms(),
            "webhookEventId": ulid_like(),
            "deliveryContext": {"isRedelivery": false},
            "source": {"type": "user", "userId": user},
            "replyToken": format!("rt-{}", uuid::Uuid::new_v4().simple()),
        });
        if let (Some(obj), Some(more)) = (e.as_object_mut(), extra.as_object()) {
            for (k, v) in more {
                obj.insert(k.clone(), v.clone());
            }
        }
        e
    }

    pub fn line_text_event(&self, user: &str, text: &str) -> Value {
        self.line_event(
            user,
            "message",
            json!({"message": {"type": "text", "id": "1", "text": text}}),
        )
    }

    pub async fn line_text(&self, user: &str, text: &str) {
        let r = self.post_line(vec![self.line_text_event(user, text)]).await;
        assert_eq!(r.status(), 200);
    }

    pub async fn line_postback(&self, user: &str, data: &str) {
        let e = self.line_event(user, "postback", json!({"postback": {"data": data}}));
        assert_eq!(self.post_line(vec![e]).await.status(), 200);
    }

    pub async fn post_telegram_raw(&self, body: &[u8], secret: Option<&str>) -> reqwest::Response {
        let mut req = self
            .http
            .post(format!("{}/webhooks/telegram", self.base))
            .header("content-type", "application/json")
            .body(body.to_vec());
        if let Some(s) = secret {
            req = req.header("x-telegram-bot-api-secret-token", s);
        }
        req.send().await.expect("POST /webhooks/telegram")
    }

    pub async fn post_telegram(&self, update: Value) -> reqwest::Response {
        self.post_telegram_raw(update.to_string().as_bytes(), Some(TELEGRAM_SECRET))
            .await
    }

    pub async fn tg_text(&self, chat: i64, text: &str, lang: Option<&str>) {
        let mut from = json!({"id": chat, "is_bot": false, "first_name": "Test"});
        if let Some(l) = lang {
            from["language_code"] = json!(l);
        }
        let update = json!({"update_id": next_update_id(), "message": {
            "message_id": next_update_id(), "date": self.clock.now_secs(),
            "chat": {"id": chat, "type": "private", "first_name": "Test"},
            "from": from, "text": text}});
        assert_eq!(self.post_telegram(update).await.status(), 200);
    }

    pub async fn tg_press(&self, chat: i64, data: &str) -> String {
        let id = format!("cq{}", next_update_id());
        let update = json!({"update_id": next_update_id(), "callback_query": {
            "id": id, "chat_instance": "ci", "data": data,
            "from": {"id": chat, "is_bot": false, "first_name": "Test"},
            "message": {"message_id": 1, "date": self.clock.now_secs(),
                        "chat": {"id": chat, "type": "private", "first_name": "Test"}, "text": "question"}}});
        assert_eq!(self.post_telegram(update).await.status(), 200);
        id
    }

    pub fn clock_ms(&self) -> i64 {
        use mimamori::clock::Clock;
        self.clock.now().timestamp_millis()
    }

    // ---- what happened ----------------------------------------------------------------------

    /// Every message the bot sent, in order, over both platforms.
    pub async fn sent(&self) -> Vec<Sent> {
        let mut out = Vec::new();
        for r in self.line.received_requests().await.unwrap_or_default() {
            let p = r.url.path().to_string();
            let via = match p.as_str() {
                "/v2/bot/message/reply" => "reply",
                "/v2/bot/message/push" => "push",
                _ => continue,
            };
            let body: Value = serde_json::from_slice(&r.body).unwrap_or(Value::Null);
            for m in body["messages"].as_array().cloned().unwrap_or_default() {
                out.push(Sent {
                    via: via.into(),
                    to: body["to"].as_str().map(str::to_string),
                    text: m["text"].as_str().unwrap_or("").to_string(),
                    buttons: m["quickReply"]["items"]
                        .as_array()
                        .map(|items| {
                            items
                                .iter()
                                .map(|i| {
                                    (
                                        i["action"]["label"].as_str().unwrap_or("").to_string(),
                                        i["action"]["data"].as_str().unwrap_or("").to_string(),
                                    )
                                })
                                .collect()
                        })
                        .unwrap_or_default(),
                    retry_key: header(&r, "x-line-retry-key"),
                });
            }
        }
        for r in self.telegram.received_requests().await.unwrap_or_default() {
            let method = r.url.path().rsplit('/').next().unwrap_or("").to_string();
            let body: Value = serde_json::from_slice(&r.body).unwrap_or(Value::Null);
            out.push(Sent {
                via: method,
                to: body["chat_id"]
                    .as_str()
                    .map(str::to_string)
                    .or_else(|| body["callback_query_id"].as_str().map(str::to_string)),
                text: body["text"].as_str().unwrap_or("").to_string(),
                buttons: body["reply_markup"]["inline_keyboard"]
                    .as_array()
                    .map(|rows| {
                        rows.iter()
                            .flat_map(|r| r.as_array().cloned().unwrap_or_default())
                            .map(|b| {
                                (
                                    b["text"].as_str().unwrap_or("").to_string(),
                                    b["callback_data"].as_str().unwrap_or("").to_string(),
                                )
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
                retry_key: None,
            });
        }
        out
    }

    /// Texts sent so far (not callback answers).
    pub async fn texts(&self) -> Vec<String> {
        self.sent()
            .await
            .into_iter()
            .filter(|s| s.via != "answerCallbackQuery")
            .map(|s| s.text)
            .collect()
    }

    /// Texts sent to one chat (LINE user id or Telegram chat id).
    pub async fn texts_to(&self, chat: &str) -> Vec<String> {
        self.sent()
            .await
            .into_iter()
            .filter(|s| s.via != "answerCallbackQuery" && s.to.as_deref() == Some(chat))
            .map(|s| s.text)
            .collect()
    }

    /// Polls `probe` until it finds something, for up to 10 s (the loops run for real; nothing
    /// sleeps on a timer, we poll for the effect). Every wait of the suite goes through here.
    pub async fn eventually<T, F, Fut>(&self, what: impl std::fmt::Display, probe: F) -> T
    where
        F: Fn() -> Fut,
        Fut: std::future::Future<Output = Option<T>>,
    {
        for _ in 0..400 {
            if let Some(found) = probe().await {
                return found;
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        panic!("timed out waiting for {what}");
    }

    /// Waits until `n` texts have been sent in all.
    pub async fn wait_for_texts(&self, n: usize) -> Vec<String> {
        let what = format!("{n} messages (so far: {:#?})", self.texts().await);
        self.eventually(what, || async {
            let texts = self.texts().await;
            (texts.len() >= n).then_some(texts)
        })
        .await
    }

    /// Waits until `cond` holds on the database.
    pub async fn wait_until<F, Fut>(&self, what: &str, cond: F)
    where
        F: Fn(AnyPool) -> Fut,
        Fut: std::future::Future<Output = bool>,
    {
        self.eventually(what, || async { cond(self.pool()).await.then_some(()) })
            .await
    }

    /// Waits until the count `sql` selects is `n`.
    pub async fn wait_count(&self, what: &str, sql: &str, n: i64) {
        self.wait_until(what, |pool| async move {
            sqlx::query_scalar::<_, i64>(sql).fetch_one(&pool).await.ok() == Some(n)
        })
        .await;
    }

    /// Waits until every stored event is handled and the outbox is empty of due work.
    pub async fn settle(&self) {
        let now = self.clock_ms();
        self.wait_until(
            "events are processed and no outbox row is due",
            move |pool| async move {
                let pending: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM inbound_events WHERE status = 'pending'")
                    .fetch_one(&pool)
                    .await
                    .unwrap_or(1);
                let due: i64 = sqlx::query_scalar(
                    "SELECT COUNT(*) FROM outbox WHERE status = 'pending' AND next_attempt_at <= $1",
                )
                .bind(now)
                .fetch_one(&pool)
                .await
                .unwrap_or(1);
                pending == 0 && due == 0
            },
        )
        .await;
    }

    /// Waits until every stored event is handled (the dispatcher may be off).
    pub async fn settle_events(&self) {
        self.wait_until("events are processed", |pool| async move {
            sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM inbound_events WHERE status = 'pending'")
                .fetch_one(&pool)
                .await
                .unwrap_or(1)
                == 0
        })
        .await;
    }

    pub async fn scalar_i64(&self, sql: &str) -> i64 {
        sqlx::query_scalar(sql).fetch_one(&self.pool()).await.expect(sql)
    }

    pub async fn scalar_str(&self, sql: &str) -> Option<String> {
        sqlx::query_scalar(sql).fetch_optional(&self.pool()).await.expect(sql)
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        self.kill();
    }
}

trait NowSecs {
    fn now_secs(&self) -> i64;
}

impl NowSecs for ManualClock {
    fn now_secs(&self) -> i64 {
        use mimamori::clock::Clock;
        self.now().timestamp()
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

fn header(r: &Request, name: &str) -> Option<String> {
    r.headers.get(name).and_then(|v| v.to_str().ok()).map(str::to_string)
}

fn ulid_like() -> String {
    uuid::Uuid::new_v4().simple().to_string().to_uppercase()[..26].to_string()
}

fn next_update_id() -> i64 {
    use std::sync::atomic::{AtomicI64, Ordering};
    static NEXT: AtomicI64 = AtomicI64::new(1000);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// Mounts a LINE push answer for the next `times` calls (wiremock picks the first match).
pub async fn line_push_answers(server: &MockServer, status: u16, body: Value, times: u64) {
    line_push_answers_to(server, None, status, body, times).await;
}

/// [`line_push_answers`] for pushes to one user only (`to`), or to anyone.
pub async fn line_push_answers_to(server: &MockServer, to: Option<&str>, status: u16, body: Value, times: u64) {
    let mock = Mock::given(method("POST")).and(path("/v2/bot/message/push"));
    let mock = match to {
        Some(user) => mock.and(wiremock::matchers::body_partial_json(serde_json::json!({ "to": user }))),
        None => mock,
    };
    mock.respond_with(ResponseTemplate::new(status).set_body_json(body))
        .up_to_n_times(times)
        .with_priority(1)
        .mount(server)
        .await;
}

/// Writes a roster file for a test and returns its path (`name` keeps tests apart).
pub fn roster_file(name: &str, text: &str) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!("mimamori-roster-{}-{name}.toml", std::process::id()));
    std::fs::write(&path, text).expect("write the roster file");
    path
}

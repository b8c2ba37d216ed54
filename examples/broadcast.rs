//! Broadcast benchmark (not a test): the real service, in this process, on a fresh SQLite file,
//! sends one notice to `--line` LINE and `--telegram` Telegram recipients through stand-ins of
//! both APIs that enforce their documented rate limits (LINE multicast: `--line-rate` requests a
//! second; Telegram: `--telegram-rate` messages a second, 429 with `retry_after` beyond). It
//! reports the time against the platforms' floor, the CPU and peak memory of the process, and
//! how long a patient's report sent mid-broadcast waited for its answer.
//!
//! ```sh
//! cargo run --release --example broadcast -- --line 100000 --telegram 20000
//! cargo run --release --example broadcast -- --database postgres://postgres@127.0.0.1/bench …
//! ```

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use clap::Parser;
use mimamori::care::broadcast::{self, Draft};
use mimamori::care::context::Ctx;
use mimamori::channels::Platform;
use mimamori::clock::{Clock, SystemClock};
use mimamori::domain::broadcast::{Audience, BroadcastStatus, Segment};
use mimamori::store::{broadcasts, chats, patients};
use serde_json::{Value, json};

#[derive(Parser)]
struct Args {
    #[arg(long, default_value_t = 100_000)]
    line: u64,
    #[arg(long, default_value_t = 2_000)]
    telegram: u64,
    /// LINE's multicast limit, requests a second.
    #[arg(long, default_value_t = 200)]
    line_rate: u64,
    /// Telegram's global limit, messages a second.
    #[arg(long, default_value_t = 30)]
    telegram_rate: u64,
    /// An empty database to run on (default: a fresh SQLite file).
    #[arg(long)]
    database: Option<String>,
}

/// A fixed one-second window limit, as the stand-ins enforce it.
struct Window {
    limit: u64,
    at: Mutex<(Instant, u64)>,
}

impl Window {
    fn take(&self) -> bool {
        let mut w = self.at.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if w.0.elapsed() >= Duration::from_secs(1) {
            *w = (Instant::now(), 0);
        }
        w.1 += 1;
        w.1 <= self.limit
    }
}

struct Stand {
    line: Window,
    telegram: Window,
    line_copies: AtomicU64,
    telegram_copies: AtomicU64,
    refused: AtomicU64,
    /// When each probe report's answer arrived, by its reply token.
    answered: Mutex<std::collections::HashMap<String, Instant>>,
}

async fn multicast(State(s): State<Arc<Stand>>, Json(body): Json<Value>) -> (StatusCode, Json<Value>) {
    if !s.line.take() {
        s.refused.fetch_add(1, Ordering::Relaxed);
        return (
            StatusCode::TOO_MANY_REQUESTS,
            Json(json!({"message": "Too many requests"})),
        );
    }
    let n = body["to"].as_array().map_or(0, Vec::len) as u64;
    s.line_copies.fetch_add(n, Ordering::Relaxed);
    (StatusCode::OK, Json(json!({})))
}

async fn reply(State(s): State<Arc<Stand>>, Json(body): Json<Value>) -> Json<Value> {
    if let Some(token) = body["replyToken"].as_str().filter(|t| t.starts_with("probe")) {
        let mut a = s.answered.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        a.entry(token.to_string()).or_insert_with(Instant::now);
    }
    Json(json!({}))
}

async fn send_message(State(s): State<Arc<Stand>>) -> (StatusCode, Json<Value>) {
    if !s.telegram.take() {
        s.refused.fetch_add(1, Ordering::Relaxed);
        let body = json!({"ok": false, "error_code": 429, "description": "Too Many Requests",
                          "parameters": {"retry_after": 1}});
        return (StatusCode::TOO_MANY_REQUESTS, Json(body));
    }
    s.telegram_copies.fetch_add(1, Ordering::Relaxed);
    (StatusCode::OK, Json(json!({"ok": true, "result": {"message_id": 1}})))
}

/// Peak resident memory of this process (Linux `VmHWM`), in MiB.
fn peak_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb: f64 = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()?;
    Some(kb / 1024.0)
}

/// CPU time of this process so far, in seconds (Linux `/proc/self/stat`).
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let v: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: u64 = v.get(11)?.parse::<u64>().ok()? + v.get(12)?.parse::<u64>().ok()?;
    Some(ticks as f64 / 100.0)
}

async fn seed(db: &mimamori::store::Db, platform: Platform, prefix: &str, n: u64) -> anyhow::Result<()> {
    let now = chrono::Utc::now();
    let day = now.date_naive() - chrono::Duration::days(3);
    for chunk in (0..n).collect::<Vec<_>>().chunks(1000) {
        let mut tx = db.begin().await?;
        for i in chunk {
            let name = format!("{prefix}{i}");
            let p = patients::NewPatient {
                name: &name,
                phone: "090-0000-0000",
                birth_date: day - chrono::Duration::days(40 * 365),
                onset_date: day,
                test_date: None,
                language: Some("ja"),
                risk_factors: String::new(),
                area: Some("Nerima"),
                asymptomatic: false,
                family_doctor_id: None,
                pharmacy_id: None,
                independent: None,
                address: None,
            };
            let id = patients::insert(&mut tx, &p, now).await?;
            let external = match platform {
                Platform::Line => format!("U{prefix}{i}"),
                Platform::Telegram => format!("{}", 1_000_000 + i),
            };
            let chat = chats::upsert(&mut tx, platform, &external, now).await?;
            chats::bind(&mut tx, chat.id, id).await?;
        }
        tx.commit().await?;
    }
    Ok(())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let stand = Arc::new(Stand {
        line: Window {
            limit: args.line_rate,
            at: Mutex::new((Instant::now(), 0)),
        },
        telegram: Window {
            limit: args.telegram_rate,
            at: Mutex::new((Instant::now(), 0)),
        },
        line_copies: AtomicU64::new(0),
        telegram_copies: AtomicU64::new(0),
        refused: AtomicU64::new(0),
        answered: Mutex::new(Default::default()),
    });
    let api = axum::Router::new()
        .route("/v2/bot/message/multicast", axum::routing::post(multicast))
        .route("/v2/bot/message/reply", axum::routing::post(reply))
        .route("/v2/bot/message/push", axum::routing::post(reply))
        .route("/bot{token}/sendMessage", axum::routing::post(send_message))
        .fallback(|| async { Json(json!({"ok": true, "type": "none", "totalUsage": 0})) })
        .with_state(stand.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let stand_url = format!("http://{}", listener.local_addr()?);
    tokio::spawn(async move { axum::serve(listener, api).await });

    let dir = std::env::temp_dir().join(format!("mimamori-broadcast-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let vars = [
        (
            "MIMAMORI_DATABASE_URL",
            args.database
                .clone()
                .unwrap_or_else(|| format!("sqlite://{}/bench.db?mode=rwc", dir.display())),
        ),
        ("MIMAMORI_LINE_CHANNEL_SECRET", "bench-secret-bench".into()),
        ("MIMAMORI_LINE_CHANNEL_ACCESS_TOKEN", "bench-token".into()),
        ("MIMAMORI_LINE_API_URL", stand_url.clone()),
        ("MIMAMORI_TELEGRAM_BOT_TOKEN", "1:bench".into()),
        ("MIMAMORI_TELEGRAM_WEBHOOK_SECRET", "bench-secret-bench".into()),
        ("MIMAMORI_TELEGRAM_API_URL", stand_url.clone()),
        ("MIMAMORI_BROADCAST_APPROVAL_OVER", "100000000".into()),
    ];
    let sources = mimamori::config::Sources::from_vars(vars.iter().map(|(k, v)| (k.to_string(), v.clone())))?;
    let config = mimamori::config::Config::load(&sources)?;
    let app = mimamori::app::App::build(config, Arc::new(SystemClock)).await?;
    let started = Instant::now();
    seed(&app.state.db, Platform::Line, "bench", args.line).await?;
    seed(&app.state.db, Platform::Telegram, "tg", args.telegram).await?;
    seed(&app.state.db, Platform::Line, "probe", 1).await?;
    println!(
        "seeded {} LINE and {} Telegram patients in {:.1} s",
        args.line,
        args.telegram,
        started.elapsed().as_secs_f64()
    );
    let state = app.state.clone();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let running = app.start(listener, mimamori::app::Loops::default())?;
    let service = format!("http://{}", running.addr);

    let staff_id: i64 = {
        let mut tx = state.db.begin().await?;
        let id = sqlx::query_scalar(
            "INSERT INTO staff (name, role, token_hash, created_at) VALUES ('bench', 'staff', 'bench', 0) RETURNING id",
        )
        .fetch_one(&mut **tx)
        .await?;
        tx.commit().await?;
        id
    };
    let cpu_before = cpu_seconds();
    let t0 = Instant::now();
    let id = {
        let mut tx = state.db.begin().await?;
        let who = mimamori::store::staff::get(&mut tx, staff_id)
            .await?
            .ok_or_else(|| anyhow::anyhow!("no staff"))?;
        let ctx = Ctx {
            config: &state.config,
            locales: &state.locales,
            now: SystemClock.now(),
        };
        let draft = Draft {
            title: "お知らせ".into(),
            texts: [("ja".to_string(), "保健所の電話番号が変わりました".to_string())].into(),
            fallback: None,
            check_in_button: true,
            segment: Segment::everyone(Audience::Patients),
            send_at: None,
        };
        let id = broadcast::compose(&mut tx, &ctx, &who, draft)
            .await?
            .map_err(|r| anyhow::anyhow!("{r:?}"))?;
        broadcast::send(&mut tx, &ctx, &who, id, None)
            .await?
            .map_err(|r| anyhow::anyhow!("{r:?}"))?;
        tx.commit().await?;
        state.wake_broadcasts.notify_one();
        id
    };
    // a patient reports every 10 s while the broadcast goes out: how long until each answer?
    let mut probes: Vec<(String, Instant)> = Vec::new();
    let client = reqwest::Client::new();
    loop {
        tokio::time::sleep(Duration::from_millis(200)).await;
        let next = Duration::from_secs(1 + 10 * probes.len() as u64);
        if t0.elapsed() > next {
            let token = format!("probe{}", probes.len());
            let body = json!({"destination": "bench", "events": [{
                "type": "message", "mode": "active", "timestamp": chrono::Utc::now().timestamp_millis(),
                "webhookEventId": uuid::Uuid::new_v4().to_string(), "replyToken": token,
                "source": {"type": "user", "userId": "Uprobe0"},
                "deliveryContext": {"isRedelivery": false},
                "message": {"type": "text", "id": token, "text": "SpO2 97 36.5"}}]})
            .to_string();
            let signature = mimamori::channels::line::sign("bench-secret-bench", body.as_bytes());
            client
                .post(format!("{service}/webhooks/line"))
                .header("x-line-signature", signature)
                .header("content-type", "application/json")
                .body(body)
                .send()
                .await?;
            probes.push((token, Instant::now()));
        }
        let mut conn = state.db.pool.acquire().await?;
        let b = broadcasts::get(&mut conn, id).await?;
        if b.is_some_and(|b| b.status != BroadcastStatus::Sending && b.status != BroadcastStatus::Scheduled) {
            break;
        }
    }
    let elapsed = t0.elapsed().as_secs_f64();
    // the last probe's answer, if it is still on its way
    tokio::time::sleep(Duration::from_secs(2)).await;
    let cpu = match (cpu_before, cpu_seconds()) {
        (Some(a), Some(b)) => format!("{:.1} s", b - a),
        _ => "?".into(),
    };
    let line_floor = args.line.div_ceil(500) as f64 / args.line_rate as f64;
    let telegram_floor = args.telegram as f64 / args.telegram_rate as f64;
    let floor = line_floor.max(telegram_floor);
    let answered = {
        let seen = stand.answered.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let mut waits: Vec<f64> = probes
            .iter()
            .filter_map(|(token, sent)| seen.get(token).map(|a| a.duration_since(*sent).as_secs_f64() * 1000.0))
            .collect();
        waits.sort_by(f64::total_cmp);
        match (waits.get(waits.len() / 2), waits.last()) {
            (Some(p50), Some(max)) => format!(
                "{} of {} answered, p50 {p50:.0} ms, max {max:.0} ms",
                waits.len(),
                probes.len()
            ),
            _ => format!("0 of {} answered", probes.len()),
        }
    };
    println!(
        "broadcast to {} LINE + {} Telegram: {elapsed:.1} s against a floor of {floor:.1} s ({:.2}×); \
         LINE copies {}, Telegram copies {}, 429s {}; process CPU {cpu}, peak memory {:.0} MiB; \
         patients' reports mid-broadcast (one every 10 s): {answered}",
        args.line,
        args.telegram,
        elapsed / floor,
        stand.line_copies.load(Ordering::Relaxed),
        stand.telegram_copies.load(Ordering::Relaxed),
        stand.refused.load(Ordering::Relaxed),
        peak_mib().unwrap_or(0.0),
    );
    running.stop().await;
    let _ = std::fs::remove_dir_all(dir);
    Ok(())
}

//! Crash recovery measured from outside (not a test): the release binary on a fresh SQLite file,
//! a stand-in LINE API, one patient sending `--reports` reports at `--rate` a second; the
//! service is killed with SIGKILL the moment it acknowledges report `--kill-after` (its answer
//! being made or on its way) and started again at once, the
//! webhooks it could not take sent again (as LINE's redelivery does). Reports how long answers
//! stopped, whether every report was answered, and whether any was answered twice.
//!
//! ```sh
//! cargo build --release && cargo run --release --example crash
//! ```

use std::collections::HashMap;
use std::process::{Child, Command};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Json;
use axum::extract::State;
use clap::Parser;
use serde_json::{Value, json};

#[derive(Parser)]
struct Args {
    #[arg(long, default_value_t = 120)]
    reports: usize,
    #[arg(long, default_value_t = 10)]
    rate: u64,
    #[arg(long, default_value_t = 60)]
    kill_after: usize,
    /// The stand-in takes each reply at once but answers it this much later (a slow network):
    /// a kill then lands while replies are in flight.
    #[arg(long, default_value_t = 90)]
    reply_delay_ms: u64,
}

const SECRET: &str = "crash-secret-0123456789";

/// What the stand-in LINE API saw: each reply by its token, and the pushes.
#[derive(Default)]
struct Seen {
    replies: HashMap<String, Vec<Instant>>,
    pushes: Vec<Instant>,
    /// Replies with a token used before (a reply in flight at the kill, tried again).
    reused: usize,
}

type Stand = (Arc<Mutex<Seen>>, Duration);

async fn reply(State((seen, delay)): State<Stand>, Json(body): Json<Value>) -> (axum::http::StatusCode, Json<Value>) {
    let token = body["replyToken"].as_str().unwrap_or_default().to_string();
    let used = {
        let mut seen = seen.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let used = seen.replies.get(&token).is_some_and(|r| !r.is_empty());
        if used {
            seen.reused += 1;
        } else {
            seen.replies.entry(token).or_default().push(Instant::now());
        }
        used
    };
    if used {
        // LINE refuses a token used once
        return (
            axum::http::StatusCode::BAD_REQUEST,
            Json(json!({"message": "Invalid reply token"})),
        );
    }
    tokio::time::sleep(delay).await;
    (axum::http::StatusCode::OK, Json(json!({})))
}

async fn push(State((seen, _)): State<Stand>) -> Json<Value> {
    let mut seen = seen.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    seen.pushes.push(Instant::now());
    Json(json!({}))
}

fn start(binary: &std::path::Path, db: &str, bind: &str, line: &str) -> anyhow::Result<Child> {
    Ok(Command::new(binary)
        .env("MIMAMORI_DATABASE_URL", db)
        .env("MIMAMORI_BIND", bind)
        .env("MIMAMORI_LINE_CHANNEL_SECRET", SECRET)
        .env("MIMAMORI_LINE_CHANNEL_ACCESS_TOKEN", "crash-token")
        .env("MIMAMORI_LINE_API_URL", line)
        .env("MIMAMORI_LOG", "error")
        .spawn()?)
}

/// Posts one signed event until the service takes it (as LINE redelivers).
async fn deliver(client: &reqwest::Client, service: &str, i: usize) -> anyhow::Result<()> {
    let body = json!({"destination": "Ubot", "events": [{
        "type": "message", "mode": "active", "timestamp": chrono::Utc::now().timestamp_millis(),
        "webhookEventId": format!("crash-{i}"), "replyToken": format!("rt-{i}"),
        "source": {"type": "user", "userId": "Ucrash"},
        "deliveryContext": {"isRedelivery": false},
        "message": {"type": "text", "id": i.to_string(), "text": format!("SpO2 97 36.{}", i % 10)}}]})
    .to_string();
    let signature = mimamori::channels::line::sign(SECRET, body.as_bytes());
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        let sent = client
            .post(format!("{service}/webhooks/line"))
            .header("x-line-signature", &signature)
            .header("content-type", "application/json")
            .body(body.clone())
            .send()
            .await;
        if sent.is_ok_and(|r| r.status().is_success()) {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    anyhow::bail!("report {i} was never taken")
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let binary = std::env::current_exe()?
        .parent()
        .and_then(|examples| examples.parent())
        .map(|release| release.join("mimamori"))
        .filter(|b| b.exists())
        .ok_or_else(|| anyhow::anyhow!("build the service first: cargo build --release"))?;
    let seen = Arc::new(Mutex::new(Seen::default()));
    let api = axum::Router::new()
        .route("/v2/bot/message/reply", axum::routing::post(reply))
        .route("/v2/bot/message/push", axum::routing::post(push))
        .fallback(|| async { (axum::http::StatusCode::NOT_FOUND, Json(json!({"message": "Not found"}))) })
        .with_state((seen.clone(), Duration::from_millis(args.reply_delay_ms)));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let line = format!("http://{}", listener.local_addr()?);
    tokio::spawn(async move { axum::serve(listener, api).await });

    let dir = std::env::temp_dir().join(format!("mimamori-crash-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let db_url = format!("sqlite://{}/crash.db", dir.display());
    {
        // the patient, enrolled on LINE, before the service starts
        use mimamori::store::{chats, patients};
        let db = mimamori::store::Db::connect(&db_url).await?;
        let now = chrono::Utc::now();
        let onset = now.date_naive() - chrono::Duration::days(3);
        let mut tx = db.begin().await?;
        let p = patients::NewPatient {
            name: "Crash Test",
            phone: "090-0000-0000",
            birth_date: onset - chrono::Duration::days(40 * 365),
            onset_date: onset,
            test_date: None,
            language: Some("en"),
            risk_factors: String::new(),
            area: None,
            asymptomatic: false,
            family_doctor_id: None,
            pharmacy_id: None,
            independent: None,
            address: None,
        };
        let id = patients::insert(&mut tx, &p, now).await?;
        let chat = chats::upsert(&mut tx, mimamori::channels::Platform::Line, "Ucrash", now).await?;
        chats::bind(&mut tx, chat.id, id).await?;
        tx.commit().await?;
        db.pool.close().await;
    }
    let port = std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
    let bind = format!("127.0.0.1:{port}");
    let service = format!("http://{bind}");
    let client = reqwest::Client::builder().timeout(Duration::from_secs(2)).build()?;
    let mut child = start(&binary, &db_url, &bind, &line)?;
    let mut restarted_at = None;
    let mut sent_at = Vec::new();
    for i in 0..args.reports {
        let t = Instant::now();
        deliver(&client, &service, i).await?;
        sent_at.push(t);
        if i + 1 == args.kill_after {
            // the moment the report is acknowledged: its answer is being made or sent
            child.kill()?; // SIGKILL
            child.wait()?;
            child = start(&binary, &db_url, &bind, &line)?;
            restarted_at = Some(Instant::now());
        }
        tokio::time::sleep(Duration::from_millis(1000 / args.rate.max(1))).await;
    }
    // every answer, or 30 s
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        let answered = seen.lock().map(|s| s.replies.len() + s.pushes.len()).unwrap_or(0);
        if answered >= args.reports {
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    child.kill()?;
    child.wait()?;
    let seen = seen.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let replied = (0..args.reports)
        .filter(|i| seen.replies.contains_key(&format!("rt-{i}")))
        .count();
    let twice = seen.replies.values().filter(|r| r.len() > 1).count();
    let slowest = (0..args.reports)
        .filter_map(|i| {
            let answer = seen.replies.get(&format!("rt-{i}"))?.first()?;
            Some(answer.duration_since(sent_at[i]).as_secs_f64())
        })
        .fold(0.0, f64::max);
    let resumed = restarted_at.and_then(|r| {
        seen.replies
            .values()
            .filter_map(|t| t.first())
            .filter(|t| **t > r)
            .min()
            .map(|first| first.duration_since(r).as_secs_f64())
    });
    println!(
        "{} reports, SIGKILL after {}: {replied} answered by reply, {} pushed, {twice} answered twice \
         ({} reply tried again after the crash and refused as used); first answer {} after the restart; \
         slowest answer {slowest:.1} s after its report",
        args.reports,
        args.kill_after,
        seen.pushes.len(),
        seen.reused,
        resumed.map_or("none".to_string(), |s| format!("{s:.1} s")),
    );
    let _ = std::fs::remove_dir_all(dir);
    Ok(())
}

//! Load generator: sends N signed LINE webhooks at a running mimamori and prints throughput and
//! acknowledgement latency (p50/p99/max). Afterwards it checks through `/metrics` that every
//! acknowledged event was stored.
//!
//! ```text
//! cargo run --release --example load -- --url http://127.0.0.1:8080 --secret SECRET \
//!     --events 20000 --concurrency 32 [--rate 2000] [--stub-line 127.0.0.1:9099]
//! ```
//!
//! `--stub-line` also serves a stand-in LINE API on that address (answering every reply and
//! push with 200), so the service's dispatcher has somewhere to send its answers; start the
//! service with `MIMAMORI_LINE_API_URL=http://127.0.0.1:9099`.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use clap::Parser;
use serde_json::json;

#[derive(Parser)]
struct Args {
    /// Base URL of the running service.
    #[arg(long, default_value = "http://127.0.0.1:8080")]
    url: String,
    /// The LINE channel secret the service is configured with.
    #[arg(long, env = "MIMAMORI_LINE_CHANNEL_SECRET")]
    secret: String,
    /// Webhook events to send (one event per request).
    #[arg(long, default_value_t = 10_000)]
    events: u64,
    /// Requests in flight at once.
    #[arg(long, default_value_t = 32)]
    concurrency: u64,
    /// Target events per second in all (open loop); without it, as fast as the service answers.
    #[arg(long)]
    rate: Option<u64>,
    /// Serve a stand-in LINE API on this address while the test runs.
    #[arg(long)]
    stub_line: Option<String>,
}

async fn stored_count(client: &reqwest::Client, url: &str) -> anyhow::Result<u64> {
    let text = client.get(format!("{url}/metrics")).send().await?.text().await?;
    Ok(text
        .lines()
        .filter(|l| {
            l.starts_with("mimamori_webhook_events_total")
                && l.contains("platform=\"line\"")
                && l.contains("outcome=\"stored\"")
        })
        .filter_map(|l| l.rsplit(' ').next()?.parse::<f64>().ok())
        .sum::<f64>() as u64)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    if let Some(addr) = &args.stub_line {
        let app = axum::Router::new().fallback(|| async { axum::Json(json!({})) });
        let listener = tokio::net::TcpListener::bind(addr).await?;
        tokio::spawn(async move { axum::serve(listener, app).await });
    }
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(args.concurrency as usize)
        .build()?;
    let before = stored_count(&client, &args.url).await?;
    let run = uuid::Uuid::new_v4().simple().to_string();
    let next = Arc::new(AtomicU64::new(0));
    let failures = Arc::new(AtomicU64::new(0));
    let started = Instant::now();
    let per_worker_gap = args
        .rate
        .map(|r| Duration::from_secs_f64(args.concurrency as f64 / r.max(1) as f64));
    let mut workers = tokio::task::JoinSet::new();
    for w in 0..args.concurrency {
        let (client, url, secret, run) = (client.clone(), args.url.clone(), args.secret.clone(), run.clone());
        let (next, failures, total) = (next.clone(), failures.clone(), args.events);
        workers.spawn(async move {
            let mut latencies = Vec::new();
            let mut tick = per_worker_gap.map(|gap| {
                let mut i = tokio::time::interval_at(tokio::time::Instant::now() + gap.mul_f64(w as f64 / 32.0), gap);
                i.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Burst);
                i
            });
            loop {
                let n = next.fetch_add(1, Ordering::Relaxed);
                if n >= total {
                    break;
                }
                if let Some(t) = tick.as_mut() {
                    t.tick().await;
                }
                let body = json!({"destination": "Uload", "events": [{
                    "type": "message", "mode": "active", "timestamp": 0,
                    "webhookEventId": format!("{run}{n:016}"),
                    "deliveryContext": {"isRedelivery": false},
                    "source": {"type": "user", "userId": format!("Uload{}", n % 5000)},
                    "replyToken": format!("rt{n}"),
                    "message": {"type": "text", "id": n.to_string(), "text": "SpO2 96 36.5"}
                }]})
                .to_string();
                let signature = mimamori::channels::line::sign(&secret, body.as_bytes());
                let sent = Instant::now();
                let result = client
                    .post(format!("{url}/webhooks/line"))
                    .header("content-type", "application/json")
                    .header("x-line-signature", signature)
                    .body(body)
                    .send()
                    .await;
                let took = sent.elapsed();
                match result {
                    Ok(r) if r.status().is_success() => latencies.push(took),
                    _ => {
                        failures.fetch_add(1, Ordering::Relaxed);
                    }
                }
            }
            latencies
        });
    }
    let mut latencies = Vec::new();
    while let Some(r) = workers.join_next().await {
        latencies.extend(r?);
    }
    let elapsed = started.elapsed();
    latencies.sort();
    let pct = |p: f64| {
        latencies
            .get(((latencies.len() as f64 * p).ceil() as usize).saturating_sub(1))
            .copied()
            .unwrap_or_default()
    };
    let ok = latencies.len() as u64;
    println!("events sent:      {}", args.events);
    println!("acknowledged 200: {ok}");
    println!("failed:           {}", failures.load(Ordering::Relaxed));
    println!("elapsed:          {:.2} s", elapsed.as_secs_f64());
    println!("throughput:       {:.0} events/s", ok as f64 / elapsed.as_secs_f64());
    println!("ack latency p50:  {:.2} ms", pct(0.50).as_secs_f64() * 1000.0);
    println!("ack latency p99:  {:.2} ms", pct(0.99).as_secs_f64() * 1000.0);
    println!(
        "ack latency max:  {:.2} ms",
        latencies.last().copied().unwrap_or_default().as_secs_f64() * 1000.0
    );
    let after = stored_count(&client, &args.url).await?;
    println!("stored (metrics): {} of {ok} acknowledged", after - before);
    if after - before < ok {
        anyhow::bail!("some acknowledged events were not stored");
    }
    Ok(())
}

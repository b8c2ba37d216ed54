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
//!
//! `--triage DATABASE_URL` is the triage benchmark: it first enrols `--events` patients in the
//! service's database, then each sends one report that the rules route to care (SpO2 96 with
//! chest pain: urgent → oxygen + hospital coordination), and it reports the time from each
//! webhook's arrival to the commit of its assessment, care requests and answer (from the
//! service's `mimamori_event_to_commit_seconds` histogram) and the rate reports were decided at;
//! also the same for the reports committed after the first `--warmup` seconds (2 by default: the
//! steady state, without fresh connections and caches), the CPU the machine and this generator
//! spent per report, and the CPU time the host stole from the machine meanwhile.
//!
//! `--chains DATABASE_URL` is the escalation-chain benchmark: it puts `--events` open home-visit
//! requests in the service's database, each with its chain timer, and 30 roster doctors on
//! LINE; then makes every timer due at the same moment and reports how long the running service
//! takes to advance them all (3 offers each, committed) and to send every offer.

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
    /// Triage benchmark: enrol the patients in this database (the service's) first.
    #[arg(long)]
    triage: Option<String>,
    /// Chain benchmark: open this many requests in this database (the service's) and time them.
    #[arg(long)]
    chains: Option<String>,
    /// Triage benchmark: also report the latency of the reports committed after the first this
    /// many seconds of the load (the steady state, without the service's warm-up).
    #[arg(long, default_value_t = 2.0)]
    warmup: f64,
}

/// The service's histogram of event → commit latency: (upper bound in seconds, cumulative count).
fn commit_histogram(metrics: &str) -> Vec<(f64, u64)> {
    metrics
        .lines()
        .filter(|l| l.starts_with("mimamori_event_to_commit_seconds_bucket"))
        .filter_map(|l| {
            let le = l.split("le=\"").nth(1)?.split('"').next()?;
            let bound = if le == "+Inf" { f64::INFINITY } else { le.parse().ok()? };
            Some((bound, l.rsplit(' ').next()?.parse::<f64>().ok()? as u64))
        })
        .collect()
}

/// The bucket bound under which `q` of the observations between two scrapes fall.
fn quantile(before: &[(f64, u64)], after: &[(f64, u64)], q: f64) -> f64 {
    let deltas: Vec<(f64, u64)> = after
        .iter()
        .map(|(b, n)| {
            (
                *b,
                n - before.iter().find(|(x, _)| x == b).map(|(_, m)| *m).unwrap_or(0),
            )
        })
        .collect();
    let total = deltas.last().map(|d| d.1).unwrap_or(0);
    deltas
        .iter()
        .find(|(_, n)| *n as f64 >= q * total as f64)
        .map(|d| d.0)
        .unwrap_or(f64::NAN)
}

/// Enrols `n` patients with bound LINE chats `U{run}-{i}` directly in the database.
async fn enrol(database_url: &str, run: &str, n: u64, area: Option<&str>) -> anyhow::Result<mimamori::store::Db> {
    use mimamori::store::{chats, patients};
    let db = mimamori::store::Db::connect(database_url).await?;
    let now = chrono::Utc::now();
    let day = now.date_naive() - chrono::Duration::days(20);
    for chunk in (0..n).collect::<Vec<_>>().chunks(500) {
        let mut tx = db.begin().await?;
        for i in chunk {
            let name = format!("bench {i}");
            let p = patients::NewPatient {
                name: &name,
                phone: "090-0000-0000",
                birth_date: day - chrono::Duration::days(40 * 365),
                onset_date: day,
                test_date: None,
                language: Some("ja"),
                risk_factors: String::new(),
                area,
                asymptomatic: false,
                family_doctor_id: None,
                pharmacy_id: None,
                independent: None,
                address: None,
            };
            let id = patients::insert(&mut tx, &p, now).await?;
            let chat = chats::upsert(&mut tx, mimamori::channels::Platform::Line, &format!("U{run}-{i}"), now).await?;
            chats::bind(&mut tx, chat.id, id).await?;
        }
        tx.commit().await?;
    }
    Ok(db)
}

/// The whole machine's CPU time so far, in seconds (Linux `/proc/stat`, in USER_HZ = 1/100 s):
/// busy (user + nice + system + irq + softirq) and stolen by the host. The service, its database
/// and this generator share the machine, so "CPU per report" counts them all; the time stolen
/// tells how much a run was slowed by other guests of the host. `None` elsewhere.
fn machine_cpu_seconds() -> Option<(f64, f64)> {
    let stat = std::fs::read_to_string("/proc/stat").ok()?;
    let cpu = stat.lines().next()?.strip_prefix("cpu ")?;
    let v: Vec<u64> = cpu.split_whitespace().filter_map(|x| x.parse().ok()).collect();
    // user nice system idle iowait irq softirq steal
    let busy = v.first()? + v.get(1)? + v.get(2)? + v.get(5)? + v.get(6)?;
    Some((busy as f64 / 100.0, *v.get(7)? as f64 / 100.0))
}

/// CPU time this generator (and its stand-in LINE API) has used so far, in seconds (Linux
/// `/proc/self/stat`); `None` elsewhere.
fn own_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // the fields after the command name, which is in parentheses
    let v: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: u64 = v.get(11)?.parse::<u64>().ok()? + v.get(12)?.parse::<u64>().ok()?;
    Some(ticks as f64 / 100.0)
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
    let run = uuid::Uuid::new_v4().simple().to_string();
    if let Some(url) = &args.chains {
        return chain_bench(url, &run, args.events).await;
    }
    let triage_db = match &args.triage {
        Some(url) => {
            let started = Instant::now();
            let db = enrol(url, &run, args.events, None).await?;
            println!(
                "enrolled {} patients in {:.1} s",
                args.events,
                started.elapsed().as_secs_f64()
            );
            Some(db)
        }
        None => None,
    };
    let cpu_before = machine_cpu_seconds();
    let own_before = own_cpu_seconds();
    let histogram_before = commit_histogram(&client.get(format!("{}/metrics", args.url)).send().await?.text().await?);
    let before = stored_count(&client, &args.url).await?;
    // the histogram once the warm-up is over (a scrape during the load)
    let warm = {
        let (client, url) = (client.clone(), args.url.clone());
        let after = Duration::from_secs_f64(args.warmup.max(0.0));
        tokio::spawn(async move {
            tokio::time::sleep(after).await;
            let text = client.get(format!("{url}/metrics")).send().await?.text().await?;
            anyhow::Ok(commit_histogram(&text))
        })
    };
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
        let (user_prefix, text) = if args.triage.is_some() {
            (format!("U{run}-"), "SpO2 96 37.0 chest pain")
        } else {
            ("Uload".to_string(), "SpO2 96 36.5")
        };
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
                    "type": "message", "mode": "active", "timestamp": chrono::Utc::now().timestamp_millis(),
                    "webhookEventId": format!("{run}{n:016}"),
                    "deliveryContext": {"isRedelivery": false},
                    "source": {"type": "user", "userId": if user_prefix == "Uload" { format!("Uload{}", n % 5000) } else { format!("{user_prefix}{n}") }},
                    "replyToken": format!("rt{n}"),
                    "message": {"type": "text", "id": n.to_string(), "text": text}
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
    if let Some(db) = triage_db {
        // wait until every report has its decision committed
        let like = format!("U{run}-%");
        let decided = || async {
            sqlx::query_scalar::<_, i64>(
                "SELECT COUNT(*) FROM care_requests c JOIN chats ch ON ch.patient_id = c.patient_id
                 WHERE ch.external_id LIKE $1 AND c.kind = 'oxygen'",
            )
            .bind(&like)
            .fetch_one(&db.pool)
            .await
        };
        // wait on the service's own count of committed events (a scrape costs the database
        // nothing; polling it with a LIKE join competed with the service for the two cores)
        let committed = |h: &[(f64, u64)]| h.last().map_or(0, |b| b.1);
        let base = committed(&histogram_before);
        let waited = Instant::now();
        while waited.elapsed() < Duration::from_secs(300) {
            let now = commit_histogram(&client.get(format!("{}/metrics", args.url)).send().await?.text().await?);
            if committed(&now) >= base + ok {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let span: (i64, i64) = sqlx::query_as(
            "SELECT MIN(e.received_at), MAX(c.created_at) FROM care_requests c
             JOIN chats ch ON ch.patient_id = c.patient_id
             JOIN inbound_events e ON e.chat_key = 'line:' || ch.external_id
             WHERE ch.external_id LIKE $1 AND c.kind = 'oxygen'",
        )
        .bind(&like)
        .fetch_one(&db.pool)
        .await?;
        let n_decided = decided().await? as u64;
        let seconds = ((span.1 - span.0) as f64 / 1000.0).max(0.001);
        let after_hist = commit_histogram(&client.get(format!("{}/metrics", args.url)).send().await?.text().await?);
        println!("decided:          {n_decided} of {ok} reports (assessment + 3 care requests + answer each)");
        println!(
            "decision rate:    {:.0} reports/s (first arrival to last care request)",
            n_decided as f64 / seconds
        );
        if let (Some(before), Some(after)) = (cpu_before, machine_cpu_seconds()) {
            println!(
                "machine CPU:      {:.2} ms per report (service + database + this generator); {:.1} s stolen by the host",
                (after.0 - before.0) * 1000.0 / n_decided.max(1) as f64,
                after.1 - before.1
            );
        }
        if let (Some(before), Some(after)) = (own_before, own_cpu_seconds()) {
            println!(
                "generator CPU:    {:.2} ms per report (this process and its stand-in LINE API)",
                (after - before) * 1000.0 / n_decided.max(1) as f64
            );
        }
        println!(
            "arrival→commit p50: ≤ {:.1} ms",
            quantile(&histogram_before, &after_hist, 0.50) * 1000.0
        );
        println!(
            "arrival→commit p99: ≤ {:.1} ms",
            quantile(&histogram_before, &after_hist, 0.99) * 1000.0
        );
        let warm = warm.await??;
        let committed_warm = committed(&after_hist).saturating_sub(committed(&warm));
        println!(
            "after the first {:.1} s ({committed_warm} reports): p50 ≤ {:.1} ms, p99 ≤ {:.1} ms",
            args.warmup,
            quantile(&warm, &after_hist, 0.50) * 1000.0,
            quantile(&warm, &after_hist, 0.99) * 1000.0
        );
        if n_decided < ok {
            anyhow::bail!("some reports were not decided within 5 minutes");
        }
    }
    Ok(())
}

/// The chain benchmark (see the module's documentation).
async fn chain_bench(database_url: &str, run: &str, n: u64) -> anyhow::Result<()> {
    use mimamori::domain::triage::{Level, Reason, RequestKind};
    use mimamori::store::{care, chats, providers, rosters, timers};
    let area = format!("bench-{run}");
    let started = Instant::now();
    let db = enrol(database_url, run, n, Some(&area)).await?;
    let now = chrono::Utc::now();
    let far = now + chrono::Duration::days(365);
    let mut tx = db.begin().await?;
    let mut entries = Vec::new();
    for i in 0..30 {
        let name = format!("bench doctor {i}");
        let p = providers::NewProvider {
            name: &name,
            role: "doctor",
            phone: "03-0000-0000",
            organisation: None,
            language: Some("ja"),
            areas: std::slice::from_ref(&area),
        };
        let id = providers::insert(&mut tx, &p, now).await?;
        let chat = chats::upsert(&mut tx, mimamori::channels::Platform::Line, &format!("D{run}-{i}"), now).await?;
        chats::bind_provider(&mut tx, chat.id, id).await?;
        for shift in ["day", "holiday", "night"] {
            entries.push(rosters::Entry {
                provider_id: id,
                area: area.clone(),
                shift: shift.to_string(),
                weekdays: String::new(),
            });
        }
    }
    rosters::replace(&mut tx, &entries).await?;
    tx.commit().await?;
    let ids: Vec<i64> = sqlx::query_scalar("SELECT id FROM patients WHERE area = $1 ORDER BY id")
        .bind(&area)
        .fetch_all(&db.pool)
        .await?;
    let reasons = [Reason::new(Level::Moderate, "reason-worse-and-breathing", &[])];
    for chunk in ids.chunks(500) {
        let mut tx = db.begin().await?;
        for patient_id in chunk {
            let new = care::NewRequest {
                patient_id: *patient_id,
                assessment_id: None,
                kind: RequestKind::HomeVisit,
                level: Level::Moderate,
                target_at: now + chrono::Duration::hours(2),
                reasons: &reasons,
                oxygen_routes: None,
            };
            if let care::Opened::New(request) = care::open(&mut tx, &new, now).await? {
                timers::schedule_ref(&mut tx, timers::TimerKind::Chain, *patient_id, request.id, far, now).await?;
            }
        }
        tx.commit().await?;
    }
    println!(
        "seeded {n} open home-visit requests and 30 roster doctors in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    // every chain timer falls due at the same moment
    let due = chrono::Utc::now();
    sqlx::query(
        "UPDATE timers SET due_at = $1 WHERE kind = 'chain' AND status = 'pending'
           AND patient_id IN (SELECT id FROM patients WHERE area = $2)",
    )
    .bind(due.timestamp_millis())
    .bind(&area)
    .execute(&db.pool)
    .await?;
    let clock = Instant::now();
    let count = |sql: &'static str| {
        let (pool, area) = (db.pool.clone(), area.clone());
        async move { sqlx::query_scalar::<_, i64>(sql).bind(area).fetch_one(&pool).await }
    };
    let advanced_sql = "SELECT COUNT(*) FROM care_requests c JOIN patients p ON p.id = c.patient_id
                        WHERE p.area = $1 AND c.chain_step IS NOT NULL";
    let sent_sql = "SELECT COUNT(*) FROM outbox o JOIN chats ch ON ch.id = o.chat_id
                    JOIN roster_entries r ON r.provider_id = ch.provider_id AND r.shift = 'day'
                    WHERE r.area = $1 AND o.status = 'sent'";
    let mut advanced_at = None;
    let deadline = Duration::from_secs(600);
    loop {
        let advanced = count(advanced_sql).await? as u64;
        if advanced_at.is_none() && advanced >= n {
            advanced_at = Some(clock.elapsed());
        }
        let sent = count(sent_sql).await? as u64;
        if advanced_at.is_some() && sent >= 3 * n {
            break;
        }
        if clock.elapsed() > deadline {
            anyhow::bail!(
                "after {deadline:?}: {advanced} of {n} advanced, {sent} of {} offers sent",
                3 * n
            );
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let all_sent = clock.elapsed();
    let advanced = advanced_at.unwrap_or(all_sent);
    println!("requests due at once:  {n}");
    println!(
        "all advanced (3 offers each, committed): {:.2} s  ({:.0} requests/s)",
        advanced.as_secs_f64(),
        n as f64 / advanced.as_secs_f64()
    );
    println!(
        "all {} offers sent to LINE:           {:.2} s  ({:.0} messages/s)",
        3 * n,
        all_sent.as_secs_f64(),
        (3 * n) as f64 / all_sent.as_secs_f64()
    );
    Ok(())
}

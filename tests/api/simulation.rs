//! The wave simulator: small waves whose results are known by hand, run through the real
//! service on both engines, the same seed giving the same run, and the command's report.

use mimamori::simulation::run::{self, Progress};
use mimamori::simulation::scenario::Scenario;
use mimamori::simulation::tally::Tally;
use sqlx::AnyPool;

use crate::both_engines;
use crate::helpers::{Engine, TestDb};

const NERIMA: &str = include_str!("../../scenarios/nerima-2021.toml");

/// The shipped Nerima scenario made small (a few dozen patients, three days), with changes.
fn small(changes: &[(&str, toml::Value)]) -> Scenario {
    let mut s = Scenario::parse(NERIMA).expect("the shipped scenario parses");
    let base: [(&str, toml::Value); 6] = [
        ("days", 3.into()),
        ("arrivals.initial", 12.into()),
        ("arrivals.per_day", toml::Value::Array(vec![6.into()])),
        ("areas", toml::Value::Array(vec!["north".into()])),
        // everyone answers, on time: silence has its own tests elsewhere
        ("answers.late", 0.0.into()),
        ("answers.on_time", 1.0.into()),
    ];
    for (path, value) in base.iter().chain(changes) {
        s = s.with(path, value).unwrap_or_else(|e| panic!("{path}: {e}"));
    }
    s
}

async fn simulate(engine: Engine, scenario: &Scenario) -> (Tally, TestDb) {
    let db = TestDb::create(engine).await;
    let config = run::config(scenario, &db.url, std::path::Path::new(".")).expect("config");
    let quiet = |_: u64| {};
    let tally = run::run(scenario, config, Progress { on_hour: &quiet })
        .await
        .expect("the run completes");
    (tally, db)
}

async fn pool(db: &TestDb) -> AnyPool {
    sqlx::any::install_default_drivers();
    AnyPool::connect(&db.url).await.expect("connect")
}

/// Nobody falls ill beyond mild, and nobody is old or at risk (whom the rules refer for early
/// treatment whatever their course).
fn never_worse() -> Vec<(&'static str, toml::Value)> {
    let young = toml::Value::try_from(vec![mimamori::simulation::scenario::AgeBand {
        from: 20,
        to: 40,
        share: 1.0,
    }])
    .expect("ages");
    vec![
        ("course.moderate1", 0.0.into()),
        ("course.moderate2", 0.0.into()),
        ("course.severe", 0.0.into()),
        ("population.ages", young),
        ("population.risk_factor", 0.0.into()),
    ]
}

async fn without_deterioration_nobody_is_sent_anyone(engine: Engine) {
    let (tally, _db) = simulate(engine, &small(&never_worse())).await;
    assert_eq!(tally.totals.patients, 30, "12 at home and 6 a day for 3 days");
    assert!(
        tally.totals.reports >= 60,
        "two check-ins a day: {}",
        tally.totals.reports
    );
    assert_eq!(tally.totals.requests, 0, "{:?}", tally.kinds);
    assert_eq!(tally.totals.chains_exhausted, 0);
    let worse: u64 = ["moderate", "urgent", "emergency"]
        .iter()
        .filter_map(|l| tally.totals.assessments.get(*l))
        .sum();
    assert_eq!(worse, 0, "{:?}", tally.totals.assessments);
}
both_engines!(without_deterioration_nobody_is_sent_anyone);

async fn patients_who_write_english_or_vietnamese_are_read_in_their_language(engine: Engine) {
    let mut changes = never_worse();
    let mix: toml::Value =
        toml::from_str("languages = [{ lang = 'en', share = 0.5 }, { lang = 'vi', share = 0.5 }]").expect("languages");
    changes.push(("population.languages", mix["languages"].clone()));
    let (tally, db) = simulate(engine, &small(&changes)).await;
    let pool = pool(&db).await;
    let languages: Vec<(String, i64)> =
        sqlx::query_as("SELECT language, COUNT(*) FROM patients GROUP BY language ORDER BY language")
            .fetch_all(&pool)
            .await
            .expect("patients");
    assert_eq!(
        languages.iter().map(|(l, _)| l.as_str()).collect::<Vec<_>>(),
        ["en", "vi"],
        "{languages:?}"
    );
    assert!(
        tally.totals.reports >= 60,
        "two check-ins a day: {}",
        tally.totals.reports
    );
    // every check-in was read whole from what the patient wrote in their language
    let (reports, read): (i64, i64) = sqlx::query_as(
        "SELECT COUNT(*), COALESCE(SUM(CASE WHEN spo2 IS NOT NULL AND temperature IS NOT NULL
                                         AND feeling IS NOT NULL AND symptoms IS NOT NULL THEN 1 ELSE 0 END), 0)
         FROM reports WHERE completed_at IS NOT NULL",
    )
    .fetch_one(&pool)
    .await
    .expect("reports");
    assert!(reports >= 60, "{reports}");
    assert_eq!(read, reports);
    let vietnamese: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM reports r JOIN patients p ON p.id = r.patient_id
         WHERE p.language = 'vi' AND r.source_text LIKE '%nhiệt độ%'",
    )
    .fetch_one(&pool)
    .await
    .expect("reports in Vietnamese");
    assert!(vietnamese > 0);
}
both_engines!(patients_who_write_english_or_vietnamese_are_read_in_their_language);

async fn one_doctor_who_always_accepts_takes_every_request_at_the_first_offer(engine: Engine) {
    let mut changes = vec![
        // everyone falls to moderate I on their first days at home
        ("course.moderate2", 0.0.into()),
        ("course.severe", 0.0.into()),
        ("course.moderate1", 1.0.into()),
        ("course.worst_from_day", toml::Value::Array(vec![2.into(), 3.into()])),
        ("population.family_doctor", 0.0.into()),
        ("roster.doctors", 1.into()),
        ("roster.night_doctors", 1.into()),
        ("roster.pharmacists", 1.into()),
        ("roster.nurses", 1.into()),
        // (the support centre would hand visits to the doctor rather than take them)
        ("roster.support_centre", 0.into()),
        ("providers.decline", 0.0.into()),
        ("providers.accept", 1.0.into()),
        ("providers.answer_minutes", toml::Value::Array(vec![0.into(), 0.into()])),
        ("providers.work_minutes", toml::Value::Array(vec![0.into(), 0.into()])),
    ];
    changes.extend([("population.risk_factor", 0.0.into())]);
    let (tally, db) = simulate(engine, &small(&changes)).await;
    assert!(tally.contact.requests >= 10, "requests were offered: {:?}", tally.kinds);
    let pool = pool(&db).await;
    let offers: Vec<(i64, i64, String)> =
        sqlx::query_as("SELECT care_request_id, step, status FROM offers ORDER BY care_request_id, id")
            .fetch_all(&pool)
            .await
            .expect("offers");
    let mut requests = std::collections::BTreeMap::<i64, Vec<String>>::new();
    for (request, _, status) in &offers {
        requests.entry(*request).or_default().push(status.clone());
    }
    for (request, statuses) in &requests {
        assert_eq!(statuses, &vec!["accepted".to_string()], "request {request}");
    }
    assert_eq!(tally.contact.contacted, tally.contact.requests);
    assert_eq!(tally.contact.overdue, 0);
    assert_eq!(tally.totals.chains_exhausted, 0);
}
both_engines!(one_doctor_who_always_accepts_takes_every_request_at_the_first_offer);

async fn with_no_oxygen_and_no_beds_every_oxygen_need_goes_to_hospital(engine: Engine) {
    let changes = vec![
        ("course.moderate1", 0.0.into()),
        ("course.severe", 0.0.into()),
        ("course.moderate2", 1.0.into()),
        ("course.worst_from_day", toml::Value::Array(vec![2.into(), 3.into()])),
        ("population.risk_factor", 0.0.into()),
        ("stock.concentrators", 0.into()),
        ("stock.cylinders", 0.into()),
        ("stock.regulators", 0.into()),
        ("station.oxygen_beds", 0.into()),
    ];
    let (tally, db) = simulate(engine, &small(&changes)).await;
    let pool = pool(&db).await;
    let oxygen: Vec<(i64, Option<String>)> =
        sqlx::query_as("SELECT patient_id, route FROM care_requests WHERE kind = 'oxygen'")
            .fetch_all(&pool)
            .await
            .expect("oxygen requests");
    assert!(oxygen.len() >= 5, "patients needed oxygen: {:?}", tally.kinds);
    for (patient, route) in &oxygen {
        assert_eq!(route.as_deref(), Some("hospital"), "patient {patient}");
        let coordinated: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM care_requests WHERE kind = 'hospital_coordination' AND patient_id = $1",
        )
        .bind(patient)
        .fetch_one(&pool)
        .await
        .expect("coordination");
        assert!(coordinated > 0, "patient {patient} has hospital coordination");
    }
    assert_eq!(
        tally.totals.oxygen_routes.get("hospital").copied(),
        Some(oxygen.len() as u64)
    );
    assert_eq!(tally.totals.peak_oxygen_out, 0);
}
both_engines!(with_no_oxygen_and_no_beds_every_oxygen_need_goes_to_hospital);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_same_seed_gives_the_same_wave_and_another_seed_another() {
    let scenario = small(&[("answers.on_time", 0.8.into())]);
    let (first, _a) = simulate(Engine::Sqlite, &scenario).await;
    let (again, _b) = simulate(Engine::Sqlite, &scenario).await;
    let json = |t: &Tally| serde_json::to_string(t).expect("json");
    assert_eq!(json(&first), json(&again));
    let other = scenario.with("seed", &7.into()).expect("seed");
    let (different, _c) = simulate(Engine::Sqlite, &other).await;
    assert_ne!(json(&first), json(&different));
}

#[test]
fn the_command_writes_a_report_with_charts_and_a_sweep() {
    let dir = std::env::temp_dir().join(format!("mimamori-sim-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).expect("dir");
    let scenario = small(&[]);
    let file = dir.join("wave.toml");
    std::fs::write(&file, toml::to_string(&scenario).expect("toml")).expect("write");
    let out = dir.join("out");
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_mimamori"))
            .arg("simulate")
            .arg(&file)
            .args(args)
            .output()
            .expect("run mimamori simulate")
    };
    let done = run(&["--out", &out.to_string_lossy(), "--lang", "en", "--quiet"]);
    assert!(done.status.success(), "{}", String::from_utf8_lossy(&done.stderr));
    let html = std::fs::read_to_string(out.join("report.html")).expect("report.html");
    assert!(html.matches("<svg").count() >= 5, "the charts are in the page");
    assert!(html.contains("Patients under observation"));
    assert!(html.contains("The patients who waited longest"));
    let days = std::fs::read_to_string(out.join("days.csv")).expect("days.csv");
    assert_eq!(days.lines().count(), 1 + 3, "a heading and one line a day");
    assert!(days.starts_with("date,peak_under_observation,reports"));
    let hours = std::fs::read_to_string(out.join("hours.csv")).expect("hours.csv");
    assert_eq!(hours.lines().count(), 1 + 3 * 24);
    let tally: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("tally.json")).expect("json")).expect("parses");
    assert_eq!(tally["totals"]["patients"], 30);
    let sweep = dir.join("sweep");
    let done = run(&[
        "--out",
        &sweep.to_string_lossy(),
        "--vary",
        "roster.doctors=1..3:2",
        "--quiet",
    ]);
    assert!(done.status.success(), "{}", String::from_utf8_lossy(&done.stderr));
    let csv = std::fs::read_to_string(sweep.join("sweep.csv")).expect("sweep.csv");
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(rows.len(), 3, "{csv}");
    assert!(rows[0].starts_with("roster.doctors,urgent_requests,urgent_overdue"));
    assert!(rows[1].starts_with("1,") && rows[2].starts_with("3,"), "{csv}");
    let page = std::fs::read_to_string(sweep.join("sweep.html")).expect("sweep.html");
    assert!(page.contains("<svg"));
    assert!(sweep.join("roster.doctors=1").join("report.html").exists());
    let bad = run(&["--vary", "roster.nobody=1..2"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("roster.nobody"));
    let _ = std::fs::remove_dir_all(&dir);
}

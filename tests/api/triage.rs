//! Reports become decisions: the patient is told what happens next and a care request of the
//! right kind exists, with reasons a clinician can check.

use serde_json::Value;

use crate::both_engines;
use crate::helpers::{Engine, TestApp};

async fn enrolled(app: &TestApp, chat: i64, name: &str, extra: &[&str]) -> (i64, usize) {
    let mut args = vec!["--language", "en"];
    args.extend_from_slice(extra);
    let (id, code) = app.add_patient(name, &args);
    app.tg_text(chat, &code, Some("en")).await;
    let n = app.wait_for_texts(2).await.len();
    (id, n)
}

/// (kind, status, urgency, reasons) of a patient's care requests, oldest first.
async fn requests(app: &TestApp, patient: i64) -> Vec<(String, String, i64, Value)> {
    let rows: Vec<(String, String, i64, String)> =
        sqlx::query_as("SELECT kind, status, urgency, reasons FROM care_requests WHERE patient_id = $1 ORDER BY id")
            .bind(patient)
            .fetch_all(&app.pool())
            .await
            .expect("care requests");
    rows.into_iter()
        .map(|(k, s, u, r)| (k, s, u, serde_json::from_str(&r).unwrap_or(Value::Null)))
        .collect()
}

async fn spo2_92_is_remeasured_then_routed_to_oxygen_with_its_reasons(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (id, n) = enrolled(&app, 6001, "Nora", &[]).await;
    app.tg_text(6001, "SpO2 92 37.5", Some("en")).await;
    let texts = app.wait_for_texts(n + 2).await;
    assert!(texts[n + 1].contains("measure your SpO2 again"), "{texts:?}");
    assert!(
        requests(&app, id).await.is_empty(),
        "nothing decided before the re-measure"
    );
    // no answer in 10 minutes: the first reading counts
    app.advance(chrono::Duration::minutes(10));
    let texts = app.wait_for_texts(n + 3).await;
    assert!(
        texts[n + 2].contains("A doctor will call you within 30 minutes"),
        "{texts:?}"
    );
    let reqs = requests(&app, id).await;
    let kinds: Vec<&str> = reqs.iter().map(|r| r.0.as_str()).collect();
    assert_eq!(kinds, vec!["oxygen", "hospital_coordination"]);
    assert_eq!(reqs[0].1, "open");
    assert_eq!(reqs[0].2, 3, "urgent");
    let reason = &reqs[0].3[0];
    assert_eq!(reason["key"], "reason-spo2-at-or-below");
    assert_eq!(reason["args"]["value"], "92");
    assert_eq!(reason["args"]["bound"], "93");
    assert_eq!(reason["args"]["label"], "moderate II");
    let version = app
        .scalar_str(&format!(
            "SELECT ruleset_version FROM assessments WHERE patient_id = {id}"
        ))
        .await;
    assert_eq!(version.as_deref(), Some("mimamori-default-2026.11"));
}
both_engines!(spo2_92_is_remeasured_then_routed_to_oxygen_with_its_reasons);

async fn an_emergency_is_never_delayed_and_opens_hospital_coordination(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (id, n) = enrolled(&app, 6002, "Omar", &[]).await;
    app.tg_text(6002, "SpO2 97 36.8 lips purple", Some("en")).await;
    let texts = app.wait_for_texts(n + 2).await;
    assert!(texts[n].starts_with("Call 119 now"), "{texts:?}");
    assert!(texts[n + 1].contains("alerted"), "{texts:?}");
    let kinds: Vec<String> = requests(&app, id).await.into_iter().map(|r| r.0).collect();
    assert_eq!(kinds, vec!["emergency", "hospital_coordination"]);
    assert_eq!(
        app.scalar_i64(&format!(
            "SELECT COUNT(*) FROM staff_alerts WHERE patient_id = {id} AND kind = 'emergency'"
        ))
        .await,
        1
    );
}
both_engines!(an_emergency_is_never_delayed_and_opens_hospital_coordination);

async fn worse_and_help_are_honoured_in_the_middle_of_a_check_in(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (id, n) = enrolled(&app, 6003, "Pia", &[]).await;
    let due = app
        .scalar_i64(&format!(
            "SELECT due_at FROM timers WHERE patient_id = {id} AND kind = 'check_in' AND status = 'pending'"
        ))
        .await;
    app.set_time(mimamori::store::from_ms(due));
    app.wait_for_texts(n + 2).await;
    app.tg_press(6003, "v:spo2:97").await;
    app.wait_for_texts(n + 4).await;
    app.tg_text(6003, "worse", Some("en")).await;
    let texts = app.wait_for_texts(n + 6).await;
    assert!(
        texts[n + 4].contains("A doctor will call you within 4 hours"),
        "{texts:?}"
    );
    assert!(
        texts[n + 5].contains("What is your temperature?"),
        "the check-in goes on: {texts:?}"
    );
    app.tg_text(6003, "help", Some("en")).await;
    let texts = app.wait_for_texts(n + 8).await;
    assert!(texts[n + 6].contains("within 4 hours"), "{texts:?}");
    let reqs = requests(&app, id).await;
    assert_eq!(reqs.len(), 1, "one phone consultation, not two: {reqs:?}");
    assert_eq!(reqs[0].0, "phone_consultation");
    // the check-in still completes
    app.tg_press(6003, "v:temp:368").await;
    app.settle().await;
    assert!(
        app.texts_to("6003")
            .await
            .last()
            .is_some_and(|t| t.contains("any of these symptoms"))
    );
}
both_engines!(worse_and_help_are_honoured_in_the_middle_of_a_check_in);

async fn feeling_worse_with_harder_breathing_is_a_home_visit_the_same_day(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (id, n) = enrolled(&app, 6004, "Quinn", &[]).await;
    app.tg_text(6004, "I feel worse, it is harder to breathe", Some("en"))
        .await;
    let texts = app.wait_for_texts(n + 1).await;
    assert!(texts[n].contains("within 60 minutes"), "{texts:?}");
    let reqs = requests(&app, id).await;
    assert_eq!(reqs[0].0, "home_visit");
    assert!(
        reqs[0]
            .3
            .as_array()
            .is_some_and(|r| r.iter().any(|r| r["key"] == "reason-worse-and-breathing"))
    );
}
both_engines!(feeling_worse_with_harder_breathing_is_a_home_visit_the_same_day);

async fn a_high_risk_patient_early_in_illness_is_referred_for_treatment(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (id, n) = enrolled(&app, 6005, "Rin", &["--risk", "diabetes"]).await;
    app.tg_text(6005, "SpO2 98 36.9", Some("en")).await;
    let texts = app.wait_for_texts(n + 2).await;
    assert!(texts[n + 1].contains("early treatment"), "{texts:?}");
    let kinds: Vec<String> = requests(&app, id).await.into_iter().map(|r| r.0).collect();
    assert_eq!(kinds, vec!["treatment_referral"]);
}
both_engines!(a_high_risk_patient_early_in_illness_is_referred_for_treatment);

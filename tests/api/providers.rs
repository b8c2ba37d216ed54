//! Staff register providers with the CLI; a provider binds LINE or Telegram with the code, as
//! patients do, and a patient's record can name their family doctor and usual pharmacy.

use serde_json::Value;

use crate::both_engines;
use crate::helpers::{Engine, TestApp, roster_file};

fn add_provider(app: &TestApp, args: &[&str]) -> Value {
    let mut all = vec!["provider", "add"];
    all.extend_from_slice(args);
    all.push("--json");
    let out = app.cli(&all);
    assert!(
        out.status.success(),
        "provider add failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("one JSON object")
}

async fn a_doctor_binds_telegram_with_the_deep_link_and_is_welcomed_in_their_language(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let v = add_provider(
        &app,
        &[
            "--name",
            "Dr Sato",
            "--role",
            "doctor",
            "--phone",
            "03-1234-5678",
            "--area",
            "Nerima",
            "--area",
            "Toshima",
            "--organisation",
            "Sato Clinic",
            "--language",
            "en",
        ],
    );
    let link = v["telegram_link"].as_str().expect("deep link printed");
    let payload = link.rsplit_once("start=").map(|(_, p)| p.to_string()).expect("payload");
    app.tg_text(7001, &format!("/start {payload}"), Some("ja")).await;
    let texts = app.wait_for_texts(1).await;
    assert!(
        texts[0].starts_with("Welcome, Dr Sato.") && texts[0].contains("as a doctor"),
        "welcomed as a doctor in English: {texts:?}"
    );
    // the chat is theirs now: a message gets the provider's answer, not a patient's
    app.tg_text(7001, "hello", None).await;
    let texts = app.wait_for_texts(2).await;
    assert!(
        texts[1].contains("no request waiting"),
        "not asked for readings: {texts:?}"
    );
    // the code is single-use
    app.tg_text(7002, &format!("/start {payload}"), Some("en")).await;
    let texts = app.wait_for_texts(3).await;
    assert!(texts[2].contains("already been used"), "{texts:?}");

    let out = app.cli(&["provider", "list", "--json"]);
    assert!(out.status.success());
    let list: Value = serde_json::from_slice(&out.stdout).expect("json");
    let dr = &list[0];
    assert_eq!(dr["name"], "Dr Sato");
    assert_eq!(dr["organisation"], "Sato Clinic");
    assert_eq!(dr["areas"], serde_json::json!(["Nerima", "Toshima"]));
    assert_eq!(dr["chat"]["platform"], "telegram");
}
both_engines!(a_doctor_binds_telegram_with_the_deep_link_and_is_welcomed_in_their_language);

async fn a_pharmacist_enrols_on_line_in_japanese(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let v = add_provider(
        &app,
        &[
            "--name",
            "高橋薬局 田中",
            "--role",
            "pharmacist",
            "--phone",
            "03-9999-0000",
        ],
    );
    let code = v["enrolment_code"].as_str().expect("code");
    app.line_text("Upharm", code).await;
    let texts = app.wait_for_texts(1).await;
    assert!(
        texts[0].contains("高橋薬局 田中 様") && texts[0].contains("薬剤師"),
        "{texts:?}"
    );
    let bound = app
        .scalar_i64("SELECT COUNT(*) FROM chats WHERE external_id = 'Upharm' AND provider_id IS NOT NULL AND patient_id IS NULL")
        .await;
    assert_eq!(bound, 1);
}
both_engines!(a_pharmacist_enrols_on_line_in_japanese);

async fn a_patient_record_names_a_family_doctor_and_a_usual_pharmacy(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let doctor = add_provider(&app, &["--name", "Dr A", "--role", "doctor", "--phone", "03-1111-2222"]);
    let pharmacy = add_provider(
        &app,
        &[
            "--name",
            "Pharmacy B",
            "--role",
            "pharmacist",
            "--phone",
            "03-3333-4444",
        ],
    );
    let (doctor, pharmacy) = (
        doctor["provider_id"].as_i64().expect("id").to_string(),
        pharmacy["provider_id"].as_i64().expect("id").to_string(),
    );
    // the roles are checked, and the error names the flag
    let out = app.cli(&[
        "patient",
        "add",
        "--name",
        "X",
        "--phone",
        "090-0000-0000",
        "--birth-date",
        "1970-01-01",
        "--onset-date",
        "2026-11-01",
        "--family-doctor",
        &pharmacy,
    ]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--family-doctor") && err.contains("pharmacist"), "{err}");
    let out = app.cli(&[
        "patient",
        "add",
        "--name",
        "X",
        "--phone",
        "090-0000-0000",
        "--birth-date",
        "1970-01-01",
        "--onset-date",
        "2026-11-01",
        "--pharmacy",
        "999",
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--pharmacy: no provider with id 999"));

    let (patient, _) = app.add_patient("山田太郎", &["--family-doctor", &doctor, "--pharmacy", &pharmacy]);
    let stored = app
        .scalar_i64(&format!(
            "SELECT COUNT(*) FROM patients WHERE id = {patient} AND family_doctor_id = {doctor} AND pharmacy_id = {pharmacy}"
        ))
        .await;
    assert_eq!(stored, 1);
}
both_engines!(a_patient_record_names_a_family_doctor_and_a_usual_pharmacy);

fn on_roster(app: &TestApp, area: &str, at: &str) -> (String, Vec<String>) {
    let out = app.cli(&["roster", "show", "--area", area, "--at", at, "--json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    let names = v["providers"]
        .as_array()
        .expect("providers")
        .iter()
        .map(|p| p["name"].as_str().unwrap_or_default().to_string())
        .collect();
    (v["shift"].as_str().unwrap_or_default().to_string(), names)
}

async fn the_roster_says_who_covers_an_area_by_day_on_holidays_and_at_night(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let id = |v: Value| v["provider_id"].as_i64().expect("id");
    let day = id(add_provider(
        &app,
        &["--name", "Day A", "--role", "doctor", "--phone", "03-1000-0001"],
    ));
    let monday = id(add_provider(
        &app,
        &["--name", "Mon B", "--role", "doctor", "--phone", "03-1000-0002"],
    ));
    let holiday = id(add_provider(
        &app,
        &["--name", "Hol C", "--role", "doctor", "--phone", "03-1000-0003"],
    ));
    let night = id(add_provider(
        &app,
        &["--name", "Night D", "--role", "nurse", "--phone", "03-1000-0004"],
    ));
    let truck = id(add_provider(
        &app,
        &["--name", "O2 Co", "--role", "contractor", "--phone", "03-1000-0005"],
    ));
    let file = roster_file(
        &format!("{engine:?}"),
        &format!(
            r#"
[[cover]]
provider = {day}
areas = ["Nerima"]
shifts = ["day"]

[[cover]]
provider = {monday}
areas = ["Nerima"]
shifts = ["day"]
weekdays = ["mon"]

[[cover]]
provider = {holiday}
areas = ["Nerima", "Toshima"]
shifts = ["holiday"]

[[cover]]
provider = {night}
areas = ["Nerima"]
shifts = ["night"]
"#
        ),
    );
    let out = app.cli(&["roster", "load", file.to_str().expect("path")]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    // Friday 2026-11-20 10:00: the day roster, not the Monday-only doctor
    assert_eq!(
        on_roster(&app, "Nerima", "2026-11-20T10:00"),
        ("day".into(), vec!["Day A".into()])
    );
    // Monday 2026-11-16: both, in file order
    assert_eq!(
        on_roster(&app, "Nerima", "2026-11-16T10:00").1,
        vec!["Day A".to_string(), "Mon B".to_string()]
    );
    // Saturday 16:30 is still day for doctors
    assert_eq!(on_roster(&app, "Nerima", "2026-11-21T16:30").0, "day");
    // Sunday, and Monday 2025-11-24 (a substitute holiday): the holiday roster
    assert_eq!(
        on_roster(&app, "Nerima", "2026-11-22T11:00"),
        ("holiday".into(), vec!["Hol C".into()])
    );
    assert_eq!(
        on_roster(&app, "Toshima", "2025-11-24T11:00"),
        ("holiday".into(), vec!["Hol C".into()])
    );
    // at night
    assert_eq!(
        on_roster(&app, "Nerima", "2026-11-20T23:00"),
        ("night".into(), vec!["Night D".into()])
    );
    // nobody: an empty list, not an error
    assert_eq!(on_roster(&app, "Toshima", "2026-11-20T23:00").1, Vec::<String>::new());

    // a bad file is refused whole, naming the problem; the loaded roster stays
    let bad = roster_file(
        &format!("{engine:?}-bad"),
        &format!("[[cover]]\nprovider = {truck}\nareas = [\"Nerima\"]\nshifts = [\"day\"]\n"),
    );
    let out = app.cli(&["roster", "load", bad.to_str().expect("path")]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("equipment contractor"));
    assert_eq!(
        on_roster(&app, "Nerima", "2026-11-20T10:00").1,
        vec!["Day A".to_string()]
    );
    let _ = std::fs::remove_file(file);
    let _ = std::fs::remove_file(bad);
}
both_engines!(the_roster_says_who_covers_an_area_by_day_on_holidays_and_at_night);

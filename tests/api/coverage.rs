//! The patient is always told the number that is answered now: with a coverage file, the
//! health centre by day and the night service at night and on holidays.

use mimamori::app::Loops;

use crate::both_engines;
use crate::helpers::{
    Engine, TestApp, buttons_of, load_roster, offer_buttons, on_telegram, patient, tokyo, wait_text, wait_text_to,
};

const COVERAGE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/rules/coverage-minato.toml");

async fn the_number_told_is_the_one_answered_at_that_hour(engine: Engine) {
    let app = TestApp::spawn_with(engine, Loops::default(), &[("MIMAMORI_COVERAGE", COVERAGE)]).await;
    app.set_time(tokyo(2026, 11, 20, 10, 0)); // a Friday morning
    let (_, n) = app.enrol_telegram(9951, "Rin", &[]).await;
    app.tg_text(9951, "I feel worse", Some("en")).await;
    let day = app.wait_for_texts(n + 1).await[n].clone();
    assert!(day.contains("the Minato health centre (03-0000-0001)"), "{day}");

    app.set_time(tokyo(2026, 11, 20, 23, 0));
    let (_, n) = app.enrol_telegram(9952, "Sou", &[]).await;
    app.tg_text(9952, "I feel worse", Some("en")).await;
    let night = app.wait_for_texts(n + 1).await[n].clone();
    assert!(
        night.contains("the Tokyo follow-up centre for patients at home (0570-000-001)"),
        "{night}"
    );
}
both_engines!(the_number_told_is_the_one_answered_at_that_hour);

/// The outcome button `code` of the request a provider holds.
async fn outcome(app: &TestApp, chat: i64, code: &str) -> String {
    buttons_of(app, &chat.to_string(), "is yours")
        .await
        .into_iter()
        .find(|b| b.1.ends_with(&format!(":{code}")))
        .unwrap_or_else(|| panic!("no {code} button"))
        .1
}

async fn at_night_the_night_service_takes_the_request_and_its_drug_set_replaces_the_delivery(engine: Engine) {
    let app = TestApp::spawn_with(engine, Loops::default(), &[("MIMAMORI_COVERAGE", COVERAGE)]).await;
    app.set_time(tokyo(2026, 11, 20, 16, 30)); // Friday afternoon
    let family = on_telegram(&app, "Dr Day", "doctor", 7911).await;
    let night = on_telegram(&app, "Dr Night", "doctor", 7912).await;
    let roster_doctor = on_telegram(&app, "Dr Roster", "doctor", 7913).await;
    let pharmacy = on_telegram(&app, "Usual Pharmacy", "pharmacist", 7914).await;
    load_roster(
        &app,
        &format!("night-service-{engine:?}"),
        &format!(
            "[[cover]]\nprovider = {roster_doctor}\nareas = [\"Nerima\"]\nshifts = [\"night\"]\n\n\
             [[duty]]\nprovider = {night}\nduty = \"night_service\"\nareas = [\"Nerima\"]\n"
        ),
    );
    let id = patient(
        &app,
        "Ucover1",
        &[
            "--family-doctor",
            &family.to_string(),
            "--pharmacy",
            &pharmacy.to_string(),
        ],
    )
    .await;

    // by day the family doctor takes the call and prescribes after the pharmacies close
    app.line_text("Ucover1", "I feel worse").await;
    wait_text(&app, "the Minato health centre (03-0000-0001)").await;
    let (accept, _) = offer_buttons(&app, 7911).await;
    app.tg_press(7911, &accept).await;
    let prescribed = outcome(&app, 7911, "prescribed").await;
    app.set_time(tokyo(2026, 11, 20, 17, 5));
    app.tg_press(7911, &prescribed).await;
    let held = app
        .wait_request(id, "pharmacy_delivery", |r| r["status"] == "open")
        .await;
    assert!(
        held["chain"].as_array().is_none_or(Vec::is_empty),
        "held for the morning: {held}"
    );

    // at 23:00 the same kind of request goes to the night service, and the patient is told the
    // number answered at night
    app.set_time(tokyo(2026, 11, 20, 23, 0));
    app.line_text("Ucover1", "I feel worse again").await;
    wait_text(&app, "the Tokyo follow-up centre for patients at home (0570-000-001)").await;
    let offer = wait_text_to(&app, "7912", "Pat Doe").await;
    assert!(offer.contains("Telephone consultation"), "{offer}");
    app.settle().await;
    let roster = app.texts_to("7913").await;
    assert!(
        roster.iter().all(|t| !t.contains("Pat Doe")),
        "the ward's own night roster is only asked after the night service: {roster:?}"
    );
    let (accept, _) = offer_buttons(&app, 7912).await;
    app.tg_press(7912, &accept).await;
    app.tg_press(7912, &outcome(&app, 7912, "drug_set").await).await;
    wait_text_to(&app, "7912", "first-line drug set given").await;

    // the drug set met the need: no pharmacy is asked in the morning
    let delivery = app
        .wait_request(id, "pharmacy_delivery", |r| r["status"] == "done")
        .await;
    assert!(
        delivery["provider"].is_null()
            && delivery["closed_reason"]
                .as_str()
                .is_some_and(|r| r.contains("Dr Night")),
        "{delivery}"
    );
    app.set_time(tokyo(2026, 11, 21, 10, 30));
    app.wake();
    app.settle().await;
    assert!(
        app.texts_to("7914").await.iter().all(|t| !t.contains("Pat Doe")),
        "the pharmacy is not asked to deliver what the drug set covered"
    );
}
both_engines!(at_night_the_night_service_takes_the_request_and_its_drug_set_replaces_the_delivery);

#[test]
fn a_broken_coverage_file_stops_the_start_with_what_is_wrong() {
    let dir = std::env::temp_dir().join(format!("mimamori-coverage-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let path = dir.join("coverage.toml");
    std::fs::write(
        &path,
        "[[line]]\nname = { ja = \"保健所\" }\nphone = \"03\"\nwhen = [\"friday\"]\n",
    )
    .expect("write");
    let vars = vec![("MIMAMORI_COVERAGE".to_string(), path.display().to_string())];
    let sources = mimamori::config::Sources::from_vars(vars).expect("sources");
    let err = mimamori::config::Config::load(&sources)
        .expect_err("refused")
        .to_string();
    assert!(err.contains("MIMAMORI_COVERAGE") && err.contains("friday"), "{err}");
    let _ = std::fs::remove_dir_all(dir);
}

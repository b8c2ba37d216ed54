//! The end of home recovery: by the ward's criteria (2021 or 2022-09), or by staff.

use chrono::{Days, NaiveDate, TimeZone};
use serde_json::{Value, json};

use crate::both_engines;
use crate::helpers::{Engine, TestApp, staff_token};
use mimamori::clock::Clock;

const TOKYO: chrono_tz::Tz = chrono_tz::Asia::Tokyo;

fn today(app: &TestApp) -> NaiveDate {
    app.clock.now().with_timezone(&TOKYO).date_naive()
}

/// The start of `onset + days` in Tokyo.
fn day_start(onset: NaiveDate, days: u64) -> chrono::DateTime<chrono::Utc> {
    let d = onset.checked_add_days(Days::new(days)).expect("date");
    TOKYO
        .from_local_datetime(&d.and_hms_opt(0, 0, 0).expect("midnight"))
        .earliest()
        .expect("no DST in Tokyo")
        .with_timezone(&chrono::Utc)
}

async fn released_on(criteria: &str, release_day: u64, engine: Engine) {
    let app = TestApp::spawn_with(engine, Default::default(), &[("MIMAMORI_RELEASE_CRITERIA", criteria)]).await;
    let onset = today(&app).checked_sub_days(Days::new(2)).expect("date");
    let onset_s = onset.to_string();
    let (id, code) = app.add_patient("Vera", &["--language", "en", "--onset-date", &onset_s]);
    app.tg_text(4001, &code, Some("en")).await;
    app.wait_for_texts(2).await;
    app.tg_text(4001, "SpO2 98 36.5", Some("en")).await;
    app.wait_for_texts(3).await;
    assert_eq!(
        app.release_at(id).await,
        Some(day_start(onset, release_day)),
        "released at the start of day {release_day}"
    );
    // a minute before: still observed
    app.set_time(day_start(onset, release_day) - chrono::Duration::minutes(1));
    app.settle().await;
    assert_eq!(app.patient_record(id).await["status"], "active");
    app.set_time(day_start(onset, release_day));
    app.eventually("the patient is released", || async {
        (app.patient_record(id).await["status"] == "released").then_some(())
    })
    .await;
    app.settle().await;
    let texts = app.texts_to("4001").await;
    assert!(
        texts.iter().any(|t| t.contains("your home recovery period ends today")),
        "{texts:?}"
    );
    let record = app.patient_record(id).await;
    assert_eq!(
        (&record["next_check_in_at"], &record["release_at"]),
        (&Value::Null, &Value::Null),
        "check-ins stop"
    );
    app.tg_text(4001, "SpO2 97 36.5", Some("en")).await;
    app.settle().await;
    assert!(
        app.texts_to("4001")
            .await
            .last()
            .is_some_and(|t| t.contains("observation has ended"))
    );
}

async fn criteria_2022_09_release_on_day_8(engine: Engine) {
    released_on("2022-09", 8, engine).await;
}
both_engines!(criteria_2022_09_release_on_day_8);

async fn criteria_2021_release_on_day_11(engine: Engine) {
    released_on("2021", 11, engine).await;
}
both_engines!(criteria_2021_release_on_day_11);

async fn new_fever_moves_the_release_and_staff_can_extend_or_end(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let onset = today(&app).checked_sub_days(Days::new(6)).expect("date");
    let onset_s = onset.to_string();
    let (id, code) = app.add_patient("Walt", &["--language", "en", "--onset-date", &onset_s]);
    app.tg_text(4002, &code, Some("en")).await;
    app.wait_for_texts(2).await;
    app.tg_text(4002, "SpO2 97 38.3", Some("en")).await;
    app.wait_for_texts(3).await;
    assert_eq!(app.release_at(id).await, None, "not improved yet: no release");
    app.advance(chrono::Duration::days(2));
    app.tg_text(4002, "SpO2 98 36.6", Some("en")).await;
    app.wait_for_texts(4).await;
    // (the fourth text may be the check-in the two days brought due: wait for the report itself)
    app.settle_events().await;
    let due = app.release_at(id).await.map(|t| t.timestamp_millis());
    let improved = app.clock.now();
    assert_eq!(
        due,
        Some(
            (improved + chrono::Duration::hours(24))
                .timestamp_millis()
                .max(day_start(onset, 8).timestamp_millis())
        )
    );

    // staff extend through the CLI
    let until = today(&app).checked_add_days(Days::new(10)).expect("date").to_string();
    let out = app.cli(&[
        "patient",
        "extend",
        &id.to_string(),
        "--until",
        &until,
        "--reason",
        "still coughing",
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let due = app.release_at(id).await.expect("a release date");
    assert_eq!(due.with_timezone(&TOKYO).date_naive().to_string(), until);

    // and end it through the API
    let token = staff_token(&app);
    let end = |body: serde_json::Value| {
        app.http
            .post(format!("{}/api/v1/patients/{id}/episode", app.base))
            .bearer_auth(&token)
            .json(&body)
            .send()
    };
    assert_eq!(end(json!({"action": "end"})).await.expect("POST").status(), 400);
    assert_eq!(
        end(json!({"action": "end", "reason": "admitted to hospital"}))
            .await
            .expect("POST")
            .status(),
        200
    );
    assert_eq!(
        end(json!({"action": "end", "reason": "again"}))
            .await
            .expect("POST")
            .status(),
        409
    );
    app.settle().await;
    assert!(
        app.texts_to("4002")
            .await
            .last()
            .is_some_and(|t| t.contains("the health centre has ended"))
    );
    assert_eq!(app.patient_record(id).await["episode_note"], "admitted to hospital");
}
both_engines!(new_fever_moves_the_release_and_staff_can_extend_or_end);

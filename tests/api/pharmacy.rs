//! A doctor's prescription reaches the right pharmacy for the day and hour (the seeds' pharmacy
//! routing): the usual pharmacy on a weekday, partners and then the pharmacists' association
//! office when there is none, the holiday pharmacy on Sundays and holidays; after hours it waits
//! for the pharmacies to open. The pharmacist delivers from chat, may consult a doctor, and the
//! performance report counts it all.

use serde_json::{Value, json};

use crate::both_engines;
use crate::helpers::{
    Engine, TestApp, buttons_of, friday_morning, load_roster, offer_buttons, offer_with, on_telegram, patient,
    provider, roster_file, tokyo, wait_text, wait_text_to,
};

/// The family doctor on Telegram `doctor_chat` takes `user`'s home visit on Friday morning; the
/// clock then moves to `at` and the doctor taps "Prescribed".
async fn prescribe(app: &TestApp, doctor_chat: i64, user: &str, at: chrono::DateTime<chrono::Utc>) {
    app.line_text(user, "I feel worse, it is harder to breathe").await;
    prescribe_offered(app, doctor_chat, at).await;
}

/// The doctor accepts the offer in their chat, the clock moves to `at`, they tap "Prescribed".
async fn prescribe_offered(app: &TestApp, doctor_chat: i64, at: chrono::DateTime<chrono::Utc>) {
    let (accept, _) = offer_buttons(app, doctor_chat).await;
    app.tg_press(doctor_chat, &accept).await;
    let chat = doctor_chat.to_string();
    wait_text_to(app, &chat, "is yours").await;
    app.set_time(at);
    let buttons = buttons_of(app, &chat, "is yours").await;
    let prescribed = buttons
        .iter()
        .find(|b| b.0 == "Prescribed")
        .expect("a Prescribed button")
        .1
        .clone();
    app.tg_press(doctor_chat, &prescribed).await;
    wait_text_to(app, &chat, "a delivery request is opened").await;
}

async fn delivery_offers(app: &TestApp, provider: i64) -> i64 {
    app.scalar_i64(&format!(
        "SELECT COUNT(*) FROM offers o JOIN care_requests c ON c.id = o.care_request_id
         WHERE c.kind = 'pharmacy_delivery' AND o.provider_id = {provider}"
    ))
    .await
}

async fn a_weekday_prescription_goes_to_the_usual_pharmacy_which_delivers(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.set_time(friday_morning());
    let doctor = on_telegram(&app, "Dr Sato", "doctor", 7501).await;
    let (pharmacy, code) = provider(&app, "Kusuri Pharmacy", "pharmacist", "en");
    app.line_text("Uph1", &code).await;
    app.wait_until("the pharmacy is welcomed", |pool| async move {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM chats WHERE provider_id IS NOT NULL")
            .fetch_one(&pool)
            .await
            .unwrap_or(0)
            == 2
    })
    .await;
    let id = patient(
        &app,
        "Upat51",
        &[
            "--family-doctor",
            &doctor.to_string(),
            "--pharmacy",
            &pharmacy.to_string(),
        ],
    )
    .await;
    // SpO2 92, confirmed: oxygen and hospital coordination, and a doctor's call now — offered
    // to the family doctor first
    app.line_text("Upat51", "SpO2 92 36.8").await;
    wait_text(&app, "measure your SpO2 again").await;
    app.line_text("Upat51", "92").await;
    let offer = wait_text_to(&app, "7501", "Telephone consultation requested").await;
    assert!(offer.contains("SpO2 92%"), "{offer}");
    prescribe_offered(&app, 7501, tokyo(2026, 11, 20, 10, 30)).await;

    // the usual pharmacy is offered the delivery on LINE, with what it needs
    let (accept, _) = offer_with(&app, "Uph1", "Prescription delivery").await;
    let offer = wait_text_to(&app, "Uph1", "Prescription delivery").await;
    assert!(offer.contains("Pat Doe") && offer.contains("090-1234-5678"), "{offer}");
    app.line_postback("Uph1", &accept).await;
    let told = wait_text_to(&app, "Upat51", "(pharmacist) will contact you").await;
    assert!(told.starts_with("Kusuri Pharmacy"), "{told}");

    // the pharmacist's own buttons: delivered, could not reach, consult a doctor
    // (LINE answers a button with the reply API, which names no recipient)
    let buttons = buttons_of(&app, "", "Prescription delivery for Pat Doe is yours").await;
    let labels: Vec<&str> = buttons.iter().map(|b| b.0.as_str()).collect();
    assert_eq!(labels, ["Delivered", "Could not reach", "Consult a doctor"]);
    // the pharmacist consults a doctor on the patient's behalf: the doctor is asked and, on
    // accepting, named to the pharmacist
    app.line_postback("Uph1", &buttons[2].1).await;
    wait_text(&app, "A doctor is being asked").await;
    let (accept, _) = offer_with(&app, "7501", "Doctor consultation").await;
    app.tg_press(7501, &accept).await;
    let taken = wait_text_to(&app, "Uph1", "has taken over").await;
    assert!(taken.starts_with("Dr Sato (doctor"), "{taken}");
    let delivery = app.care_requests_of(id, "pharmacy_delivery").await;
    let consults = app.care_requests_of(id, "doctor_consultation").await;
    assert_eq!(consults.len(), 1);
    assert_eq!(
        (&consults[0]["provider"]["id"], &consults[0]["parent_id"]),
        (&json!(doctor), &delivery[0]["id"]),
        "the doctor's request is linked to the pharmacist's"
    );

    app.line_postback("Uph1", &buttons[0].1).await;
    wait_text(&app, "Recorded: delivered").await;
    let delivered = app.care_requests_of(id, "pharmacy_delivery").await;
    assert_eq!(delivered.len(), 1);
    let d = &delivered[0];
    assert_eq!(
        (&d["status"], &d["outcome"], &d["provider"]["id"]),
        (&json!("done"), &json!("delivered"), &json!(pharmacy))
    );

    // the performance report (実績報告): CLI as JSON and CSV, and the API
    let out = app.cli(&[
        "report",
        "providers",
        "--from",
        "2026-11-20",
        "--to",
        "2026-11-20",
        "--format",
        "json",
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    let line = |pid: i64| {
        v["providers"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|l| l["provider_id"] == pid)
            .cloned()
            .unwrap_or(Value::Null)
    };
    assert_eq!(line(doctor)["prescriptions"], 1, "{v}");
    assert_eq!(line(doctor)["median_minutes_to_outcome"], 30.0, "{v}");
    assert_eq!(line(pharmacy)["deliveries"], 1, "{v}");
    assert_eq!(line(pharmacy)["accepted"], 1, "{v}");

    let out = app.cli(&[
        "report",
        "providers",
        "--from",
        "2026-11-20",
        "--to",
        "2026-11-20",
        "--lang",
        "en",
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        out.stdout.starts_with(&[0xEF, 0xBB, 0xBF]),
        "CSV starts with a BOM for Excel"
    );
    let csv = String::from_utf8_lossy(&out.stdout[3..]).to_string();
    assert!(csv.starts_with("Provider ID,Name,Role"), "{csv}");
    assert!(
        csv.lines()
            .any(|l| l.starts_with(&format!("{pharmacy},Kusuri Pharmacy,pharmacist,,0,0,0,0,0,1,"))),
        "{csv}"
    );
    // another period: nobody did anything
    let out = app.cli(&[
        "report",
        "providers",
        "--from",
        "2026-10-01",
        "--to",
        "2026-10-31",
        "--format",
        "json",
    ]);
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["providers"].as_array().map(Vec::len), Some(0));
    let out = app.cli(&["report", "providers", "--from", "2026-11-30", "--to", "2026-11-01"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("ends before it starts"));

    let token = crate::helpers::staff_token(&app);
    let r = app
        .http
        .get(format!(
            "{}/api/v1/reports/providers?from=2026-11-20&to=2026-11-20&format=csv",
            app.base
        ))
        .bearer_auth(&token)
        .send()
        .await
        .expect("GET");
    assert_eq!(r.status(), 200);
    assert!(
        r.headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/csv"))
    );
    let body = r.bytes().await.expect("body");
    assert!(body.starts_with(&[0xEF, 0xBB, 0xBF]));
    assert!(
        String::from_utf8_lossy(&body).contains("配達"),
        "Japanese headings by default"
    );
    let (status, _) = crate::helpers::api_get(&app, &token, "/api/v1/reports/providers?from=yesterday").await;
    assert_eq!(status, 400);
    let audited = app
        .scalar_i64("SELECT COUNT(*) FROM audit_log WHERE action = 'report.providers'")
        .await;
    assert!(audited >= 3, "every report is audited");
}
both_engines!(a_weekday_prescription_goes_to_the_usual_pharmacy_which_delivers);

async fn a_saturday_evening_prescription_waits_for_the_sunday_holiday_pharmacy(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.set_time(friday_morning());
    let doctor = on_telegram(&app, "Dr Sato", "doctor", 7511).await;
    let usual = on_telegram(&app, "Usual Pharmacy", "pharmacist", 7512).await;
    let holiday = on_telegram(&app, "Holiday Pharmacy", "pharmacist", 7513).await;
    load_roster(
        &app,
        &format!("holiday-pharmacy-{engine:?}"),
        &format!("[[cover]]\nprovider = {holiday}\nareas = [\"Nerima\"]\nshifts = [\"holiday\"]\n"),
    );
    patient(
        &app,
        "Upat52",
        &["--family-doctor", &doctor.to_string(), "--pharmacy", &usual.to_string()],
    )
    .await;
    // Saturday 16:30: the pharmacies closed at 16:00; nobody is asked tonight
    prescribe(&app, 7511, "Upat52", tokyo(2026, 11, 21, 16, 30)).await;
    app.settle().await;
    assert_eq!(delivery_offers(&app, usual).await, 0);
    assert_eq!(delivery_offers(&app, holiday).await, 0);
    app.set_time(tokyo(2026, 11, 22, 9, 59));
    app.settle().await;
    assert_eq!(delivery_offers(&app, holiday).await, 0, "not before opening");
    // Sunday 10:00: the ward's holiday pharmacy, not the usual one
    app.set_time(tokyo(2026, 11, 22, 10, 0));
    offer_with(&app, "7513", "Prescription delivery").await;
    assert_eq!(delivery_offers(&app, usual).await, 0);
    assert_eq!(delivery_offers(&app, holiday).await, 1);
}
both_engines!(a_saturday_evening_prescription_waits_for_the_sunday_holiday_pharmacy);

async fn without_a_usual_pharmacy_partners_then_the_association_office_are_asked(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.set_time(friday_morning());
    let doctor = on_telegram(&app, "Dr Sato", "doctor", 7521).await;
    let partner = on_telegram(&app, "Partner Pharmacy", "pharmacist", 7522).await;
    let office = on_telegram(&app, "Association Office", "pharmacist", 7523).await;
    let nurse = on_telegram(&app, "Nurse Day", "nurse", 7524).await;
    load_roster(
        &app,
        &format!("partner-{engine:?}"),
        &format!(
            "[[cover]]\nprovider = {nurse}\nareas = [\"Nerima\"]\nshifts = [\"day\"]\n\n\
             [[cover]]\nprovider = {partner}\nareas = [\"Nerima\"]\nshifts = [\"day\"]\n\n\
             [[duty]]\nprovider = {office}\nduty = \"pharmacy_office\"\nareas = [\"Nerima\"]\n"
        ),
    );
    patient(&app, "Upat53", &["--family-doctor", &doctor.to_string()]).await;
    prescribe(&app, 7521, "Upat53", tokyo(2026, 11, 20, 11, 0)).await;
    let (_, decline) = offer_with(&app, "7522", "Prescription delivery").await;
    app.tg_press(7522, &decline).await;
    let (accept, _) = offer_with(&app, "7523", "Prescription delivery").await;
    app.tg_press(7523, &accept).await;
    wait_text_to(&app, "Upat53", "Association Office (pharmacist) will contact you").await;
    assert_eq!(
        delivery_offers(&app, nurse).await,
        0,
        "a nurse on the roster is not a pharmacy"
    );
    // a doctor cannot hold the pharmacists' office
    let file = roster_file(
        &format!("office-doctor-{engine:?}"),
        &format!("[[duty]]\nprovider = {doctor}\nduty = \"pharmacy_office\"\nareas = [\"Nerima\"]\n"),
    );
    let out = app.cli(&["roster", "load", file.to_str().expect("path")]);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("pharmacy_office needs a pharmacist"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let _ = std::fs::remove_file(file);
}
both_engines!(without_a_usual_pharmacy_partners_then_the_association_office_are_asked);

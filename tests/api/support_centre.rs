//! The medical association's support centre coordinates: an admission no family doctor
//! arranges is offered to it, and an admission it arranges ends oxygen at home and home
//! observation, as admission does.

use serde_json::json;

use crate::both_engines;
use crate::helpers::{
    Engine, TestApp, api_get, api_post, buttons_of, friday_morning, load_roster, offer_buttons, on_telegram, patient,
    staff_token, wait_text_to,
};

async fn an_admission_arranged_by_the_support_centre_ends_the_oxygen_order(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.set_time(friday_morning());
    let token = staff_token(&app);
    let centre = on_telegram(&app, "Nerima Support Centre", "support_centre", 7881).await;
    for (kind, serial) in [("cylinder", "C-1"), ("regulator", "R-1")] {
        let out = app.cli(&["equipment", "add", "--kind", kind, "--serial", serial]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let id = patient(&app, "Usupport1", &["--address", "1-2-3 Nerima"]).await;
    let (status, order) = api_post(
        &app,
        &token,
        &format!("/api/v1/patients/{id}/oxygen-orders"),
        json!({"kit": "cylinder", "flow_rate": 2, "reason": "doctor's order by phone"}),
    )
    .await;
    assert!(status == 201 || status == 200, "{status} {order}");

    // the patient worsens: an emergency, and admission to be arranged
    app.line_text("Usupport1", "SpO2 85 37.0 chest pain").await;
    let offer = wait_text_to(&app, "7881", "Hospital admission").await;
    assert!(offer.contains("Pat Doe"), "{offer}");
    let (accept, _) = offer_buttons(&app, 7881).await;
    app.tg_press(7881, &accept).await;
    let outcomes = buttons_of(&app, "7881", "is yours").await;
    let arranged = outcomes
        .iter()
        .find(|b| b.1.ends_with(":admission_arranged"))
        .expect("the support centre records an admission arranged")
        .1
        .clone();
    app.tg_press(7881, &arranged).await;
    wait_text_to(&app, "7881", "admission arranged").await;

    let record = app.patient_record(id).await;
    assert_eq!(record["status"], "released", "home observation ends with the admission");
    let coordination = app.care_requests_of(id, "hospital_coordination").await;
    assert_eq!(
        (&coordination[0]["status"], &coordination[0]["provider"]["id"]),
        (&json!("done"), &json!(centre))
    );
    let (_, orders) = api_get(&app, &token, "/api/v1/oxygen-orders").await;
    let mine: Vec<&serde_json::Value> = orders["oxygen_orders"]
        .as_array()
        .expect("orders")
        .iter()
        .filter(|o| o["patient_id"] == id)
        .collect();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0]["status"], "ended", "{}", mine[0]);
}
both_engines!(an_admission_arranged_by_the_support_centre_ends_the_oxygen_order);

/// The seeds' pillar 2, end to end: the health centre's triage opens a home visit, the support
/// centre is offered it before the roster, gives it to a doctor, the doctor visits and arranges
/// visiting nursing, and an agency's nurse is pinged.
async fn the_support_centre_gives_a_visit_to_a_doctor_who_arranges_nursing(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.set_time(friday_morning());
    let centre = on_telegram(&app, "Nerima Support Centre", "support_centre", 7921).await;
    let doctor = on_telegram(&app, "Dr Roster", "doctor", 7922).await;
    let nurse = on_telegram(&app, "Nerima Nursing", "nurse", 7923).await;
    load_roster(
        &app,
        &format!("pillar2-{engine:?}"),
        &format!(
            "[[cover]]\nprovider = {doctor}\nareas = [\"Nerima\"]\nshifts = [\"day\"]\n\n\
             [[cover]]\nprovider = {nurse}\nareas = [\"Nerima\"]\nshifts = [\"day\", \"night\", \"holiday\"]\n"
        ),
    );
    let id = patient(&app, "Upillar2", &[]).await;
    app.line_text("Upillar2", "I feel worse, it is harder to breathe").await;
    let offer = wait_text_to(&app, "7921", "Home visit").await;
    assert!(offer.contains("Pat Doe"), "{offer}");
    app.settle().await;
    assert!(
        app.texts_to("7922").await.iter().all(|t| !t.contains("Pat Doe")),
        "the support centre is asked before the roster"
    );
    let (accept, _) = offer_buttons(&app, 7921).await;
    app.tg_press(7921, &accept).await;
    let held = buttons_of(&app, "7921", "is yours").await;
    let delegate = held
        .iter()
        .find(|b| b.1.starts_with("delegate:"))
        .expect("the centre can give the visit to a doctor")
        .1
        .clone();
    app.tg_press(7921, &delegate).await;
    let doctors = buttons_of(&app, "7921", "Which doctor").await;
    let (label, choose) = doctors
        .iter()
        .find(|b| b.1.ends_with(&format!(":{doctor}")))
        .expect("the roster's doctor is offered")
        .clone();
    assert_eq!(label, "Dr Roster");
    app.tg_press(7921, &choose).await;
    wait_text_to(&app, "7921", "Dr Roster (").await;

    // the doctor has the visit as if they had accepted it, and the patient is told
    let theirs = wait_text_to(&app, "7922", "is yours").await;
    assert!(
        theirs.contains("Pat Doe") && theirs.contains("090-1234-5678"),
        "{theirs}"
    );
    wait_text_to(&app, "Upillar2", "Dr Roster (doctor)").await;
    let visit = &app.care_requests_of(id, "home_visit").await[0];
    assert_eq!(
        (&visit["status"], &visit["provider"]["id"]),
        (&json!("assigned"), &json!(doctor))
    );
    let answers: Vec<(&serde_json::Value, &serde_json::Value)> = visit["chain"]
        .as_array()
        .expect("chain")
        .iter()
        .map(|o| (&o["provider"]["id"], &o["answer"]))
        .collect();
    assert_eq!(
        answers,
        [
            (&json!(centre), &json!("reassigned")),
            (&json!(doctor), &json!("assigned"))
        ]
    );

    // the doctor visits and arranges nursing: the visit ping
    let outcomes = buttons_of(&app, "7922", "is yours").await;
    let nursing = outcomes
        .iter()
        .find(|b| b.1.ends_with(":nursing"))
        .expect("nursing")
        .1
        .clone();
    app.tg_press(7922, &nursing).await;
    let ping = wait_text_to(&app, "7923", "Visiting nursing").await;
    assert!(ping.contains("Pat Doe"), "{ping}");
    assert_eq!(app.care_requests_of(id, "home_visit").await[0]["outcome"], "nursing");
}
both_engines!(the_support_centre_gives_a_visit_to_a_doctor_who_arranges_nursing);

async fn a_visit_the_support_centre_hands_back_is_staffs_with_an_alert(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.set_time(friday_morning());
    on_telegram(&app, "Nerima Support Centre", "support_centre", 7931).await;
    let id = patient(&app, "Uhandback", &[]).await;
    app.line_text("Uhandback", "I feel worse, it is harder to breathe")
        .await;
    let (accept, _) = offer_buttons(&app, 7931).await;
    app.tg_press(7931, &accept).await;
    let held = buttons_of(&app, "7931", "is yours").await;
    let back = held
        .iter()
        .find(|b| b.1.starts_with("handback:"))
        .expect("hand back")
        .1
        .clone();
    // no doctor on the roster: the centre is told so, and hands the visit back
    let delegate = held
        .iter()
        .find(|b| b.1.starts_with("delegate:"))
        .expect("delegate")
        .1
        .clone();
    app.tg_press(7931, &delegate).await;
    wait_text_to(&app, "7931", "No doctor is on the roster").await;
    app.tg_press(7931, &back).await;
    wait_text_to(&app, "7931", "Handed back").await;
    let visit = &app.care_requests_of(id, "home_visit").await[0];
    assert_eq!((&visit["status"], &visit["provider"]), (&json!("open"), &json!(null)));
    let alerts = app
        .scalar_i64(&format!(
            "SELECT COUNT(*) FROM staff_alerts WHERE kind = 'chain_exhausted' AND patient_id = {id}"
        ))
        .await;
    assert_eq!(alerts, 1, "staff are alerted to arrange it");
    // pressing again changes nothing
    app.tg_press(7931, &back).await;
    wait_text_to(&app, "7931", "no longer yours").await;
}
both_engines!(a_visit_the_support_centre_hands_back_is_staffs_with_an_alert);

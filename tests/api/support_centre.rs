//! The medical association's support centre coordinates: an admission no family doctor
//! arranges is offered to it, and an admission it arranges ends oxygen at home and home
//! observation, as admission does.

use serde_json::json;

use crate::both_engines;
use crate::helpers::{
    Engine, TestApp, api_get, api_post, buttons_of, friday_morning, offer_buttons, on_telegram, patient, staff_token,
    wait_text_to,
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

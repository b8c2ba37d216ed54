//! Oxygen at home after delivery: a cylinder goes out with a breath-synchronising regulator or
//! its standard one, as the order says, so the cylinders and not the regulators bound how many
//! patients get oxygen; a home visit starts oxygen (the ordering doctor, or nurses where the ward
//! says so); an empty cylinder is swapped for a full one by a contractor.

use serde_json::{Value, json};

use crate::both_engines;
use crate::helpers::{
    Engine, TestApp, api_post, buttons_of, friday_morning, load_roster, offer_buttons, on_telegram, provider,
    staff_token, wait_text, wait_text_to,
};
use mimamori::app::Loops;

fn add_units(app: &TestApp, kind: &str, serials: &[&str]) {
    for serial in serials {
        let out = app.cli(&["equipment", "add", "--kind", kind, "--serial", serial]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
}

async fn unit_state(app: &TestApp, serial: &str) -> String {
    let unit = app.api(&format!("/api/v1/equipment/{serial}")).await;
    unit["state"].as_str().unwrap_or_default().to_string()
}

async fn order(app: &TestApp, token: &str, patient: i64, regulator: &str) -> (u16, Value) {
    api_post(
        app,
        token,
        &format!("/api/v1/patients/{patient}/oxygen-orders"),
        json!({"kit": "cylinder", "regulator": regulator, "flow_rate": 2, "reason": "Dr Sato by phone"}),
    )
    .await
}

async fn cylinders_not_regulators_bound_how_many_get_oxygen(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.set_time(friday_morning());
    let token = staff_token(&app);
    add_units(&app, "cylinder", &["C-1", "C-2", "C-3"]);
    add_units(&app, "regulator", &["R-1"]);
    let (a, _) = app.add_patient("Aki A", &[]);
    let (b, _) = app.add_patient("Ben B", &[]);
    let (c, _) = app.add_patient("Chie C", &[]);

    let (status, first) = order(&app, &token, a, "either").await;
    assert_eq!(status, 201, "{first}");
    assert_eq!(
        first["regulator"], "synchronising",
        "the regulator in stock goes out: {first}"
    );
    assert_eq!(first["units"].as_array().map(Vec::len), Some(2));

    // a doctor who wants a synchronising regulator is told there is none left
    let (status, refused) = order(&app, &token, b, "synchronising").await;
    assert_eq!(status, 409, "{refused}");
    assert!(refused.to_string().contains("regulator"), "{refused}");
    assert_eq!(
        unit_state(&app, "C-2").await,
        "available",
        "the cylinder went back to stock"
    );

    // with either, the cylinder goes with its standard regulator
    let (status, third) = order(&app, &token, c, "either").await;
    assert_eq!(status, 201, "{third}");
    assert_eq!(third["regulator"], "standard", "{third}");
    assert_eq!(third["units"].as_array().map(Vec::len), Some(1));
    let (status, bad) = order(&app, &token, b, "quantum").await;
    assert_eq!(status, 400, "{bad}");
}
both_engines!(cylinders_not_regulators_bound_how_many_get_oxygen);

async fn a_nurse_starts_oxygen_and_a_contractor_swaps_the_empty_cylinder(engine: Engine) {
    let app = TestApp::spawn_with(engine, Loops::default(), &[("MIMAMORI_OXYGEN_START_BY", "nurse")]).await;
    app.set_time(friday_morning());
    let token = staff_token(&app);
    add_units(&app, "cylinder", &["C-1", "C-2"]);
    let nurse = on_telegram(&app, "Nerima Nursing", "nurse", 7961).await;
    load_roster(
        &app,
        &format!("o2-nurse-{engine:?}"),
        &format!("[[cover]]\nprovider = {nurse}\nareas = [\"Nerima\"]\nshifts = [\"day\", \"night\", \"holiday\"]\n"),
    );
    let (_, code) = provider(&app, "Sanso Logistics", "contractor", "en");
    app.line_text("Ucon9", &code).await;
    wait_text(&app, "Welcome, Sanso Logistics").await;
    let id = crate::helpers::patient(&app, "Uo2visit", &["--address", "4-5-6 Nerima"]).await;
    let (status, placed) = order(&app, &token, id, "standard").await;
    assert_eq!(status, 201, "{placed}");
    let order_id = placed["id"].as_i64().expect("id");

    // delivered: the nurse is offered the visit that starts oxygen
    let accept = buttons_of(&app, "Ucon9", "Oxygen equipment delivery requested").await[0]
        .1
        .clone();
    app.line_postback("Ucon9", &accept).await;
    let delivered = buttons_of(&app, "", "Oxygen equipment delivery for Pat Doe is yours")
        .await
        .into_iter()
        .find(|b| b.0 == "Delivered and set up")
        .expect("delivered")
        .1;
    app.line_postback("Ucon9", &delivered).await;
    let visit = wait_text_to(&app, "7961", "Home visit to start oxygen requested").await;
    assert!(visit.contains("Pat Doe"), "{visit}");
    let (accept, _) = offer_buttons(&app, 7961).await;
    app.tg_press(7961, &accept).await;
    let started = buttons_of(&app, "7961", "is yours")
        .await
        .into_iter()
        .find(|b| b.1.ends_with(":oxygen_started"))
        .expect("the nurse confirms oxygen started")
        .1;
    app.tg_press(7961, &started).await;
    wait_text_to(&app, "Uo2visit", "Oxygen has been started at 2 L/min").await;
    let orders = app.api("/api/v1/oxygen-orders").await;
    assert_eq!(orders["oxygen_orders"][0]["status"], "started", "{orders}");

    // the cylinder runs empty: a contractor brings C-2 and takes C-1 back
    let (status, swap) = api_post(
        &app,
        &token,
        &format!("/api/v1/oxygen-orders/{order_id}/swap"),
        json!({"reason": "the patient says the gauge is near empty"}),
    )
    .await;
    assert_eq!(status, 200, "{swap}");
    assert_eq!(unit_state(&app, "C-2").await, "reserved");
    let (again, _) = api_post(
        &app,
        &token,
        &format!("/api/v1/oxygen-orders/{order_id}/swap"),
        json!({"reason": "asked twice"}),
    )
    .await;
    assert_eq!(again, 409, "one swap at a time");
    let accept = buttons_of(&app, "Ucon9", "Oxygen cylinder swap requested").await[0]
        .1
        .clone();
    app.line_postback("Ucon9", &accept).await;
    let swapped = buttons_of(&app, "", "Oxygen cylinder swap for Pat Doe is yours")
        .await
        .into_iter()
        .find(|b| b.1.ends_with(":swapped"))
        .expect("swapped")
        .1;
    assert_eq!(unit_state(&app, "C-2").await, "out_for_delivery");
    app.line_postback("Ucon9", &swapped).await;
    wait_text(&app, "Recorded: cylinder swapped").await;
    assert_eq!(unit_state(&app, "C-1").await, "cleaning");
    assert_eq!(unit_state(&app, "C-2").await, "in_use");
}
both_engines!(a_nurse_starts_oxygen_and_a_contractor_swaps_the_empty_cylinder);

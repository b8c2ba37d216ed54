//! Oxygen end to end (the Minato and Nerima schemes): a patient who needs oxygen goes to a free
//! station bed when they qualify, else gets equipment at home on a doctor's order — reserved unit
//! by unit, delivered by a contractor who took the job in chat, started by the doctor, collected
//! when recovery ends and back in stock after cleaning. The last unit and the last bed go to
//! exactly one of two at the same moment.

use serde_json::{Value, json};

use crate::both_engines;
use crate::helpers::{
    Engine, TestApp, api_get, api_post, buttons_of, friday_morning, on_telegram, patient, provider, staff_token,
    wait_text, wait_text_to,
};
use mimamori::app::Loops;

fn cli_ok(app: &TestApp, args: &[&str]) -> String {
    let out = app.cli(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).to_string()
}

/// A unit's state as staff see it through the API.
async fn unit_state(app: &TestApp, serial: &str) -> String {
    let unit = app.api(&format!("/api/v1/equipment/{serial}")).await;
    unit["state"].as_str().unwrap_or_default().to_string()
}

/// The label → data of a button in the latest message to `chat` containing `needle`.
async fn button(app: &TestApp, chat: &str, needle: &str, label: &str) -> String {
    buttons_of(app, chat, needle)
        .await
        .into_iter()
        .find(|b| b.0 == label)
        .unwrap_or_else(|| panic!("no {label:?} button on {needle:?}"))
        .1
}

/// A contractor on LINE, enrolled.
async fn contractor(app: &TestApp, user: &str) -> i64 {
    let (id, code) = provider(app, "Sanso Logistics", "contractor", "en");
    app.line_text(user, &code).await;
    wait_text(app, "Welcome, Sanso Logistics").await;
    id
}

async fn spo2_91_with_the_station_full_gets_oxygen_at_home_until_collected_and_cleaned(engine: Engine) {
    let mut app = TestApp::spawn(engine).await;
    app.set_time(friday_morning());
    let token = staff_token(&app);
    cli_ok(
        &app,
        &["station", "add", "--name", "Nerima Station", "--beds", "oxygen=1"],
    );
    cli_ok(&app, &["equipment", "add", "--kind", "cylinder", "--serial", "C-001"]);
    cli_ok(&app, &["equipment", "add", "--kind", "regulator", "--serial", "R-001"]);
    // the only oxygen bed is held for a patient the ambulance crew brought in on the hotline
    let (other, _) = app.add_patient("Hana Other", &["--independent", "yes"]);
    let (status, held) = api_post(
        &app,
        &token,
        "/api/v1/admissions",
        json!({"patient_id": other, "crew_judged_oxygen": true, "independent": true, "reason": "hotline call from ambulance 12"}),
    )
    .await;
    assert_eq!(status, 201, "{held}");

    let doctor = on_telegram(&app, "Dr Sato", "doctor", 7601).await;
    contractor(&app, "Ucon1").await;
    let id = patient(
        &app,
        "Upat61",
        &[
            "--family-doctor",
            &doctor.to_string(),
            "--independent",
            "yes",
            "--address",
            "1-2-3 Toyotamakita, Nerima",
        ],
    )
    .await;

    // SpO2 91, confirmed: the station is full, so oxygen at home; the doctor is asked to call
    app.line_text("Upat61", "SpO2 91 36.9").await;
    wait_text(&app, "measure your SpO2 again").await;
    app.line_text("Upat61", "91").await;
    wait_text(&app, "Oxygen can be lent to you at home").await;
    let route = app.care_requests_of(id, "oxygen").await;
    assert_eq!(route[0]["route"], "home");
    let coordination = app
        .care_requests_of(id, "hospital_coordination")
        .await
        .iter()
        .filter(|r| r["status"] == "open")
        .count();
    assert_eq!(coordination, 1, "hospital coordination runs in parallel");

    // the doctor accepts the call, reports "oxygen needed" and orders a cylinder at 2 L/min
    let accept = button(&app, "7601", "Telephone consultation requested", "Accept").await;
    app.tg_press(7601, &accept).await;
    let oxygen = button(&app, "7601", "is yours", "Oxygen needed").await;
    app.tg_press(7601, &oxygen).await;
    let order = button(&app, "7601", "Order oxygen at home for Pat Doe", "Cylinder 2 L/min").await;
    app.tg_press(7601, &order).await;
    wait_text_to(
        &app,
        "7601",
        "Ordered: cylinder with breath-synchronising regulator, 2 L/min",
    )
    .await;
    assert_eq!(unit_state(&app, "C-001").await, "reserved");
    assert_eq!(unit_state(&app, "R-001").await, "reserved");
    wait_text_to(&app, "Upat61", "The doctor has ordered oxygen equipment").await;
    // out of stock now: staff are told
    let low = app
        .scalar_i64("SELECT COUNT(*) FROM staff_alerts WHERE kind = 'low_stock'")
        .await;
    assert!(low >= 1, "low stock alert");

    // the contractor is offered the delivery with the address and the serials, and takes it
    let offer = wait_text_to(&app, "Ucon1", "Oxygen equipment delivery requested").await;
    assert!(offer.contains("1-2-3 Toyotamakita, Nerima"), "{offer}");
    assert!(
        offer.contains("cylinder C-001") && offer.contains("regulator R-001"),
        "{offer}"
    );
    assert!(offer.contains("2 L/min"), "{offer}");
    assert!(!offer.contains("SpO2"), "a contractor is not shown readings: {offer}");
    let accept = button(&app, "Ucon1", "Oxygen equipment delivery requested", "Accept").await;
    app.line_postback("Ucon1", &accept).await;
    wait_text_to(&app, "Upat61", "(equipment contractor) will contact you").await;
    let delivered = button(
        &app,
        "",
        "Oxygen equipment delivery for Pat Doe is yours",
        "Delivered and set up",
    )
    .await;
    assert_eq!(unit_state(&app, "C-001").await, "out_for_delivery");

    // the service restarts while the kit is on its way; the contractor's tap still counts (once
    // what was sent is marked: a message sent but not yet marked when the process dies holds its
    // chat's queue until its lease runs out, and this test's clock stands still)
    app.settle().await;
    app.kill();
    app.start(Loops::default(), &[]).await;
    app.line_postback("Ucon1", &delivered).await;
    wait_text_to(&app, "Upat61", "The oxygen equipment has been delivered").await;
    assert_eq!(unit_state(&app, "C-001").await, "in_use");
    assert_eq!(unit_state(&app, "R-001").await, "in_use");
    // a unit at a patient's home cannot be put back in stock by hand
    let out = app.cli(&[
        "equipment",
        "set",
        "C-001",
        "--state",
        "available",
        "--reason",
        "mistake",
    ]);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("a unit that is in use cannot become available"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // the ordering doctor is offered the visit that starts oxygen, and confirms it started
    let visit = wait_text_to(&app, "7601", "Home visit to start oxygen requested").await;
    assert!(visit.contains("start oxygen at home"), "{visit}");
    let accept = button(&app, "7601", "Home visit to start oxygen requested", "Accept").await;
    app.tg_press(7601, &accept).await;
    let started = button(
        &app,
        "7601",
        "Home visit to start oxygen for Pat Doe is yours",
        "Oxygen started",
    )
    .await;
    app.tg_press(7601, &started).await;
    wait_text_to(&app, "7601", "Recorded: oxygen started").await;
    // the doctor keeps the button that ends it
    button(&app, "7601", "Tap \"End oxygen\"", "End oxygen").await;
    wait_text_to(&app, "Upat61", "Oxygen has been started at 2 L/min").await;
    let (_, orders) = api_get(&app, &token, "/api/v1/oxygen-orders").await;
    let o = &orders["oxygen_orders"][0];
    assert_eq!(o["status"], "started", "{orders}");
    assert_eq!(o["flow_rate"], "2");
    assert_eq!(o["ordered_by"]["provider_id"], doctor);

    // released: the collection job goes to the contractor, the units to cleaning, then stock
    let (status, _) = api_post(
        &app,
        &token,
        &format!("/api/v1/patients/{id}/episode"),
        json!({"action": "end", "reason": "recovered, doctor's release"}),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(unit_state(&app, "C-001").await, "to_collect");
    let accept = button(&app, "Ucon1", "Oxygen equipment collection requested", "Accept").await;
    app.line_postback("Ucon1", &accept).await;
    let collected = button(
        &app,
        "",
        "Oxygen equipment collection for Pat Doe is yours",
        "Collected",
    )
    .await;
    app.line_postback("Ucon1", &collected).await;
    wait_text(&app, "Recorded: equipment collected").await;
    assert_eq!(unit_state(&app, "C-001").await, "cleaning");
    assert_eq!(unit_state(&app, "R-001").await, "cleaning");
    cli_ok(
        &app,
        &[
            "equipment",
            "set",
            "C-001",
            "--state",
            "available",
            "--reason",
            "cleaned",
        ],
    );
    let (status, _) = api_post(
        &app,
        &token,
        "/api/v1/equipment/R-001/state",
        json!({"state": "available", "reason": "cleaned"}),
    )
    .await;
    assert_eq!(status, 200);
    let (_, stock) = api_get(&app, &token, "/api/v1/equipment").await;
    assert_eq!(stock["by_state"]["cylinder"]["available"], 1, "{stock}");
    assert_eq!(stock["by_state"]["regulator"]["available"], 1, "{stock}");

    // the unit's whole history, who moved it and why
    let history: Value =
        serde_json::from_str(&cli_ok(&app, &["equipment", "history", "C-001", "--json"])).expect("json");
    let states: Vec<&str> = history["history"]
        .as_array()
        .expect("history")
        .iter()
        .filter_map(|e| e["to"].as_str())
        .collect();
    assert_eq!(
        states,
        [
            "available",
            "reserved",
            "out_for_delivery",
            "in_use",
            "to_collect",
            "cleaning",
            "available"
        ]
    );
    assert_eq!(history["history"][1]["by"], format!("provider:{doctor}"));
    assert_eq!(history["history"][6]["reason"], "cleaned");
    let audited = app
        .scalar_i64(
            "SELECT COUNT(*) FROM audit_log WHERE action IN ('equipment.read', 'equipment.list', 'oxygen_orders.list')",
        )
        .await;
    assert!(audited >= 3);
}
both_engines!(spo2_91_with_the_station_full_gets_oxygen_at_home_until_collected_and_cleaned);

async fn a_free_bed_admits_the_patient_to_the_station_until_discharge(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.set_time(friday_morning());
    let token = staff_token(&app);
    cli_ok(
        &app,
        &[
            "station",
            "add",
            "--name",
            "Nerima Station",
            "--beds",
            "oxygen=2,therapy=1",
        ],
    );
    cli_ok(
        &app,
        &["equipment", "add", "--kind", "concentrator", "--serial", "K-001"],
    );
    let id = patient(&app, "Upat62", &["--independent", "yes"]).await;

    app.line_text("Upat62", "SpO2 91 36.9").await;
    wait_text(&app, "measure your SpO2 again").await;
    app.line_text("Upat62", "90").await;
    // SpO2 90 is an emergency: never the station
    wait_text(&app, "Call 119 now for an ambulance").await;
    let admissions = app.scalar_i64("SELECT COUNT(*) FROM admissions").await;
    assert_eq!(admissions, 0, "an emergency is not sent to the station");

    let id2 = crate::helpers::named_patient(&app, "Kei Two", "Upat63", &["--independent", "yes"]).await;
    app.line_text("Upat63", "SpO2 92 36.9").await;
    app.line_text("Upat63", "92").await;
    wait_text(&app, "A bed at the oxygen station (Nerima Station) is being held").await;
    let (_, list) = api_get(&app, &token, "/api/v1/admissions").await;
    let a = list["admissions"]
        .as_array()
        .and_then(|a| a.iter().find(|a| a["patient_id"] == id2))
        .cloned()
        .expect("an admission");
    assert_eq!(a["status"], "requested");
    assert_eq!(a["source"], "triage");
    let alert = app
        .scalar_i64(&format!(
            "SELECT COUNT(*) FROM staff_alerts WHERE kind = 'station_admission' AND patient_id = {id2}"
        ))
        .await;
    assert_eq!(alert, 1, "the hotline is told");
    let (_, stations) = api_get(&app, &token, "/api/v1/stations").await;
    assert_eq!(stations["stations"][0]["beds"]["oxygen"]["held"], 1, "{stations}");
    assert_eq!(stations["stations"][0]["beds"]["therapy"]["free"], 1, "{stations}");

    let aid = a["id"].as_i64().expect("id");
    let step = |action: &'static str| {
        let app = &app;
        let token = token.clone();
        async move {
            api_post(
                app,
                &token,
                &format!("/api/v1/admissions/{aid}/{action}"),
                json!({"reason": format!("hotline: {action}")}),
            )
            .await
        }
    };
    assert_eq!(step("accept").await.0, 200);
    wait_text_to(&app, "Upat63", "The oxygen station (Nerima Station) has accepted you").await;
    // a step out of order is refused with the reason
    let (status, body) = step("discharge").await;
    assert_eq!(status, 409);
    assert_eq!(
        body["error"],
        "a station admission that is accepted cannot become discharged"
    );
    assert_eq!(step("admit").await.0, 200);
    let out = cli_ok(&app, &["station", "list", "--json"]);
    let v: Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["stations"][0]["beds"]["oxygen"]["occupied"], 1, "{v}");
    assert_eq!(step("discharge").await.0, 200);
    wait_text_to(&app, "Upat63", "You are discharged from the oxygen station").await;
    let (_, stations) = api_get(&app, &token, "/api/v1/stations").await;
    assert_eq!(stations["stations"][0]["beds"]["oxygen"]["free"], 2, "{stations}");
    let done = app.care_requests_of(id2, "oxygen").await;
    assert_eq!(done[0]["status"], "done");
    let _ = id;
}
both_engines!(a_free_bed_admits_the_patient_to_the_station_until_discharge);

async fn two_orders_for_the_last_cylinder_exactly_one_gets_it(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let token = staff_token(&app);
    cli_ok(&app, &["equipment", "add", "--kind", "cylinder", "--serial", "C-100"]);
    cli_ok(&app, &["equipment", "add", "--kind", "regulator", "--serial", "R-100"]);
    cli_ok(&app, &["equipment", "add", "--kind", "regulator", "--serial", "R-101"]);
    let (a, _) = app.add_patient("Aki A", &[]);
    let (b, _) = app.add_patient("Ben B", &[]);
    let body = json!({"kit": "cylinder", "flow_rate": 2.5, "reason": "Dr Sato by phone"});
    let (path_a, path_b) = (
        format!("/api/v1/patients/{a}/oxygen-orders"),
        format!("/api/v1/patients/{b}/oxygen-orders"),
    );
    let (ra, rb) = tokio::join!(
        api_post(&app, &token, &path_a, body.clone()),
        api_post(&app, &token, &path_b, body.clone()),
    );
    let mut statuses = [ra.0, rb.0];
    statuses.sort();
    assert_eq!(statuses, [201, 409], "{ra:?} {rb:?}");
    let (winner, loser) = if ra.0 == 201 { (ra, b) } else { (rb, a) };
    assert_eq!(winner.1["flow_rate"], "2.5");
    assert_eq!(winner.1["units"].as_array().map(Vec::len), Some(2), "{:?}", winner.1);
    assert_eq!(unit_state(&app, "C-100").await, "reserved");
    let regulators = app
        .scalar_i64("SELECT COUNT(*) FROM equipment_units WHERE kind = 'regulator' AND state = 'available'")
        .await;
    assert_eq!(regulators, 1, "the loser's regulator went back to stock");
    // the loser is routed onwards: hospital coordination and an alert
    let routed = app.care_requests_of(loser, "hospital_coordination").await.len();
    assert_eq!(routed, 1);
    let alerted = app
        .scalar_i64(&format!(
            "SELECT COUNT(*) FROM staff_alerts WHERE kind = 'no_oxygen_stock' AND patient_id = {loser}"
        ))
        .await;
    assert_eq!(alerted, 1);
    // a second order for the winner is refused while the first is out
    let (status, _) = api_post(
        &app,
        &token,
        &format!("/api/v1/patients/{}/oxygen-orders", winner.1["patient_id"]),
        body,
    )
    .await;
    assert_eq!(status, 409);
    let (status, _) = api_post(
        &app,
        &token,
        &format!("/api/v1/patients/{a}/oxygen-orders"),
        json!({"kit": "cylinder", "flow_rate": 40, "reason": "x"}),
    )
    .await;
    assert_eq!(status, 400, "a flow of 40 L/min is refused");
}
both_engines!(two_orders_for_the_last_cylinder_exactly_one_gets_it);

async fn two_hotline_calls_for_the_last_bed_exactly_one_gets_it(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let token = staff_token(&app);
    cli_ok(
        &app,
        &["station", "add", "--name", "Nerima Station", "--beds", "oxygen=1"],
    );
    let (a, _) = app.add_patient("Aki A", &[]);
    let (b, _) = app.add_patient("Ben B", &[]);
    let body =
        |p: i64| json!({"patient_id": p, "crew_judged_oxygen": true, "independent": true, "reason": "ambulance crew"});
    let (ra, rb) = tokio::join!(
        api_post(&app, &token, "/api/v1/admissions", body(a)),
        api_post(&app, &token, "/api/v1/admissions", body(b)),
    );
    let mut statuses = [ra.0, rb.0];
    statuses.sort();
    assert_eq!(statuses, [201, 409], "{ra:?} {rb:?}");
    let held = app.scalar_i64("SELECT COUNT(*) FROM beds WHERE state = 'held'").await;
    assert_eq!(held, 1);
    let admissions = app.scalar_i64("SELECT COUNT(*) FROM admissions").await;
    assert_eq!(admissions, 1);
    // the station takes only patients who are independent and without emergency signs
    let (c, _) = app.add_patient("Chie C", &[]);
    let (status, _) = api_post(
        &app,
        &token,
        "/api/v1/admissions",
        json!({"patient_id": c, "crew_judged_oxygen": true, "independent": false, "reason": "x"}),
    )
    .await;
    assert_eq!(status, 422);
}
both_engines!(two_hotline_calls_for_the_last_bed_exactly_one_gets_it);

async fn equipment_is_imported_whole_or_not_at_all(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let dir = std::env::temp_dir().join(format!("mimamori-equipment-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).expect("dir");
    let bad = dir.join("bad.csv");
    std::fs::write(&bad, "kind,serial\ncylinder,C-1\ntank,T-1\n").expect("write");
    let out = app.cli(&["equipment", "import", bad.to_str().expect("path")]);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("line 3"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM equipment_units").await, 0);
    let good = dir.join("good.csv");
    let mut text = String::from("kind,serial\n");
    for i in 1..=20 {
        text.push_str(&format!("cylinder,C-{i:03}\n"));
    }
    for i in 1..=10 {
        text.push_str(&format!("regulator,R-{i:03}\n"));
    }
    text.push_str("concentrator,K-001\nconcentrator,K-002\n");
    std::fs::write(&good, text).expect("write");
    cli_ok(&app, &["equipment", "import", good.to_str().expect("path")]);
    let v: Value = serde_json::from_str(&cli_ok(&app, &["equipment", "list", "--json"])).expect("json");
    assert_eq!(v["by_state"]["cylinder"]["available"], 20);
    assert_eq!(v["by_state"]["regulator"]["available"], 10);
    assert_eq!(v["by_state"]["concentrator"]["available"], 2);
    // importing the same file again adds nothing
    let out = app.cli(&["equipment", "import", good.to_str().expect("path")]);
    assert!(!out.status.success());
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM equipment_units").await, 32);
    let _ = std::fs::remove_dir_all(dir);
}
both_engines!(equipment_is_imported_whole_or_not_at_all);

async fn a_treatment_referral_is_fetched_treated_and_brought_home(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.set_time(friday_morning());
    let token = staff_token(&app);
    cli_ok(
        &app,
        &[
            "station",
            "add",
            "--name",
            "Nerima Station",
            "--beds",
            "oxygen=1,therapy=1",
        ],
    );
    let (status, _) = api_post(
        &app,
        &token,
        "/api/v1/admissions",
        json!({"patient_id": 99, "bed_kind": "therapy", "reason": "x"}),
    )
    .await;
    assert_eq!(status, 404);
    contractor(&app, "Ucon2").await;
    let id = crate::helpers::named_patient(
        &app,
        "Rin Early",
        "Upat64",
        &[
            "--risk",
            "diabetes",
            "--independent",
            "yes",
            "--address",
            "4-5-6 Shakujii, Nerima",
        ],
    )
    .await;
    app.line_text("Upat64", "SpO2 98 36.9").await;
    wait_text(&app, "early treatment").await;
    let referral = app.care_requests_of(id, "treatment_referral").await[0]["id"].clone();

    // the antibody call centre selected the patient; the station takes them
    let (status, a) = api_post(
        &app,
        &token,
        "/api/v1/admissions",
        json!({"patient_id": id, "bed_kind": "therapy", "reason": "selected by the antibody call centre"}),
    )
    .await;
    assert_eq!(status, 201, "{a}");
    assert_eq!(a["source"], "referral");
    assert_eq!(a["care_request_id"], referral, "{a}");
    let aid = a["id"].as_i64().expect("id");
    let act = |action: &'static str| {
        let app = &app;
        let token = token.clone();
        async move {
            api_post(
                app,
                &token,
                &format!("/api/v1/admissions/{aid}/{action}"),
                json!({"reason": action}),
            )
            .await
        }
    };
    assert_eq!(act("accept").await.0, 200);
    wait_text_to(&app, "Upat64", "has accepted you").await;

    // the transport contractor fetches the patient; arrival starts the admission
    let offer = wait_text_to(&app, "Ucon2", "Patient transport requested").await;
    assert!(
        offer.contains("pick-up: the patient's home → Nerima Station"),
        "{offer}"
    );
    assert!(offer.contains("4-5-6 Shakujii"), "{offer}");
    let accept = button(&app, "Ucon2", "pick-up", "Accept").await;
    app.line_postback("Ucon2", &accept).await;
    let arrived = button(&app, "", "Patient transport for Rin Early is yours", "Arrived").await;
    app.line_postback("Ucon2", &arrived).await;
    wait_text(&app, "Recorded: arrived").await;
    let (_, list) = api_get(&app, &token, "/api/v1/admissions").await;
    assert_eq!(list["admissions"][0]["status"], "admitted", "{list}");
    let arrival = app
        .scalar_i64("SELECT COUNT(*) FROM staff_alerts WHERE kind = 'station_arrival'")
        .await;
    assert_eq!(arrival, 1, "the station is told of the arrival");

    assert_eq!(act("treated").await.0, 200);
    assert_eq!(act("discharge").await.0, 200);
    wait_text_to(&app, "Upat64", "You are discharged from the oxygen station").await;
    let back = wait_text_to(&app, "Ucon2", "return: Nerima Station → the patient's home").await;
    assert!(back.contains("Rin Early"), "{back}");
    let done = app.care_requests_of(id, "treatment_referral").await;
    assert_eq!((&done[0]["id"], &done[0]["status"]), (&referral, &json!("done")));
    let (_, stations) = api_get(&app, &token, "/api/v1/stations").await;
    assert_eq!(stations["stations"][0]["beds"]["therapy"]["free"], 1, "{stations}");
    let (_, jobs) = api_get(&app, &token, "/api/v1/jobs").await;
    assert_eq!(jobs["jobs"][0]["kind"], "transport", "{jobs}");
}
both_engines!(a_treatment_referral_is_fetched_treated_and_brought_home);

async fn a_doctor_may_type_any_flow_and_the_job_is_listed_for_staff(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.set_time(friday_morning());
    cli_ok(&app, &["equipment", "add", "--kind", "cylinder", "--serial", "C-201"]);
    cli_ok(&app, &["equipment", "add", "--kind", "regulator", "--serial", "R-201"]);
    let doctor = on_telegram(&app, "Dr Sato", "doctor", 7602).await;
    let id = patient(
        &app,
        "Upat65",
        &[
            "--family-doctor",
            &doctor.to_string(),
            "--independent",
            "no",
            "--address",
            "7-8 Oizumi",
        ],
    )
    .await;
    let shown: Value =
        serde_json::from_str(&cli_ok(&app, &["patient", "show", &id.to_string(), "--json"])).expect("json");
    assert_eq!(shown["address"], "7-8 Oizumi");
    assert_eq!(shown["independent"], false);

    app.line_text("Upat65", "SpO2 92 37.2").await;
    app.line_text("Upat65", "92").await;
    let accept = button(&app, "7602", "Telephone consultation requested", "Accept").await;
    app.tg_press(7602, &accept).await;
    let oxygen = button(&app, "7602", "is yours", "Oxygen needed").await;
    app.tg_press(7602, &oxygen).await;
    wait_text_to(&app, "7602", "Order oxygen at home for Pat Doe").await;
    // a note is a note; a typed order is an order
    app.tg_text(7602, "cylinder 40", None).await;
    wait_text_to(&app, "7602", "Your note is saved").await;
    assert_eq!(unit_state(&app, "C-201").await, "available");
    app.tg_text(7602, "cylinder 2.5", None).await;
    wait_text_to(
        &app,
        "7602",
        "Ordered: cylinder with breath-synchronising regulator, 2.5 L/min",
    )
    .await;
    assert_eq!(unit_state(&app, "C-201").await, "reserved");

    let jobs: Value = serde_json::from_str(&cli_ok(&app, &["cases", "jobs", "--json"])).expect("json");
    let job = &jobs["jobs"][0];
    assert_eq!(job["kind"], "oxygen_delivery", "{jobs}");
    assert_eq!(job["patient"]["id"], id);
    assert!(
        job["deadline"].as_str().is_some_and(|d| d.starts_with("2026-11-20")),
        "{jobs}"
    );
}
both_engines!(a_doctor_may_type_any_flow_and_the_job_is_listed_for_staff);

async fn a_staff_order_reaches_the_patient_without_waiting_for_the_poll(engine: Engine) {
    // every loop polls only every ten minutes: anything sent promptly was woken
    let app = TestApp::spawn_with(engine, Loops::default(), &[("MIMAMORI_POLL_INTERVAL_MS", "600000")]).await;
    let token = staff_token(&app);
    cli_ok(&app, &["equipment", "add", "--kind", "concentrator", "--serial", "K-1"]);
    let (id, code) = app.add_patient("Mio", &["--language", "en"]);
    app.tg_text(9301, &code, Some("en")).await;
    let n = app.wait_for_texts(2).await.len();
    let (status, _) = api_post(
        &app,
        &token,
        &format!("/api/v1/patients/{id}/oxygen-orders"),
        json!({"kit": "concentrator", "flow_rate": 1, "reason": "Dr Sato by phone"}),
    )
    .await;
    assert_eq!(status, 201);
    let texts = app.wait_for_texts(n + 1).await;
    assert!(texts[n..].iter().any(|t| t.contains("oxygen")), "{texts:?}");
}
both_engines!(a_staff_order_reaches_the_patient_without_waiting_for_the_poll);

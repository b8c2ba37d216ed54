//! Staff see patients, readings, assessments and open care requests through the JSON API and
//! the CLI; every read is audited.

use serde_json::{Value, json};

use crate::both_engines;
use crate::helpers::{Engine, TestApp, api_get, staff_token};

async fn staff_read_and_close_care_requests_through_the_api(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let token = staff_token(&app);
    assert!(
        app.scalar_i64(&format!("SELECT COUNT(*) FROM staff WHERE token_hash = '{token}'"))
            .await
            == 0,
        "only a hash of the token is stored"
    );
    // two patients: one says "worse", then one reports an emergency
    let (calm, code_a) = app.add_patient("Alice", &["--language", "en", "--area", "north"]);
    let (sick, code_b) = app.add_patient("Bob", &["--language", "en", "--area", "south"]);
    app.tg_text(5001, &code_a, Some("en")).await;
    app.tg_text(5002, &code_b, Some("en")).await;
    app.wait_for_texts(4).await;
    app.tg_text(5001, "worse", Some("en")).await;
    app.tg_text(5002, "SpO2 88 37.9", Some("en")).await;
    app.wait_for_texts(7).await;
    app.settle().await;

    // no token, wrong token
    let r = app
        .http
        .get(format!("{}/api/v1/care-requests", app.base))
        .send()
        .await
        .expect("GET");
    assert_eq!(r.status(), 401);
    assert_eq!(api_get(&app, "mmr_wrong", "/api/v1/care-requests").await.0, 401);

    let (status, body) = api_get(&app, &token, "/api/v1/care-requests?lang=en").await;
    assert_eq!(status, 200);
    let cases = body["care_requests"].as_array().expect("list");
    let order: Vec<(&str, &str)> = cases
        .iter()
        .map(|c| (c["kind"].as_str().unwrap_or(""), c["urgency"].as_str().unwrap_or("")))
        .collect();
    assert_eq!(
        order,
        vec![
            ("emergency", "emergency"),
            ("hospital_coordination", "emergency"),
            ("phone_consultation", "watch")
        ]
    );
    assert_eq!(cases[0]["patient"]["id"], sick);
    assert_eq!(cases[0]["reasons"][0], "SpO2 88% ≤ 90% (severe)");
    let (_, ja) = api_get(&app, &token, "/api/v1/care-requests").await;
    let reasons = ja["care_requests"][2]["reasons"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(
        reasons.contains(&json!("前回より悪化")) && reasons.contains(&json!("SpO2 の報告なし")),
        "{reasons:?}"
    );

    let (status, body) = api_get(&app, &token, "/api/v1/patients?severity=emergency").await;
    assert_eq!(status, 200);
    let list = body["patients"].as_array().expect("patients");
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["id"], sick);
    assert_eq!(list[0]["latest_reading"]["spo2"], 88);
    assert_eq!(list[0]["latest_reading"]["temperature"], 37.9);
    assert_eq!(api_get(&app, &token, "/api/v1/patients?severity=bad").await.0, 400);
    let (_, north) = api_get(&app, &token, "/api/v1/patients?area=north").await;
    assert_eq!(north["patients"].as_array().map(|p| p.len()), Some(1));
    assert_eq!(north["patients"][0]["id"], calm);

    let (status, record) = api_get(&app, &token, &format!("/api/v1/patients/{sick}?lang=en")).await;
    assert_eq!(status, 200);
    assert_eq!(record["readings"][0]["source_text"], "SpO2 88 37.9");
    assert_eq!(record["assessments"][0]["level"], "emergency");
    assert_eq!(
        record["assessments"][0]["ruleset_version"],
        "mimamori-default-2026.11.2"
    );
    assert_eq!(api_get(&app, &token, "/api/v1/patients/99999").await.0, 404);

    // close the phone consultation with a reason
    let id = cases[2]["id"].as_i64().expect("id");
    let close = |body: Value| {
        app.http
            .post(format!("{}/api/v1/care-requests/{id}/close", app.base))
            .bearer_auth(&token)
            .json(&body)
            .send()
    };
    assert_eq!(
        close(json!({"outcome": "done"})).await.expect("POST").status(),
        400,
        "a reason is required"
    );
    assert_eq!(
        close(json!({"outcome": "maybe", "reason": "x"}))
            .await
            .expect("POST")
            .status(),
        400
    );
    assert_eq!(
        close(json!({"outcome": "done", "reason": "called, feels better"}))
            .await
            .expect("POST")
            .status(),
        200
    );
    assert_eq!(
        close(json!({"outcome": "done", "reason": "again"}))
            .await
            .expect("POST")
            .status(),
        409
    );
    let (_, after) = api_get(&app, &token, "/api/v1/care-requests").await;
    assert_eq!(after["care_requests"].as_array().map(|c| c.len()), Some(2));

    // the CLI mirrors the list
    let out = app.cli(&["cases", "list", "--json", "--lang", "en"]);
    assert!(out.status.success());
    let cli: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(cli["care_requests"], after_en(&app, &token).await);

    // every read was audited, with who and what
    let reads = app.scalar_i64(&format!("SELECT COUNT(*) FROM audit_log WHERE action = 'patient.read' AND subject = 'patient:{sick}' AND staff_id IS NOT NULL")).await;
    assert_eq!(reads, 1);
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM audit_log WHERE action = 'care_request.done'")
            .await,
        1
    );

    // assigned names a provider (through /assign); open → in progress → cancelled; nothing moves back
    let oxygen = cases[0]["id"].as_i64().expect("id");
    let status = |to: &str| {
        app.http
            .post(format!("{}/api/v1/care-requests/{oxygen}/status", app.base))
            .bearer_auth(&token)
            .json(&json!({"status": to, "reason": "ambulance took the patient"}))
            .send()
    };
    assert_eq!(
        status("assigned").await.expect("POST").status(),
        400,
        "assigned to nobody"
    );
    assert_eq!(status("in_progress").await.expect("POST").status(), 200);
    assert_eq!(
        status("in_progress").await.expect("POST").status(),
        409,
        "no going back"
    );
    assert_eq!(status("open").await.expect("POST").status(), 400);
    assert_eq!(status("cancelled").await.expect("POST").status(), 200);
    assert_eq!(status("done").await.expect("POST").status(), 409, "closed stays closed");
    assert!(
        app.scalar_i64("SELECT COUNT(*) FROM audit_log WHERE action = 'cases.list' AND staff_id IS NULL")
            .await
            == 1
    );
}
both_engines!(staff_read_and_close_care_requests_through_the_api);

async fn after_en(app: &TestApp, token: &str) -> Value {
    api_get(app, token, "/api/v1/care-requests?lang=en").await.1["care_requests"].clone()
}

async fn the_openapi_document_describes_every_route(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let token = staff_token(&app);
    let r = app
        .http
        .get(format!("{}/api/v1/openapi.json", app.base))
        .send()
        .await
        .expect("GET");
    assert_eq!(r.status(), 200);
    let doc: Value = r.json().await.expect("JSON");
    assert_eq!(doc["openapi"], "3.0.3");
    let paths = doc["paths"].as_object().expect("paths");
    for (path, ops) in paths {
        for method in ops.as_object().expect("operations").keys() {
            let url = format!(
                "{}{}",
                app.base,
                path.replace("{id}", "1")
                    .replace("{serial}", "X-1")
                    .replace("{action}", "accept")
            );
            let req = match method.as_str() {
                "get" => app.http.get(url),
                "post" => app.http.post(url).json(&json!({})),
                other => panic!("unexpected method {other}"),
            };
            let status = req.bearer_auth(&token).send().await.expect("request").status().as_u16();
            assert!(
                status != 405 && (status != 404 || path.contains('{')),
                "{method} {path} → {status}"
            );
        }
    }
}
both_engines!(the_openapi_document_describes_every_route);

/// A read is audited once it is done, before its answer goes out (the audit's commit makes what
/// was read durable); many staff reading at once are all answered, more than a pool holds, and
/// a read of what does not exist is audited too.
async fn many_staff_reading_at_once_are_all_answered_and_audited(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let token = staff_token(&app);
    let (patient, code) = app.add_patient("Alice", &["--language", "en"]);
    app.tg_text(5101, &code, Some("en")).await;
    app.tg_text(5101, "SpO2 97 36.8", Some("en")).await;
    app.wait_for_texts(3).await;
    app.settle().await;
    let url = format!("{}/api/v1/patients/{patient}", app.base);
    let mut reads = tokio::task::JoinSet::new();
    for _ in 0..40 {
        let (http, url, token) = (app.http.clone(), url.clone(), token.clone());
        reads.spawn(async move {
            let r = http.get(url).bearer_auth(token).send().await.expect("GET");
            let status = r.status().as_u16();
            (status, r.json::<Value>().await.unwrap_or(Value::Null))
        });
    }
    let answers = reads.join_all().await;
    assert!(
        answers
            .iter()
            .all(|(status, body)| *status == 200 && body["readings"][0]["spo2"] == 97),
        "every read answered with the reading: {:?}",
        answers.iter().map(|a| a.0).collect::<Vec<_>>()
    );
    assert_eq!(api_get(&app, &token, "/api/v1/patients/999999").await.0, 404);
    assert_eq!(
        app.scalar_i64(&format!(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'patient.read' AND subject = 'patient:{patient}'"
        ))
        .await,
        40,
        "each read audited once"
    );
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM audit_log WHERE action = 'patient.read' AND subject = 'patient:999999'")
            .await,
        1,
        "the read of a patient that does not exist is audited too"
    );
}
both_engines!(many_staff_reading_at_once_are_all_answered_and_audited);

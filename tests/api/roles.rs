//! Roles, areas and tokens through the API: every route refuses the roles that may not perform
//! its action (403 with a clear body, nothing changed, the refusal audited), an area-limited
//! account sees its areas only, and an expired, revoked or disabled token is refused at once.

use serde_json::{Value, json};

use crate::both_engines;
use crate::helpers::{Engine, TestApp};

/// Every route of the API with the action it performs (the OpenAPI document must list no other).
const ROUTES: &[(&str, &str, &str)] = &[
    ("GET", "/api/v1/patients", "read"),
    ("POST", "/api/v1/patients", "manage_patients"),
    ("GET", "/api/v1/exports/{kind}", "export_patient_data"),
    ("GET", "/api/v1/patients/{patient}/fhir", "export_patient_data"),
    ("GET", "/api/v1/patients/{patient}", "read"),
    ("POST", "/api/v1/patients/{patient}/episode", "manage_patients"),
    ("POST", "/api/v1/patients/{patient}/messages", "manage_patients"),
    ("GET", "/api/v1/care-requests", "read"),
    ("GET", "/api/v1/care-requests/{request}", "read"),
    ("POST", "/api/v1/care-requests/{request}/assign", "act_on_requests"),
    ("POST", "/api/v1/care-requests/{request}/close", "act_on_requests"),
    ("POST", "/api/v1/care-requests/{request}/status", "act_on_requests"),
    ("GET", "/api/v1/reports/providers?from=2026-11-01&to=2026-11-02", "read"),
    ("GET", "/api/v1/equipment", "read"),
    ("POST", "/api/v1/equipment", "manage_resources"),
    ("GET", "/api/v1/equipment/C-1", "read"),
    ("POST", "/api/v1/equipment/C-1/state", "oxygen"),
    ("GET", "/api/v1/oxygen-orders", "read"),
    ("POST", "/api/v1/patients/{patient}/oxygen-orders", "oxygen"),
    ("POST", "/api/v1/oxygen-orders/1/start", "oxygen"),
    ("POST", "/api/v1/oxygen-orders/1/end", "oxygen"),
    ("POST", "/api/v1/oxygen-orders/1/swap", "oxygen"),
    ("GET", "/api/v1/stations", "read"),
    ("GET", "/api/v1/admissions", "read"),
    ("POST", "/api/v1/admissions", "oxygen"),
    ("POST", "/api/v1/admissions/1/admit", "oxygen"),
    ("GET", "/api/v1/jobs", "read"),
    ("GET", "/api/v1/broadcasts", "read"),
    ("POST", "/api/v1/broadcasts", "broadcast"),
    ("GET", "/api/v1/broadcasts/1", "read"),
    ("GET", "/api/v1/broadcasts/1/unreached", "export_patient_data"),
    ("POST", "/api/v1/broadcasts/1/cancel", "broadcast"),
];

fn allowed(role: &str, action: &str) -> bool {
    match role {
        "viewer" => action == "read",
        "staff" => matches!(
            action,
            "read" | "export_patient_data" | "act_on_requests" | "manage_patients" | "oxygen" | "broadcast"
        ),
        _ => true,
    }
}

fn token_of(app: &TestApp, role: &str, extra: &[&str]) -> (i64, String) {
    let mut args = vec!["staff", "add", "--name", "someone", "--role", role, "--json"];
    args.extend_from_slice(extra);
    let out = app.cli_with_input(&args, "a long enough phrase\n");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    (
        v["staff_id"].as_i64().expect("id"),
        v["token"].as_str().expect("token").to_string(),
    )
}

async fn call(app: &TestApp, token: &str, method: &str, path: &str) -> (u16, Value) {
    let url = format!("{}{path}", app.base);
    let req = match method {
        "GET" => app.http.get(url),
        _ => app
            .http
            .post(url)
            .json(&json!({"reason": "a test", "outcome": "cancelled", "kit": "cylinder", "flow_rate": 2})),
    };
    let r = req.bearer_auth(token).send().await.expect("call");
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or(Value::Null))
}

#[test]
fn the_matrix_covers_every_route_of_the_openapi_document() {
    let doc: Value = serde_json::from_str(mimamori::api::OPENAPI).expect("openapi");
    let mut documented: Vec<(String, String)> = Vec::new();
    for (path, methods) in doc["paths"].as_object().expect("paths") {
        for method in methods.as_object().expect("methods").keys() {
            if path != "/api/v1/openapi.json" {
                documented.push((method.to_uppercase(), path.clone()));
            }
        }
    }
    let shape = |p: &str| -> String {
        p.split('?')
            .next()
            .unwrap_or("")
            .split('/')
            .map(|seg| {
                if seg.starts_with('{')
                    || seg.chars().all(|c| c.is_ascii_digit())
                    || seg == "C-1"
                    || seg == "admit"
                    || seg == "cancel"
                {
                    "*"
                } else {
                    seg
                }
            })
            .collect::<Vec<_>>()
            .join("/")
    };
    for (method, path) in &documented {
        assert!(
            ROUTES.iter().any(|(m, p, _)| m == method && shape(p) == shape(path)),
            "{method} {path} has no row in the role matrix"
        );
    }
    assert_eq!(documented.len(), ROUTES.len());
}

async fn every_route_refuses_the_roles_that_may_not(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (patient, n) = app.enrol_telegram(9301, "Rei", &[]).await;
    app.tg_text(9301, "I feel worse", Some("en")).await;
    app.wait_for_texts(n + 1).await;
    let request = app.care_requests(patient).await[0]["id"].as_i64().expect("a request");
    let tokens: Vec<(&str, String)> = ["viewer", "staff", "admin"]
        .into_iter()
        .map(|r| (r, token_of(&app, r, &[]).1))
        .collect();
    for (role, token) in &tokens {
        for (method, path, action) in ROUTES {
            let path = path
                .replace("{patient}", &patient.to_string())
                .replace("{request}", &request.to_string());
            let (status, body) = call(&app, token, method, &path).await;
            if allowed(role, action) {
                assert_ne!(status, 403, "{role} may {method} {path}: {body}");
            } else {
                assert_eq!(status, 403, "{role} may not {method} {path}: {body}");
                let said = body["error"].as_str().unwrap_or("");
                assert!(said.contains(role) && said.contains(action), "{said}");
            }
        }
        if *role == "viewer" {
            // nothing the viewer tried was done: the request is open, the patient observed
            let record = app.patient_record(patient).await;
            assert_eq!(record["care_requests"][0]["status"], "open");
            assert_eq!(record["status"], "active");
        }
    }
    // every refusal is in the audit log, with who and where
    let refusals = app
        .scalar_i64("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'denied.%' AND staff_id IS NOT NULL")
        .await;
    let expected = ROUTES
        .iter()
        .map(|(_, _, a)| ["viewer", "staff", "admin"].iter().filter(|r| !allowed(r, a)).count() as i64)
        .sum::<i64>();
    assert_eq!(refusals, expected);
}
both_engines!(every_route_refuses_the_roles_that_may_not);

async fn an_area_limited_account_sees_its_areas_only(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (north, _) = app.add_patient("Nao", &["--area", "north"]);
    let (south, _) = app.add_patient("Sou", &["--area", "south"]);
    let (_, token) = token_of(&app, "staff", &["--areas", "north"]);
    let (status, list) = call(&app, &token, "GET", "/api/v1/patients").await;
    assert_eq!(status, 200);
    let ids: Vec<i64> = list["patients"]
        .as_array()
        .expect("patients")
        .iter()
        .filter_map(|p| p["id"].as_i64())
        .collect();
    assert_eq!(ids, vec![north]);
    let (status, _) = call(&app, &token, "GET", &format!("/api/v1/patients/{north}")).await;
    assert_eq!(status, 200);
    let (status, _) = call(&app, &token, "GET", &format!("/api/v1/patients/{south}")).await;
    assert_eq!(status, 404, "another area's patient is not shown");
    let (status, _) = call(&app, &token, "POST", &format!("/api/v1/patients/{south}/episode")).await;
    assert_ne!(status, 200, "nor changed");
    assert_eq!(app.patient_record(south).await["status"], "active");
    let (status, body) = call(&app, &token, "POST", &format!("/api/v1/patients/{south}/oxygen-orders")).await;
    assert_eq!(status, 404, "no oxygen ordered for another area's patient: {body}");
}
both_engines!(an_area_limited_account_sees_its_areas_only);

async fn expired_revoked_and_disabled_tokens_are_refused_at_once(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (_, token) = token_of(&app, "staff", &["--login", "sasaki"]);
    let (status, _) = call(&app, &token, "GET", "/api/v1/patients").await;
    assert_eq!(status, 200);

    // revoked: the next call is refused
    let out = app.cli(&["staff", "token", "revoke", "sasaki"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let (status, body) = call(&app, &token, "GET", "/api/v1/patients").await;
    assert_eq!(status, 401, "{body}");

    // a new token works until it expires
    let out = app.cli(&["staff", "token", "add", "sasaki", "--days", "2", "--json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    let second = v["token"].as_str().expect("token").to_string();
    assert_eq!(call(&app, &second, "GET", "/api/v1/patients").await.0, 200);
    app.advance(chrono::Duration::days(2) + chrono::Duration::minutes(1));
    assert_eq!(call(&app, &second, "GET", "/api/v1/patients").await.0, 401, "expired");

    // a disabled account's tokens stop working
    let (_, third) = token_of(&app, "admin", &["--login", "tanaka"]);
    assert_eq!(call(&app, &third, "GET", "/api/v1/patients").await.0, 200);
    assert!(app.cli(&["staff", "disable", "tanaka"]).status.success());
    assert_eq!(call(&app, &third, "GET", "/api/v1/patients").await.0, 401);
}
both_engines!(expired_revoked_and_disabled_tokens_are_refused_at_once);

#[test]
fn the_security_doc_shows_the_role_table_the_code_enforces() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/SECURITY.md")).expect("SECURITY.md");
    let table = mimamori::domain::access::table_markdown();
    assert!(doc.contains(&table), "docs/SECURITY.md should hold, as is:\n{table}");
}

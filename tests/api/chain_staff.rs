//! Health-centre staff see each request's chain history (who was offered it, when, what they
//! answered) and assign, reassign or close it by hand with a reason; every action is audited.

use serde_json::{Value, json};

use crate::both_engines;
use crate::helpers::{
    Engine, TestApp, api_get, api_post, friday_morning, load_roster, offer_buttons, on_telegram, patient, staff_token,
    wait_text_to,
};

fn answers(request: &Value) -> Vec<(String, String)> {
    request["chain"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|o| {
            (
                o["provider"]["name"].as_str().unwrap_or("").to_string(),
                o["answer"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

async fn staff_follow_the_chain_and_assign_reassign_and_close_by_hand(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.set_time(friday_morning());
    let token = staff_token(&app);
    let family = on_telegram(&app, "Dr Family", "doctor", 8101).await;
    let rostered = on_telegram(&app, "Dr Roster", "doctor", 8102).await;
    let nurse = on_telegram(&app, "Nurse Ito", "nurse", 8103).await;
    load_roster(
        &app,
        &format!("staff-chain-{engine:?}"),
        &format!("[[cover]]\nprovider = {rostered}\nareas = [\"Nerima\"]\nshifts = [\"day\"]\n"),
    );
    let id = patient(&app, "Upat81", &["--family-doctor", &family.to_string()]).await;
    app.line_text("Upat81", "I feel worse, it is harder to breathe").await;
    let (_, decline) = offer_buttons(&app, 8101).await;
    app.tg_press(8101, &decline).await;
    let (accept_roster, _) = offer_buttons(&app, 8102).await;
    let request = app.care_requests_of(id, "home_visit").await[0]["id"]
        .as_i64()
        .expect("an id");

    // the chain so far: the family doctor declined, the roster doctor is asked
    let (status, one) = api_get(&app, &token, &format!("/api/v1/care-requests/{request}")).await;
    assert_eq!(status, 200, "{one}");
    assert_eq!(
        answers(&one),
        [
            ("Dr Family".to_string(), "declined".to_string()),
            ("Dr Roster".to_string(), "offered".to_string())
        ]
    );
    assert!(one["chain"][0]["answered_at"].is_string() && one["chain"][1]["deadline_at"].is_string());
    let (_, list) = api_get(&app, &token, "/api/v1/care-requests").await;
    let listed = list["care_requests"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|r| r["id"] == request)
        .cloned()
        .expect("listed");
    assert_eq!(answers(&listed).len(), 2, "the list carries the chain too");

    // staff hand it to a nurse, with a reason
    let path = format!("/api/v1/care-requests/{request}/assign");
    let (status, _) = api_post(&app, &token, &path, json!({"provider_id": nurse})).await;
    assert_eq!(status, 400, "a reason is required");
    let (status, _) = api_post(&app, &token, &path, json!({"provider_id": nurse, "reason": " "})).await;
    assert_eq!(status, 400);
    let (status, _) = api_post(&app, &token, &path, json!({"provider_id": 99999, "reason": "x"})).await;
    assert_eq!(status, 422);
    let (status, body) = api_post(
        &app,
        &token,
        &path,
        json!({"provider_id": nurse, "reason": "Dr Roster is in surgery"}),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    wait_text_to(&app, "8103", "Home visit for Pat Doe is yours").await;
    wait_text_to(&app, "Upat81", "Nurse Ito (nurse) will contact you").await;
    // the roster doctor's offer was withdrawn: a late accept is told it closed
    app.tg_press(8102, &accept_roster).await;
    wait_text_to(&app, "8102", "has closed").await;

    // and reassign it to the roster doctor: the nurse is told she need not act
    let (status, _) = api_post(
        &app,
        &token,
        &path,
        json!({"provider_id": rostered, "reason": "surgery is over"}),
    )
    .await;
    assert_eq!(status, 200);
    wait_text_to(&app, "8103", "passed the request for Pat Doe to someone else").await;
    wait_text_to(&app, "8102", "Home visit for Pat Doe is yours").await;
    let (_, one) = api_get(&app, &token, &format!("/api/v1/care-requests/{request}")).await;
    assert_eq!(one["status"], "assigned");
    assert_eq!(one["provider"]["id"], rostered);
    let history = answers(&one);
    assert_eq!(
        history[1..],
        [
            ("Dr Roster".to_string(), "withdrawn".to_string()),
            ("Nurse Ito".to_string(), "reassigned".to_string()),
            ("Dr Roster".to_string(), "assigned".to_string()),
        ]
    );
    let reasons = app
        .scalar_i64(
            "SELECT COUNT(*) FROM audit_log WHERE (action = 'care_request.assign' AND reason = 'Dr Roster is in surgery')
                OR (action = 'care_request.reassign' AND reason = 'surgery is over')",
        )
        .await;
    assert_eq!(reasons, 2, "each action is audited with its reason");

    // closed by staff: no more assignments
    let (status, _) = api_post(
        &app,
        &token,
        &format!("/api/v1/care-requests/{request}/close"),
        json!({"outcome": "cancelled", "reason": "admitted to hospital by family"}),
    )
    .await;
    assert_eq!(status, 200);
    let (status, _) = api_post(&app, &token, &path, json!({"provider_id": nurse, "reason": "again"})).await;
    assert_eq!(status, 409);
    let (status, _) = api_get(&app, &token, "/api/v1/care-requests/99999").await;
    assert_eq!(status, 404);
    let read = app
        .scalar_i64(&format!(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'care_request.read' AND subject = 'care_request:{request}'"
        ))
        .await;
    assert_eq!(read, 2, "every read is audited");
}
both_engines!(staff_follow_the_chain_and_assign_reassign_and_close_by_hand);

//! Broadcasts: the segment chooses who, each recipient gets the text in their language once, a
//! large one waits for a second member of staff, a cancel stops what has not gone, and a
//! language with no text is refused before anything is sent.

use serde_json::{Value, json};

use crate::both_engines;
use crate::helpers::{Engine, TestApp, api_get, api_post, friday_morning, staff_token};

async fn compose(app: &TestApp, token: &str, body: Value) -> Value {
    let (status, out) = api_post(app, token, "/api/v1/broadcasts", body).await;
    assert_eq!(status, 201, "{out}");
    out
}

/// Copies of a broadcast each chat got (LINE multicast or Telegram).
async fn copies(app: &TestApp, needle: &str) -> Vec<(Option<String>, String)> {
    app.sent()
        .await
        .into_iter()
        .filter(|s| s.text.contains(needle))
        .map(|s| (s.to, s.text))
        .collect()
}

async fn three_patients(app: &TestApp) {
    app.enrol_line("Ubc-ja", "Aoi", &["--area", "Nerima", "--language", "ja"])
        .await;
    app.enrol_line("Ubc-en", "Ben", &["--area", "Nerima", "--language", "en"])
        .await;
    app.enrol_telegram(9801, "Cal", &["--area", "Nerima"]).await;
    app.enrol_line("Ubc-toshima", "Dai", &["--area", "Toshima", "--language", "ja"])
        .await;
}

async fn the_segment_gets_it_once_each_in_their_language(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.set_time(friday_morning());
    let token = staff_token(&app);
    three_patients(&app).await;
    let draft = compose(
        &app,
        &token,
        json!({
            "title": "New phone number",
            "texts": {"ja": "保健所の番号が変わりました", "en": "The health centre has a new number"},
            "check_in_button": true,
            "segment": {"audience": "patients", "areas": ["Nerima"]},
        }),
    )
    .await;
    let preview = &draft["preview"];
    assert_eq!(preview["recipients"], 3, "{draft}");
    assert_eq!(preview["by_language"], json!({"en": 2, "ja": 1}));
    assert_eq!(preview["by_platform"], json!({"line": 2, "telegram": 1}));
    let id = draft["id"].as_i64().expect("id");

    let (status, sent) = api_post(&app, &token, &format!("/api/v1/broadcasts/{id}/send"), json!({})).await;
    assert_eq!(status, 200, "{sent}");
    app.eventually("the broadcast done", || async {
        let (_, b) = api_get(&app, &token, &format!("/api/v1/broadcasts/{id}")).await;
        (b["status"] == "done").then_some(b)
    })
    .await;
    let ja = copies(&app, "保健所の番号が変わりました").await;
    let en = copies(&app, "The health centre has a new number").await;
    assert_eq!(ja, [(Some("Ubc-ja".to_string()), ja[0].1.clone())], "{ja:?}");
    let mut to: Vec<Option<String>> = en.iter().map(|c| c.0.clone()).collect();
    to.sort();
    assert_eq!(to, [Some("9801".to_string()), Some("Ubc-en".to_string())]);
    assert!(ja[0].1.contains("New phone number"), "the title heads it: {}", ja[0].1);
    let multicasts = app.sent().await.into_iter().filter(|s| s.via == "multicast").count();
    assert_eq!(multicasts, 2, "one multicast a language on LINE");
    let (_, b) = api_get(&app, &token, &format!("/api/v1/broadcasts/{id}")).await;
    assert_eq!(b["counts"], json!({"sent": 3}), "{b}");

    // the "check in now" button starts a check-in
    let before = app.texts_to("9801").await.len();
    app.tg_press(9801, "checkin:now").await;
    app.eventually("a check-in prompt", || async {
        (app.texts_to("9801").await.len() > before).then_some(())
    })
    .await;
}
both_engines!(the_segment_gets_it_once_each_in_their_language);

async fn a_language_without_text_is_refused_until_a_fallback_is_set(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.set_time(friday_morning());
    let token = staff_token(&app);
    three_patients(&app).await;
    let only_ja = json!({
        "title": "台風", "texts": {"ja": "台風が近づいています"},
        "segment": {"audience": "patients"},
    });
    let draft = compose(&app, &token, only_ja.clone()).await;
    assert_eq!(draft["preview"]["missing_languages"], json!(["en"]));
    let id = draft["id"].as_i64().expect("id");
    let (status, refused) = api_post(&app, &token, &format!("/api/v1/broadcasts/{id}/send"), json!({})).await;
    assert_eq!(status, 409, "{refused}");
    assert!(refused.to_string().contains("en"), "{refused}");

    let mut with_fallback = only_ja;
    with_fallback["fallback"] = json!("ja");
    let draft = compose(&app, &token, with_fallback).await;
    assert_eq!(draft["preview"]["missing_languages"], json!([]));
    let id = draft["id"].as_i64().expect("id");
    let (status, _) = api_post(&app, &token, &format!("/api/v1/broadcasts/{id}/send"), json!({})).await;
    assert_eq!(status, 200);
    app.eventually("four copies", || async {
        (copies(&app, "台風が近づいています").await.len() == 4).then_some(())
    })
    .await;
}
both_engines!(a_language_without_text_is_refused_until_a_fallback_is_set);

async fn a_large_broadcast_waits_for_a_second_member_of_staff_and_a_cancel_stops_it(engine: Engine) {
    let app = TestApp::spawn_with(
        engine,
        mimamori::app::Loops::default(),
        &[("MIMAMORI_BROADCAST_APPROVAL_OVER", "2")],
    )
    .await;
    app.set_time(friday_morning());
    let author = staff_token(&app);
    let second = staff_token(&app);
    three_patients(&app).await;
    let body = json!({
        "title": "Oxygen", "texts": {"ja": "酸素が不足しています", "en": "Oxygen is short tonight"},
        "segment": {"audience": "patients"},
    });
    let draft = compose(&app, &author, body.clone()).await;
    assert_eq!(draft["preview"]["needs_approval"], true);
    let id = draft["id"].as_i64().expect("id");
    let (_, waiting) = api_post(&app, &author, &format!("/api/v1/broadcasts/{id}/send"), json!({})).await;
    assert_eq!(waiting["status"], "awaiting_approval", "{waiting}");
    let (status, _) = api_post(&app, &author, &format!("/api/v1/broadcasts/{id}/approve"), json!({})).await;
    assert_eq!(status, 403, "the author cannot approve their own");
    app.settle().await;
    assert!(
        copies(&app, "Oxygen is short tonight").await.is_empty(),
        "nothing before approval"
    );
    let (status, approved) = api_post(&app, &second, &format!("/api/v1/broadcasts/{id}/approve"), json!({})).await;
    assert_eq!(status, 200, "{approved}");
    app.eventually("sent", || async {
        (copies(&app, "Oxygen is short tonight").await.len() == 2).then_some(())
    })
    .await;

    // scheduled for later, then cancelled: nothing goes, and the list is never frozen
    let mut later = body;
    later["texts"] = json!({"ja": "明日の予定", "en": "Tomorrow's plan"});
    later["send_at"] = json!((friday_morning() + chrono::Duration::hours(2)).to_rfc3339());
    let draft = compose(&app, &author, later).await;
    let id = draft["id"].as_i64().expect("id");
    api_post(&app, &author, &format!("/api/v1/broadcasts/{id}/send"), json!({})).await;
    api_post(&app, &second, &format!("/api/v1/broadcasts/{id}/approve"), json!({})).await;
    let (status, cancelled) = api_post(
        &app,
        &author,
        &format!("/api/v1/broadcasts/{id}/cancel"),
        json!({"reason": "plan changed"}),
    )
    .await;
    assert_eq!(
        (status, &cancelled["status"]),
        (200, &json!("cancelled")),
        "{cancelled}"
    );
    app.set_time(friday_morning() + chrono::Duration::hours(3));
    app.wake();
    app.settle().await;
    assert!(copies(&app, "Tomorrow's plan").await.is_empty());
    let (status, _) = api_post(&app, &author, &format!("/api/v1/broadcasts/{id}/cancel"), json!({})).await;
    assert_eq!(status, 409, "cancelled once");
}
both_engines!(a_large_broadcast_waits_for_a_second_member_of_staff_and_a_cancel_stops_it);

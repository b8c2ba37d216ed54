//! PROTOCOLS.md at the door: signatures, dedup, durability, odd events.

use serde_json::json;

use crate::both_engines;
use crate::helpers::{Engine, LINE_SECRET, TELEGRAM_SECRET, TestApp};
use mimamori::channels::line::sign;

async fn stored(app: &TestApp) -> i64 {
    app.scalar_i64("SELECT COUNT(*) FROM inbound_events").await
}

async fn a_forged_or_missing_line_signature_is_refused_and_nothing_is_stored(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let body = json!({"destination": "U0", "events": [app.line_text_event("Uforge", "SpO2 94 37.8")]}).to_string();
    let forged = sign("not-the-secret", body.as_bytes());
    assert_eq!(app.post_line_raw(body.as_bytes(), Some(&forged)).await.status(), 401);
    assert_eq!(app.post_line_raw(body.as_bytes(), None).await.status(), 401);
    assert_eq!(app.post_line_raw(body.as_bytes(), Some("%%%")).await.status(), 401);
    // signed, then one byte changed
    let good = sign(LINE_SECRET, body.as_bytes());
    let tampered = body.replace("94", "99");
    assert_eq!(app.post_line_raw(tampered.as_bytes(), Some(&good)).await.status(), 401);
    assert_eq!(stored(&app).await, 0);
    assert!(app.sent().await.is_empty());
}
both_engines!(a_forged_or_missing_line_signature_is_refused_and_nothing_is_stored);

async fn the_signature_is_checked_over_the_raw_bytes_with_escaped_emoji(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let body = format!(
        r#"{{"destination":"U0","events":[{{"type":"message","mode":"active","timestamp":{},"webhookEventId":"01EMOJI","source":{{"type":"user","userId":"Uemoji"}},"replyToken":"rt","message":{{"type":"text","id":"1","text":"\uD83D\uDE00 hi"}}}}]}}"#,
        app.clock_ms()
    );
    let sig = sign(LINE_SECRET, body.as_bytes());
    assert_eq!(app.post_line_raw(body.as_bytes(), Some(&sig)).await.status(), 200);
    assert_eq!(stored(&app).await, 1);
}
both_engines!(the_signature_is_checked_over_the_raw_bytes_with_escaped_emoji);

async fn malformed_empty_and_oversized_line_bodies(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let bad = b"{\"events\": [ this is not json";
    assert_eq!(
        app.post_line_raw(bad, Some(&sign(LINE_SECRET, bad))).await.status(),
        400
    );
    let verify = br#"{"destination":"U0","events":[]}"#;
    assert_eq!(
        app.post_line_raw(verify, Some(&sign(LINE_SECRET, verify)))
            .await
            .status(),
        200
    );
    let huge = format!(
        r#"{{"destination":"U0","events":[],"pad":"{}"}}"#,
        "x".repeat(1024 * 1024 + 10)
    );
    let r = app
        .post_line_raw(huge.as_bytes(), Some(&sign(LINE_SECRET, huge.as_bytes())))
        .await;
    assert_eq!(r.status(), 413);
    assert_eq!(stored(&app).await, 0);
}
both_engines!(malformed_empty_and_oversized_line_bodies);

async fn a_replayed_line_event_is_processed_once(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let mut event = app.line_text_event("Ureplay", "hello");
    assert_eq!(app.post_line(vec![event.clone()]).await.status(), 200);
    event["deliveryContext"] = json!({"isRedelivery": true});
    assert_eq!(app.post_line(vec![event.clone()]).await.status(), 200);
    assert_eq!(app.post_line(vec![event]).await.status(), 200);
    app.settle().await;
    assert_eq!(stored(&app).await, 1);
    assert_eq!(app.texts().await.len(), 1, "one answer to one event");
}
both_engines!(a_replayed_line_event_is_processed_once);

async fn standby_and_unknown_line_events_are_stored_and_send_nothing(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let mut standby = app.line_text_event("Ustandby", "hello");
    standby["mode"] = json!("standby");
    let unknown = app.line_event("Uunknown", "membersJoined", json!({"joined": {"members": []}}));
    let future = app.line_event("Uunknown", "someFutureEvent", json!({}));
    assert_eq!(app.post_line(vec![standby, unknown, future]).await.status(), 200);
    app.settle().await;
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM inbound_events WHERE status = 'ignored'")
            .await,
        3
    );
    assert!(app.sent().await.is_empty());
}
both_engines!(standby_and_unknown_line_events_are_stored_and_send_nothing);

async fn telegram_secret_token_dedup_and_unknown_updates(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let update = json!({"update_id": 77, "message": {"message_id": 1, "date": 1700000000,
        "chat": {"id": 500, "type": "private", "first_name": "A"},
        "from": {"id": 500, "is_bot": false, "first_name": "A"}, "text": "hello"}});
    let body = update.to_string();
    assert_eq!(app.post_telegram_raw(body.as_bytes(), None).await.status(), 401);
    assert_eq!(
        app.post_telegram_raw(body.as_bytes(), Some("wrong")).await.status(),
        401
    );
    assert_eq!(
        app.post_telegram_raw(body.as_bytes(), Some(&TELEGRAM_SECRET[..5]))
            .await
            .status(),
        401
    );
    assert_eq!(stored(&app).await, 0);
    assert_eq!(
        app.post_telegram_raw(b"{nope", Some(TELEGRAM_SECRET)).await.status(),
        400
    );
    assert_eq!(app.post_telegram(update.clone()).await.status(), 200);
    assert_eq!(app.post_telegram(update).await.status(), 200);
    let odd = json!({"update_id": 78, "business_connection_v99": {"id": "x"}});
    assert_eq!(app.post_telegram(odd).await.status(), 200);
    app.settle().await;
    assert_eq!(stored(&app).await, 2);
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM inbound_events WHERE status = 'ignored'")
            .await,
        1
    );
    assert_eq!(app.texts().await.len(), 1, "the duplicate update got no second answer");
}
both_engines!(telegram_secret_token_dedup_and_unknown_updates);

async fn an_event_is_durable_before_the_200_even_if_the_service_dies_at_once(engine: Engine) {
    let mut app = TestApp::spawn_with(
        engine,
        mimamori::app::Loops {
            events: false,
            timers: false,
            dispatcher: false,
        },
        &[],
    )
    .await;
    app.line_text("Udurable", "hello").await;
    app.kill();
    // a new process picks up what the dead one acknowledged
    app.start(mimamori::app::Loops::default(), &[]).await;
    app.wake();
    let texts = app.wait_for_texts(1).await;
    assert!(texts[0].contains("登録コード"), "{texts:?}");
}
both_engines!(an_event_is_durable_before_the_200_even_if_the_service_dies_at_once);

//! Hardening: what an attacker, an auditor or an operator would try. Group chats cannot enrol or
//! report, replays are refused, a provider acts only on what is theirs, nothing is parked, a
//! failed event keeps its alert, loops come back, and patient data has a lifetime.

use serde_json::json;

use crate::both_engines;
use crate::helpers::{Engine, TestApp};

async fn a_group_or_room_can_neither_enrol_nor_report(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (patient, code) = app.add_patient("Aoi", &["--area", "Nerima", "--language", "ja"]);
    // the patient's code typed into a group and a room the bot was invited to
    for source in [
        json!({"type": "group", "groupId": "Cgroup1", "userId": "Uaoi"}),
        json!({"type": "room", "roomId": "Rroom1", "userId": "Uaoi"}),
    ] {
        let mut e = app.line_text_event("Uaoi", &code);
        e["source"] = source;
        assert_eq!(app.post_line(vec![e]).await.status(), 200);
    }
    app.settle().await;
    assert!(app.sent().await.is_empty(), "nothing is said into a group or a room");
    let ignored = app
        .scalar_i64("SELECT COUNT(*) FROM inbound_events WHERE status = 'ignored'")
        .await;
    assert_eq!(ignored, 2, "both are stored as ignored");
    let bound = app
        .scalar_i64(&format!("SELECT COUNT(*) FROM chats WHERE patient_id = {patient}"))
        .await;
    assert_eq!(bound, 0, "the group did not enrol");
    // the same code in the patient's own chat enrols them
    app.line_text("Uaoi", &code).await;
    app.settle().await;
    assert!(
        app.texts().await.iter().any(|t| t.contains("Aoi")),
        "the welcome, one-to-one"
    );
    let bound = app
        .scalar_i64(&format!("SELECT COUNT(*) FROM chats WHERE patient_id = {patient}"))
        .await;
    assert_eq!(bound, 1);
}
both_engines!(a_group_or_room_can_neither_enrol_nor_report);

/// `sslmode=require` in the database URL gives an encrypted connection (PostgreSQL only; the
/// test server must have TLS on, as the CI machines' has).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_is_reached_over_tls_when_the_url_asks() {
    if crate::helpers::postgres_url().is_none() {
        return;
    }
    let test_db = crate::helpers::TestDb::create(Engine::Postgres).await;
    let url = format!("{}?sslmode=require", test_db.url);
    let db = mimamori::store::Db::connect(&url)
        .await
        .expect("connect with sslmode=require");
    let ssl: bool = sqlx::query_scalar("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
        .fetch_one(&db.pool)
        .await
        .expect("pg_stat_ssl");
    assert!(ssl, "the connection is encrypted");
}

//! The people of a test: patients and providers registered through the CLI and enrolled in
//! chat, rosters loaded, and staff with an API token.

use chrono::TimeZone;
use serde_json::Value;

use super::{TestApp, roster_file, wait_text, wait_text_to};

pub fn provider(app: &TestApp, name: &str, role: &str, lang: &str) -> (i64, String) {
    let out = app.cli(&[
        "provider",
        "add",
        "--name",
        name,
        "--role",
        role,
        "--phone",
        "03-5555-0000",
        "--area",
        "Nerima",
        "--language",
        lang,
        "--json",
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    (
        v["provider_id"].as_i64().expect("id"),
        v["enrolment_code"].as_str().expect("code").to_string(),
    )
}

/// A patient on LINE, area Nerima, with `extra` CLI flags; enrolled.
pub async fn patient(app: &TestApp, user: &str, extra: &[&str]) -> i64 {
    named_patient(app, "Pat Doe", user, extra).await
}

pub async fn named_patient(app: &TestApp, name: &str, user: &str, extra: &[&str]) -> i64 {
    let mut args = vec!["--area", "Nerima", "--language", "en"];
    args.extend_from_slice(extra);
    let (id, code) = app.add_patient(name, &args);
    app.line_text(user, &code).await;
    // (answered with the reply token: the reply API names no recipient)
    wait_text(app, &format!("Welcome, {name}")).await;
    id
}

/// Enrols a provider on Telegram.
pub async fn on_telegram(app: &TestApp, name: &str, role: &str, chat: i64) -> i64 {
    let (id, code) = provider(app, name, role, "en");
    app.tg_text(chat, &format!("/start {code}"), None).await;
    wait_text_to(app, &chat.to_string(), "Welcome").await;
    id
}

pub fn load_roster(app: &TestApp, name: &str, text: &str) {
    let file = roster_file(name, text);
    let out = app.cli(&["roster", "load", file.to_str().expect("path")]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let _ = std::fs::remove_file(file);
}

/// A local time in Tokyo.
pub fn tokyo(y: i32, m: u32, d: u32, h: u32, min: u32) -> chrono::DateTime<chrono::Utc> {
    chrono_tz::Asia::Tokyo
        .with_ymd_and_hms(y, m, d, h, min, 0)
        .single()
        .expect("a time")
        .with_timezone(&chrono::Utc)
}

/// Friday 2026-11-20 10:00 in Tokyo: the day shift.
pub fn friday_morning() -> chrono::DateTime<chrono::Utc> {
    tokyo(2026, 11, 20, 10, 0)
}

//! Escalation chains end to end: a care request is offered in chat to the family doctor, then
//! the roster; the first accept wins and the patient is told; when nobody accepts, staff are
//! alerted. LINE and Telegram are wiremock; the clock is the test's.

use chrono::TimeZone;
use serde_json::Value;

use crate::both_engines;
use crate::helpers::{Engine, TestApp, roster_file};

pub(crate) fn provider(app: &TestApp, name: &str, role: &str, lang: &str) -> (i64, String) {
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

/// A local time in Tokyo.
pub(crate) fn tokyo(y: i32, m: u32, d: u32, h: u32, min: u32) -> chrono::DateTime<chrono::Utc> {
    chrono_tz::Asia::Tokyo
        .with_ymd_and_hms(y, m, d, h, min, 0)
        .single()
        .expect("a time")
        .with_timezone(&chrono::Utc)
}

/// Friday 2026-11-20 10:00 in Tokyo: the day shift.
pub(crate) fn friday_morning() -> chrono::DateTime<chrono::Utc> {
    tokyo(2026, 11, 20, 10, 0)
}

/// The offer buttons sent to a Telegram chat: (accept data, decline data).
pub(crate) async fn offer_buttons(app: &TestApp, chat: i64) -> (String, String) {
    offer_with(app, &chat.to_string(), "").await
}

/// The buttons of the latest message with buttons to `chat` (a Telegram chat id or a LINE
/// user) whose text contains `needle`.
pub(crate) async fn offer_with(app: &TestApp, chat: &str, needle: &str) -> (String, String) {
    let buttons = buttons_of(app, chat, needle).await;
    (buttons[0].1.clone(), buttons[1].1.clone())
}

/// Every (label, data) button of the latest message to `chat` containing `needle` (`chat` empty:
/// to anyone, as LINE replies name no recipient).
pub(crate) async fn buttons_of(app: &TestApp, chat: &str, needle: &str) -> Vec<(String, String)> {
    for _ in 0..400 {
        let offers: Vec<_> = app
            .sent()
            .await
            .into_iter()
            .filter(|s| {
                (chat.is_empty() || s.to.as_deref() == Some(chat)) && !s.buttons.is_empty() && s.text.contains(needle)
            })
            .collect();
        if let Some(o) = offers.last() {
            return o.buttons.clone();
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    panic!("no message with buttons and {needle:?} reached {chat}");
}

/// The first text to anyone containing `needle` (LINE replies name no recipient).
pub(crate) async fn wait_text(app: &TestApp, needle: &str) -> String {
    for _ in 0..400 {
        if let Some(t) = app.texts().await.into_iter().find(|t| t.contains(needle)) {
            return t;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    panic!("nobody got {needle:?}");
}

pub(crate) async fn wait_text_to(app: &TestApp, chat: &str, needle: &str) -> String {
    for _ in 0..400 {
        if let Some(t) = app.texts_to(chat).await.into_iter().find(|t| t.contains(needle)) {
            return t;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    panic!("{chat} never got {needle:?}: {:?}", app.texts_to(chat).await);
}

/// A patient on LINE, area Nerima, with `extra` CLI flags; enrolled.
pub(crate) async fn patient(app: &TestApp, user: &str, extra: &[&str]) -> i64 {
    named_patient(app, "Pat Doe", user, extra).await
}

pub(crate) async fn named_patient(app: &TestApp, name: &str, user: &str, extra: &[&str]) -> i64 {
    let mut args = vec!["--area", "Nerima", "--language", "en"];
    args.extend_from_slice(extra);
    let (id, code) = app.add_patient(name, &args);
    app.line_text(user, &code).await;
    // (answered with the reply token: the reply API names no recipient)
    let welcome = format!("Welcome, {name}");
    for _ in 0..400 {
        if app.texts().await.iter().any(|t| t.contains(&welcome)) {
            return id;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    panic!("{user} was not welcomed");
}

async fn the_family_doctor_accepts_and_the_patient_is_told_who_calls(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.set_time(friday_morning());
    let (doctor, code) = provider(&app, "Dr Sato", "doctor", "en");
    app.tg_text(7101, &format!("/start {code}"), None).await;
    wait_text_to(&app, "7101", "Welcome, Dr Sato").await;
    let id = patient(&app, "Upat1", &["--family-doctor", &doctor.to_string()]).await;

    app.line_text("Upat1", "I feel worse, it is harder to breathe").await;
    let (accept, _) = offer_buttons(&app, 7101).await;
    let offer = app
        .texts_to("7101")
        .await
        .into_iter()
        .find(|t| t.contains("Home visit"))
        .expect("the offer");
    assert!(
        offer.contains("Pat Doe") && offer.contains("Nerima") && offer.contains("090-1234-5678"),
        "{offer}"
    );
    assert!(offer.contains("answer by 10:20"), "the deadline: {offer}");

    app.tg_press(7101, &accept).await;
    let told = wait_text_to(&app, "7101", "is yours").await;
    assert!(told.contains("090-1234-5678"), "{told}");
    let patient_told = wait_text_to(&app, "Upat1", "will contact you").await;
    assert!(patient_told.starts_with("Dr Sato (doctor)"), "{patient_told}");
    let assigned = app
        .scalar_i64(&format!(
            "SELECT COUNT(*) FROM care_requests WHERE patient_id = {id} AND kind = 'home_visit'
               AND status = 'assigned' AND provider_id = {doctor}"
        ))
        .await;
    assert_eq!(assigned, 1);
    // pressing again is harmless
    app.tg_press(7101, &accept).await;
    wait_text_to(&app, "7101", "has closed").await;
}
both_engines!(the_family_doctor_accepts_and_the_patient_is_told_who_calls);

async fn decline_then_timeout_reaches_the_roster_and_then_staff(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.set_time(friday_morning());
    let (doctor, code) = provider(&app, "Dr Family", "doctor", "en");
    app.tg_text(7201, &format!("/start {code}"), None).await;
    let (rostered, code) = provider(&app, "Dr Roster", "doctor", "en");
    app.tg_text(7202, &format!("/start {code}"), None).await;
    wait_text_to(&app, "7202", "Welcome").await;
    let file = roster_file(
        &format!("chain-{engine:?}"),
        &format!("[[cover]]\nprovider = {rostered}\nareas = [\"Nerima\"]\nshifts = [\"day\"]\n"),
    );
    assert!(
        app.cli(&["roster", "load", file.to_str().expect("path")])
            .status
            .success()
    );
    let id = patient(&app, "Upat2", &["--family-doctor", &doctor.to_string()]).await;

    app.line_text("Upat2", "I feel worse, it is harder to breathe").await;
    let (_, decline) = offer_buttons(&app, 7201).await;
    app.tg_press(7201, &decline).await;
    wait_text_to(&app, "7201", "you declined").await;
    // the roster doctor is asked at once, not after the family doctor's deadline
    offer_buttons(&app, 7202).await;
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM staff_alerts WHERE kind = 'chain_exhausted'")
            .await,
        0
    );
    // nobody answers: past the deadline the chain runs out of people and staff are alerted
    app.advance(chrono::Duration::minutes(21));
    app.wait_until("staff are alerted", |pool| async move {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM staff_alerts WHERE kind = 'chain_exhausted'")
            .fetch_one(&pool)
            .await
            .unwrap_or(0)
            == 1
    })
    .await;
    let statuses = app
        .scalar_i64(&format!(
            "SELECT COUNT(*) FROM offers o JOIN care_requests c ON c.id = o.care_request_id
             WHERE c.patient_id = {id} AND ((o.provider_id = {doctor} AND o.status = 'declined')
                                         OR (o.provider_id = {rostered} AND o.status = 'expired'))"
        ))
        .await;
    assert_eq!(statuses, 2, "the chain's history: declined, then expired");
    let _ = std::fs::remove_file(file);
}
both_engines!(decline_then_timeout_reaches_the_roster_and_then_staff);

async fn two_accepts_at_once_exactly_one_wins(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.set_time(friday_morning());
    let (a, code) = provider(&app, "Dr A", "doctor", "en");
    app.tg_text(7301, &format!("/start {code}"), None).await;
    let (b, code) = provider(&app, "Dr B", "doctor", "en");
    app.tg_text(7302, &format!("/start {code}"), None).await;
    wait_text_to(&app, "7302", "Welcome").await;
    let file = roster_file(
        &format!("race-{engine:?}"),
        &format!(
            "[[cover]]\nprovider = {a}\nareas = [\"Nerima\"]\nshifts = [\"day\"]\n\n[[cover]]\nprovider = {b}\nareas = [\"Nerima\"]\nshifts = [\"day\"]\n"
        ),
    );
    assert!(
        app.cli(&["roster", "load", file.to_str().expect("path")])
            .status
            .success()
    );
    patient(&app, "Upat3", &[]).await;
    app.line_text("Upat3", "I feel worse, it is harder to breathe").await;
    let (accept_a, _) = offer_buttons(&app, 7301).await;
    let (accept_b, _) = offer_buttons(&app, 7302).await;
    tokio::join!(app.tg_press(7301, &accept_a), app.tg_press(7302, &accept_b));
    wait_text_to(&app, "Upat3", "will contact you").await;
    app.wait_until("both answered", |pool| async move {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM offers WHERE status IN ('accepted', 'taken')")
            .fetch_one(&pool)
            .await
            .unwrap_or(0)
            == 2
    })
    .await;
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM offers WHERE status = 'accepted'")
            .await,
        1
    );
    // both are answered: one "is yours", one "someone else has already accepted"
    let mut answers = Vec::new();
    for _ in 0..400 {
        answers = [app.texts_to("7301").await, app.texts_to("7302").await]
            .concat()
            .into_iter()
            .filter(|t| t.contains("is yours") || t.contains("already accepted"))
            .collect::<Vec<_>>();
        if answers.len() >= 2 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    assert_eq!(
        answers.iter().filter(|t| t.contains("is yours")).count(),
        1,
        "one winner: {answers:?}"
    );
    assert_eq!(
        answers.iter().filter(|t| t.contains("already accepted")).count(),
        1,
        "one told: {answers:?}"
    );
    let _ = std::fs::remove_file(file);
}
both_engines!(two_accepts_at_once_exactly_one_wins);

async fn the_doctor_reports_prescribed_from_chat_and_a_delivery_request_follows(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.set_time(friday_morning());
    let (doctor, code) = provider(&app, "Dr Sato", "doctor", "ja");
    app.tg_text(7401, &format!("/start {code}"), None).await;
    wait_text_to(&app, "7401", "医師").await;
    let id = patient(&app, "Upat4", &["--family-doctor", &doctor.to_string()]).await;
    app.line_text("Upat4", "I feel worse, it is harder to breathe").await;
    let (accept, _) = offer_buttons(&app, 7401).await;
    app.tg_press(7401, &accept).await;
    wait_text_to(&app, "7401", "ご担当ください").await;
    // the acceptance carries the outcome buttons, in the doctor's language
    let sent = app.sent().await;
    let accepted = sent
        .iter()
        .rev()
        .find(|s| s.to.as_deref() == Some("7401") && s.text.contains("ご担当ください"))
        .expect("acceptance");
    let labels: Vec<&str> = accepted.buttons.iter().map(|b| b.0.as_str()).collect();
    assert_eq!(
        labels,
        [
            "電話診療済み",
            "往診済み",
            "処方した",
            "酸素が必要",
            "入院が必要",
            "連絡がつかない"
        ]
    );
    let prescribed = accepted.buttons[2].1.clone();
    app.tg_press(7401, &prescribed).await;
    wait_text_to(&app, "7401", "配達の依頼を作成しました").await;
    app.tg_text(7401, "カロナール 3日分", None).await;
    wait_text_to(&app, "7401", "補足を依頼に記録しました").await;

    let done = app
        .scalar_i64(&format!(
            "SELECT COUNT(*) FROM care_requests WHERE patient_id = {id} AND kind = 'home_visit' AND status = 'done'
               AND outcome = 'prescribed' AND outcome_note = 'カロナール 3日分'"
        ))
        .await;
    assert_eq!(done, 1);
    let delivery = app
        .scalar_i64(&format!(
            "SELECT COUNT(*) FROM care_requests d JOIN care_requests p ON p.id = d.parent_id
             WHERE d.patient_id = {id} AND d.kind = 'pharmacy_delivery' AND d.status = 'open' AND p.kind = 'home_visit'"
        ))
        .await;
    assert_eq!(delivery, 1, "a delivery request linked to the visit");
    // a second report on the closed request is refused politely
    app.tg_press(7401, &prescribed).await;
    wait_text_to(&app, "7401", "既に終了").await;
}
both_engines!(the_doctor_reports_prescribed_from_chat_and_a_delivery_request_follows);

//! Alerts reach a person even when no one is looking at the console: staff on duty get them in
//! chat with an "I'm on it" button; an emergency nobody takes is sent again after ten minutes
//! and then to the next on the staff roster, until someone takes it.

use serde_json::Value;

use crate::both_engines;
use crate::helpers::{Engine, TestApp, wait_text_to};

/// A staff account on duty at all hours in escalation `order`, its Telegram chat bound.
async fn on_duty(app: &TestApp, login: &str, order: &str, chat: i64) {
    let out = app.cli_with_input(
        &[
            "staff",
            "add",
            "--name",
            &format!("{login} san"),
            "--role",
            "staff",
            "--login",
            login,
        ],
        "a long enough phrase\n",
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = app.cli(&[
        "staff",
        "duty",
        login,
        "--shifts",
        "day,night,holiday",
        "--order",
        order,
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = app.cli(&["staff", "chat", login, "--json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    let code = v["enrolment_code"].as_str().expect("code");
    app.tg_text(chat, code, None).await;
    wait_text_to(app, &chat.to_string(), "アラートがこのチャットに届きます").await;
}

async fn pages_to(app: &TestApp, chat: i64) -> Vec<(String, Vec<(String, String)>)> {
    app.sent()
        .await
        .into_iter()
        .filter(|s| s.to.as_deref() == Some(&chat.to_string()) && s.text.starts_with("【見守り】"))
        .map(|s| (s.text, s.buttons))
        .collect()
}

async fn an_emergency_nobody_takes_is_paged_again_then_to_the_next_on_the_roster(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    on_duty(&app, "sasaki", "1", 9901).await;
    on_duty(&app, "tanaka", "2", 9902).await;
    let (_, n) = app.enrol_telegram(9911, "Emi", &[]).await;
    app.tg_text(9911, "SpO2 85 37.0 chest pain", Some("en")).await;
    app.wait_for_texts(n + 1).await;
    let first = app
        .eventually("the first page", || async {
            pages_to(&app, 9901).await.into_iter().find(|p| p.0.contains("緊急"))
        })
        .await;
    assert!(
        first.0.contains("Emi") && first.0.contains("090-1234-5678"),
        "{}",
        first.0
    );
    let ack = first
        .1
        .iter()
        .find(|b| b.0 == "対応します")
        .expect("an I'm on it button")
        .1
        .clone();
    app.settle().await;
    assert!(pages_to(&app, 9902).await.is_empty(), "the second in order waits");

    // ten minutes, nobody: sent again to the first
    app.advance(chrono::Duration::minutes(10));
    app.eventually("the repeat", || async {
        let again = pages_to(&app, 9901).await;
        (again.iter().filter(|p| p.0.contains("緊急")).count() >= 2).then_some(())
    })
    .await;
    app.settle().await;
    assert!(pages_to(&app, 9902).await.is_empty());
    // ten more: the next on the roster too
    app.advance(chrono::Duration::minutes(10));
    let second = app
        .eventually("the next on the roster is paged", || async {
            pages_to(&app, 9902)
                .await
                .into_iter()
                .find(|p| p.0.contains("緊急") && p.0.contains("まだ誰も対応していません"))
        })
        .await;
    let tanaka_ack = second.1[0].1.clone();
    app.tg_press(9902, &tanaka_ack).await;
    wait_text_to(&app, "9902", "あなたが対応者になりました").await;
    app.tg_press(9901, &ack).await;
    wait_text_to(&app, "9901", "tanaka san さんがすでに対応しています").await;
    assert_eq!(
        app.scalar_str(
            "SELECT s.login FROM staff_alerts a JOIN staff s ON s.id = a.acknowledged_by WHERE a.kind = 'emergency'"
        )
        .await
        .as_deref(),
        Some("tanaka")
    );
    // the other alert (nobody accepted the hospital coordination) is taken too
    let other = pages_to(&app, 9901)
        .await
        .into_iter()
        .find(|p| p.0.contains("受諾者なし"))
        .expect("the chain's alert was paged too");
    app.tg_press(9901, &other.1[0].1).await;
    wait_text_to(&app, "9901", "あなたが対応者になりました").await;
    // taken: no more pages
    let before = pages_to(&app, 9901).await.len();
    app.advance(chrono::Duration::minutes(30));
    app.settle().await;
    assert_eq!(
        pages_to(&app, 9901).await.len(),
        before,
        "nothing more once someone has it"
    );
}
both_engines!(an_emergency_nobody_takes_is_paged_again_then_to_the_next_on_the_roster);

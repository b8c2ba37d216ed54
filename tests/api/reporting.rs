//! Patients report readings: one free-text message at any time, or the scheduled check-in.

use serde_json::json;

use crate::both_engines;
use crate::helpers::{Engine, TestApp};

async fn one_message_reports_are_read_in_every_form_and_acknowledged(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (id, mut n) = app.enrol_line("Ureport", "佐藤一郎", &[]).await;
    for text in ["SpO2 97 37.8", "９７　３７．８", "spo2:97% temp 37.8℃"] {
        app.line_text("Ureport", text).await;
        n += 1;
        let texts = app.wait_for_texts(n).await;
        assert!(
            texts[n - 1].starts_with("SpO2 97%, 体温 37.8℃ — 記録しました。\nありがとうございます。"),
            "for {text:?}: {texts:?}"
        );
        let r = app.patient_json(id)["reports"][0].clone();
        assert_eq!(r["spo2"], 97);
        assert_eq!(r["temperature"], 37.8);
        assert_eq!(r["source_text"], text, "the source message is kept");
        assert!(r["completed_at"].is_string());
    }
    assert_eq!(
        app.scalar_i64(&format!(
            "SELECT COUNT(*) FROM reports WHERE patient_id = {id} AND completed_at IS NOT NULL"
        ))
        .await,
        3
    );
}
both_engines!(one_message_reports_are_read_in_every_form_and_acknowledged);

async fn a_symptom_or_low_spo2_is_never_just_recorded(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (id, n) = app.enrol_line("Urisk", "鈴木", &[]).await;
    app.line_text("Urisk", "酸素96 体温36.5 息苦しい").await;
    let texts = app.wait_for_texts(n + 1).await;
    let last = &texts[n];
    assert!(
        last.contains("急に息苦しくなった") && last.contains("30分以内に医師からお電話"),
        "{last}"
    );
    let r = app.patient_json(id)["reports"][0].clone();
    assert_eq!(r["symptoms"], json!(["sudden_breathlessness"]));
    assert!(r["feeling"].is_null(), "息苦しい is the symptom, not 'worse'");
    // a first SpO2 of 92: measure again; the lower reading counts
    app.line_text("Urisk", "SpO2 93 37.0").await;
    let texts = app.wait_for_texts(n + 3).await;
    assert_eq!(texts[n + 1], "SpO2 93%, 体温 37.0℃ — 記録しました。");
    assert!(
        texts[n + 2].contains("もう一度SpO2を測って") && texts[n + 2].contains("10分以内"),
        "{texts:?}"
    );
    app.line_text("Urisk", "92").await;
    let texts = app.wait_for_texts(n + 5).await;
    assert!(texts[n + 3].contains("低いほうの値で判断します：SpO2 92%"), "{texts:?}");
    assert!(texts[n + 4].contains("30分以内に医師からお電話"), "{texts:?}");
    let r = app.patient_json(id)["reports"][0].clone();
    assert_eq!(
        (r["spo2"].as_i64(), r["spo2_remeasured"].as_i64()),
        (Some(93), Some(92))
    );
    let oxygen = app.care_requests_of(id, "oxygen").await;
    assert_eq!(
        oxygen.iter().filter(|r| r["status"] == "open").count(),
        1,
        "the repeat raised the open request, it did not open a second one"
    );
}
both_engines!(a_symptom_or_low_spo2_is_never_just_recorded);

async fn an_emergency_reading_says_call_119_first(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (_, n) = app.enrol_telegram(7001, "Helen", &[]).await;
    app.tg_text(7001, "spo2 88 temp 38.9", Some("en")).await;
    let texts = app.wait_for_texts(n + 2).await;
    assert!(texts[n].starts_with("Call 119 now"), "first message: {texts:?}");
    assert!(
        texts[n + 1].contains("SpO2 88%") && texts[n + 1].contains("recorded"),
        "{texts:?}"
    );
    // below 70 may be real: an emergency at once, and a request to confirm
    app.tg_text(7001, "spo2 65 temp 37.0", Some("en")).await;
    let texts = app.wait_for_texts(n + 5).await;
    assert!(texts[n + 2].starts_with("Call 119 now"), "{texts:?}");
    assert!(texts[n + 3].contains("SpO2 65%"), "{texts:?}");
    assert!(
        texts[n + 4].contains("very low") && texts[n + 4].contains("measure again"),
        "{texts:?}"
    );
}
both_engines!(an_emergency_reading_says_call_119_first);

async fn implausible_and_unreadable_input_gets_a_specific_request_and_keeps_what_was_read(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (id, n) = app.enrol_telegram(7002, "Ivan", &[]).await;
    app.tg_text(7002, "spo2 97 temp 48", Some("en")).await;
    let texts = app.wait_for_texts(n + 3).await;
    assert_eq!(texts[n], "Noted: SpO2 97%.", "{texts:?}");
    assert!(texts[n + 1].contains("between 34.0 and 43.0"), "{texts:?}");
    assert!(texts[n + 2].contains("What is your temperature?"), "{texts:?}");
    let r = app.patient_json(id)["reports"][0].clone();
    assert_eq!(r["spo2"], 97, "what was read is kept");
    assert!(r["completed_at"].is_null());
    app.tg_text(7002, "37.8", Some("en")).await;
    let texts = app.wait_for_texts(n + 4).await;
    assert!(
        texts[n + 3].starts_with("SpO2 97%, 37.8 °C — recorded.\nThank you."),
        "{texts:?}"
    );
    let r = app.patient_json(id)["reports"][0].clone();
    assert_eq!(r["source_text"], "spo2 97 temp 48\n37.8");
    app.tg_text(7002, "SpO2 101 36.5", Some("en")).await;
    app.tg_text(7002, "good morning!", Some("en")).await;
    let texts = app.wait_for_texts(n + 9).await;
    assert!(texts[n + 5].contains("100% or less"), "{texts:?}");
    assert!(texts[n + 7].contains("could not read"), "{texts:?}");
    assert!(
        texts[n + 8].contains("SpO2 94 37.8") || texts[n + 8].contains("What is your SpO2"),
        "{texts:?}"
    );
}
both_engines!(implausible_and_unreadable_input_gets_a_specific_request_and_keeps_what_was_read);

/// The check-in timer's due time for a patient.
async fn a_line_check_in_walks_through_quick_replies(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (id, n) = app.enrol_line("Ucheck", "田中", &[]).await;
    let due = app.next_check_in(id).await;
    let local = due.with_timezone(&chrono_tz::Asia::Tokyo).format("%H:%M").to_string();
    assert!(local == "09:00" || local == "16:00", "{local}");
    app.set_time(due);
    let texts = app.wait_for_texts(n + 2).await;
    assert!(texts[n].contains("田中さん、健康観察の時間です"), "{texts:?}");
    let sent = app.sent().await;
    let ask = &sent[n + 1];
    assert_eq!(ask.via, "push", "no reply token for a scheduled prompt");
    assert!(ask.retry_key.is_some(), "push carries X-Line-Retry-Key");
    assert!(ask.buttons.iter().any(|(_, d)| d == "v:spo2:95"), "{:?}", ask.buttons);
    assert!(ask.buttons.len() <= 13);

    app.line_postback("Ucheck", "v:spo2:97").await;
    let texts = app.wait_for_texts(n + 4).await;
    assert!(texts[n + 3].contains("体温は何度ですか"), "{texts:?}");
    app.line_postback("Ucheck", "v:temp:372").await;
    let sent = app.sent().await;
    let _ = sent;
    let texts = app.wait_for_texts(n + 6).await;
    assert!(
        texts[n + 5].contains("次の症状はありますか") && texts[n + 5].contains("13. 脈がとぶ"),
        "{texts:?}"
    );
    let sent = app.sent().await;
    assert!(
        sent[n + 5].buttons.len() <= 13 && sent[n + 5].buttons[0].1 == "sym:none",
        "{:?}",
        sent[n + 5].buttons
    );
    app.line_postback("Ucheck", "sym:none").await;
    let texts = app.wait_for_texts(n + 7).await;
    assert!(texts[n + 6].contains("前回と比べて"), "{texts:?}");
    app.line_postback("Ucheck", "feel:same").await;
    let texts = app.wait_for_texts(n + 8).await;
    assert!(
        texts[n + 7].starts_with("SpO2 97%, 体温 37.2℃, 変わらない — 記録しました。\nありがとうございます。"),
        "{texts:?}"
    );
    let r = app.patient_json(id)["reports"][0].clone();
    assert_eq!(r["source"], "check_in");
    assert_eq!(r["symptoms"], json!([]));
    assert_eq!(r["feeling"], "same");
    // the next check-in is already scheduled
    assert!(app.next_check_in(id).await > due);
}
both_engines!(a_line_check_in_walks_through_quick_replies);

async fn a_telegram_check_in_with_symptoms_answers_every_press(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (id, n) = app.enrol_telegram(7003, "Judy", &[]).await;
    app.set_time(app.next_check_in(id).await);
    app.wait_for_texts(n + 2).await;
    let mut presses = 0;
    for data in [
        "v:spo2:96",
        "v:temp:380",
        "sym:chest_pain",
        "sym:page:1",
        "sym:done",
        "feel:worse",
    ] {
        app.tg_press(7003, data).await;
        presses += 1;
        app.settle().await;
    }
    let sent = app.sent().await;
    let answered = sent.iter().filter(|s| s.via == "answerCallbackQuery").count();
    assert_eq!(answered, presses, "every button press is answered");
    let texts = app.texts().await;
    let joined = texts.join("\n---\n");
    assert!(
        joined.contains("Please call the health centre (03-1234-5678) now"),
        "chest pain warns at once: {joined}"
    );
    let last = texts.last().expect("ack");
    assert!(
        last.contains("SpO2 96%, 38.0 °C, symptoms: Chest pain, worse — recorded.") && last.contains("call"),
        "{last}"
    );
    let r = app.patient_json(id)["reports"][0].clone();
    assert_eq!(r["symptoms"], json!(["chest_pain"]));
    assert_eq!(r["feeling"], "worse");
    // the second page showed the breathing symptoms, without the one already ticked
    let page2 = sent
        .iter()
        .rfind(|s| s.buttons.iter().any(|(_, d)| d == "sym:sudden_wheezing"))
        .expect("page 2");
    assert!(!page2.buttons.iter().any(|(_, d)| d == "sym:chest_pain"));
}
both_engines!(a_telegram_check_in_with_symptoms_answers_every_press);

async fn an_unanswered_check_in_is_reminded_after_an_hour(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (id, n) = app.enrol_telegram(7004, "Ken", &[]).await;
    let due = app.next_check_in(id).await;
    app.set_time(due);
    app.wait_for_texts(n + 2).await;
    app.set_time(due + chrono::Duration::minutes(59));
    app.settle().await;
    assert_eq!(app.texts().await.len(), n + 2, "no reminder before the hour");
    app.set_time(due + chrono::Duration::minutes(60));
    let texts = app.wait_for_texts(n + 4).await;
    assert!(texts[n + 2].contains("we have not heard from you"), "{texts:?}");
    assert!(texts[n + 3].contains("What is your SpO2"), "{texts:?}");
}
both_engines!(an_unanswered_check_in_is_reminded_after_an_hour);

async fn scheduled_check_ins_survive_a_restart(engine: Engine) {
    let mut app = TestApp::spawn(engine).await;
    let (id, n) = app.enrol_telegram(7005, "Lena", &[]).await;
    let due = app.next_check_in(id).await;
    app.stop().await;
    app.clock.set(due + chrono::Duration::minutes(5));
    app.start(Default::default(), &[]).await;
    app.wake();
    let texts = app.wait_for_texts(n + 2).await;
    assert!(texts[n].contains("Lena, it is time for your health check"), "{texts:?}");
    assert_eq!(
        app.scalar_i64(&format!(
            "SELECT COUNT(*) FROM timers WHERE patient_id = {id} AND kind = 'check_in' AND status = 'done'"
        ))
        .await,
        1
    );
}
both_engines!(scheduled_check_ins_survive_a_restart);

async fn stickers_blocking_and_unblocking(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (id, n) = app.enrol_line("Ublock", "高橋", &[]).await;
    let sticker = app.line_event(
        "Ublock",
        "message",
        json!({"message": {"type": "sticker", "id": "2", "packageId": "1", "stickerId": "1"}}),
    );
    app.post_line(vec![sticker]).await;
    let texts = app.wait_for_texts(n + 1).await;
    assert!(texts[n].contains("文字のメッセージのみ"), "{texts:?}");
    let unfollow = app.line_event("Ublock", "unfollow", json!({}));
    app.post_line(vec![unfollow]).await;
    app.settle().await;
    assert_eq!(app.patient_record(id).await["chat"]["status"], "unreachable");
    assert_eq!(
        app.scalar_i64(&format!(
            "SELECT COUNT(*) FROM staff_alerts WHERE patient_id = {id} AND kind = 'patient_blocked_bot'"
        ))
        .await,
        1
    );
    // a check-in while blocked sends nothing and tells staff
    app.set_time(app.next_check_in(id).await);
    app.wait_until("staff are told the check-in could not be sent", |pool| async move {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM staff_alerts WHERE kind = 'check_in_unreachable'")
            .fetch_one(&pool)
            .await
            .unwrap_or(0)
            == 1
    })
    .await;
    assert_eq!(app.texts().await.len(), n + 1);
    let follow = app.line_event("Ublock", "follow", json!({"follow": {"isUnblocked": true}}));
    app.post_line(vec![follow]).await;
    let texts = app.wait_for_texts(n + 2).await;
    assert!(texts[n + 1].contains("おかえりなさい"), "{texts:?}");
    assert_eq!(app.patient_record(id).await["chat"]["status"], "active");
}
both_engines!(stickers_blocking_and_unblocking);

async fn a_telegram_patient_who_blocks_the_bot_is_flagged_for_staff(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (id, _) = app.enrol_telegram(7006, "Mia", &[]).await;
    let kicked = json!({"update_id": 990_001, "my_chat_member": {
        "chat": {"id": 7006, "type": "private", "first_name": "Mia"},
        "from": {"id": 7006, "is_bot": false, "first_name": "Mia"},
        "date": 1700000000,
        "old_chat_member": {"user": {"id": 1, "is_bot": true, "first_name": "bot"}, "status": "member"},
        "new_chat_member": {"user": {"id": 1, "is_bot": true, "first_name": "bot"}, "status": "kicked", "until_date": 0}}});
    assert_eq!(app.post_telegram(kicked).await.status(), 200);
    app.settle().await;
    assert_eq!(app.patient_record(id).await["chat"]["status"], "unreachable");
    assert_eq!(
        app.scalar_i64(&format!(
            "SELECT COUNT(*) FROM staff_alerts WHERE patient_id = {id} AND kind = 'patient_blocked_bot'"
        ))
        .await,
        1
    );
}
both_engines!(a_telegram_patient_who_blocks_the_bot_is_flagged_for_staff);

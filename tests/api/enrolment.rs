//! Staff register a patient with the CLI; the patient binds LINE or Telegram with the code.

use serde_json::{Value, json};
use wiremock::matchers::{method, path_regex};
use wiremock::{Mock, ResponseTemplate};

use crate::both_engines;
use crate::helpers::{Engine, TestApp};

async fn a_line_patient_enrols_with_the_code_and_is_welcomed_by_name(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (patient_id, code) = app.add_patient("山田花子", &[]);
    assert_eq!(code.len(), 11, "ABCDE-FGHJK");
    let follow = app.line_event("Uhanako", "follow", json!({"follow": {"isUnblocked": false}}));
    assert_eq!(app.post_line(vec![follow]).await.status(), 200);
    let texts = app.wait_for_texts(1).await;
    assert!(texts[0].contains("登録コード"), "instructions first: {texts:?}");
    // typed in lower case with a space instead of the hyphen
    app.line_text("Uhanako", &code.to_lowercase().replace('-', " ")).await;
    let texts = app.wait_for_texts(3).await;
    assert!(texts[1].contains("山田花子さん"), "welcomed by name: {texts:?}");
    assert!(texts[1].contains("09:00, 16:00"), "told the check-in times: {texts:?}");
    let bound: i64 = app
        .scalar_i64(&format!(
            "SELECT COUNT(*) FROM chats WHERE external_id = 'Uhanako' AND patient_id = {patient_id}"
        ))
        .await;
    assert_eq!(bound, 1);
    let timers = app
        .scalar_i64(&format!(
            "SELECT COUNT(*) FROM timers WHERE patient_id = {patient_id} AND kind = 'check_in' AND status = 'pending'"
        ))
        .await;
    assert_eq!(timers, 1, "the first check-in is scheduled");
}
both_engines!(a_line_patient_enrols_with_the_code_and_is_welcomed_by_name);

async fn a_telegram_deep_link_enrols_an_english_speaking_patient(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let out = app.cli(&[
        "patient",
        "add",
        "--name",
        "Alice Smith",
        "--phone",
        "+81 90 1111 2222",
        "--birth-date",
        "1950-01-01",
        "--onset-date",
        "2026-11-20",
        "--language",
        "en",
        "--json",
    ]);
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    let link = v["telegram_link"].as_str().expect("deep link printed");
    let payload = link.rsplit_once("start=").map(|(_, p)| p.to_string()).expect("payload");
    assert!(link.starts_with("https://t.me/mimamori_test_bot?start="));
    app.tg_text(9001, &format!("/start {payload}"), Some("ja")).await;
    let texts = app.wait_for_texts(2).await;
    assert!(
        texts[0].starts_with("Welcome, Alice Smith."),
        "the record's language wins over the hint: {texts:?}"
    );
    assert!(
        texts[0].contains("09:00, 13:00, 17:00"),
        "76 years old: three check-ins a day: {texts:?}"
    );
}
both_engines!(a_telegram_deep_link_enrols_an_english_speaking_patient);

/// Users we do not know yet write in one webhook with a known patient: each new user's event
/// waits for their LINE profile (fetched outside the transaction, once) and is answered in its
/// language; the known patient's report is answered as usual.
async fn new_line_users_in_one_webhook_are_each_answered_in_their_profile_language(engine: Engine) {
    let app = TestApp::spawn_bare(engine, Default::default()).await;
    Mock::given(method("GET"))
        .and(path_regex("^/v2/bot/profile/Ueve$"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"userId": "Ueve", "displayName": "E", "language": "en"})),
        )
        .mount(&app.line)
        .await;
    crate::helpers::mount_defaults(&app.line, &app.telegram).await;
    let (_, code_known) = app.add_patient("Grace", &[]);
    app.line_text("Ugrace", &code_known).await;
    assert!(app.wait_for_texts(1).await[0].contains("Graceさん"));
    let (_, code_eve) = app.add_patient("Eve", &[]);
    let (_, code_frank) = app.add_patient("Frank", &[]);
    let events = vec![
        app.line_text_event("Ueve", &code_eve),
        app.line_text_event("Ufrank", &code_frank),
        app.line_text_event("Ugrace", "SpO2 97 36.5"),
    ];
    assert_eq!(app.post_line(events).await.status(), 200);
    let all_answered = |texts: &[String]| {
        texts.iter().any(|t| t.starts_with("Welcome, Eve."))
            && texts.iter().any(|t| t.contains("Frankさん"))
            && texts.iter().any(|t| t.contains("記録しました"))
    };
    let texts = app
        .eventually("all three answered", || async {
            let texts = app.texts().await;
            all_answered(&texts).then_some(texts)
        })
        .await;
    assert!(
        texts.iter().any(|t| t.contains("記録しました")),
        "the known patient's report answered: {texts:?}"
    );
    assert!(
        texts.iter().any(|t| t.starts_with("Welcome, Eve.")),
        "profile language en: {texts:?}"
    );
    assert!(
        texts.iter().any(|t| t.starts_with("Frankさん、登録が完了しました")),
        "no profile language: Japanese: {texts:?}"
    );
    let profiles = app.line.received_requests().await.unwrap_or_default();
    let asked = |user: &str| {
        profiles
            .iter()
            .filter(|r| r.url.path() == format!("/v2/bot/profile/{user}"))
            .count()
    };
    assert_eq!(
        (asked("Ueve"), asked("Ufrank"), asked("Ugrace")),
        (1, 1, 1),
        "each profile asked once"
    );
}
both_engines!(new_line_users_in_one_webhook_are_each_answered_in_their_profile_language);

async fn without_a_language_on_record_the_platform_hint_is_used(engine: Engine) {
    let app = TestApp::spawn_bare(engine, Default::default()).await;
    Mock::given(method("GET"))
        .and(path_regex("^/v2/bot/profile/Uenglish$"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"userId": "Uenglish", "displayName": "E", "language": "en"})),
        )
        .mount(&app.line)
        .await;
    crate::helpers::mount_defaults(&app.line, &app.telegram).await;
    let (_, code_line) = app.add_patient("Bob", &[]);
    let (_, code_tg) = app.add_patient("Carol", &[]);
    app.line_text("Uenglish", &code_line).await;
    app.tg_text(9002, &code_tg, Some("en-GB")).await;
    let texts = app.wait_for_texts(4).await;
    assert!(
        texts.iter().any(|t| t.starts_with("Welcome, Bob.")),
        "LINE profile language: {texts:?}"
    );
    assert!(
        texts.iter().any(|t| t.starts_with("Welcome, Carol.")),
        "Telegram language_code: {texts:?}"
    );
    // and with no hint at all: Japanese
    let (_, code_ja) = app.add_patient("Dan", &[]);
    app.tg_text(9003, &code_ja, None).await;
    let texts = app.wait_for_texts(6).await;
    assert!(texts.iter().any(|t| t.starts_with("Danさん")), "{texts:?}");
}
both_engines!(without_a_language_on_record_the_platform_hint_is_used);

async fn wrong_used_and_expired_codes_get_clear_answers(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (_, code) = app.add_patient("Eve", &["--language", "en"]);
    // unenrolled chat, ordinary text: instructions, never an error
    app.tg_text(9101, "hello?", Some("en")).await;
    app.tg_text(9101, "ZZZZZ-ZZZZZ", Some("en")).await;
    let texts = app.wait_for_texts(2).await;
    assert!(texts[0].contains("enrolment code"), "{texts:?}");
    assert!(
        texts[1].contains("not recognised") && texts[1].contains("4 tries left"),
        "{texts:?}"
    );
    // the right code binds; the same code from another chat is refused as used
    app.tg_text(9101, &code, Some("en")).await;
    // events of different chats may be handled in parallel: the second chat tries once the
    // first is welcomed
    app.wait_for_texts(4).await;
    app.tg_text(9102, &code, Some("en")).await;
    app.wait_for_texts(5).await;
    let eve = app.texts_to("9101").await;
    assert!(eve[2].starts_with("Welcome, Eve."), "{eve:?}");
    let other = app.texts_to("9102").await;
    assert_eq!(other.len(), 1);
    assert!(other[0].contains("already been used"), "{other:?}");
    // a code past its 7 days
    let (_, old) = app.add_patient("Frank", &["--language", "en"]);
    app.advance(chrono::Duration::days(8));
    app.tg_text(9103, &old, Some("en")).await;
    app.wait_for_texts(6).await;
    app.settle().await;
    let to_new_chat: Vec<String> = app
        .sent()
        .await
        .into_iter()
        .filter(|s| s.to.as_deref() == Some("9103"))
        .map(|s| s.text)
        .collect();
    assert_eq!(to_new_chat.len(), 1, "{to_new_chat:?}");
    assert!(
        to_new_chat[0].contains("expired") && to_new_chat[0].contains("03-1234-5678"),
        "{to_new_chat:?}"
    );
}
both_engines!(wrong_used_and_expired_codes_get_clear_answers);

async fn a_chat_gets_five_wrong_tries_an_hour(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (_, code) = app.add_patient("Gina", &["--language", "en"]);
    for i in 0..5 {
        app.tg_text(9201, &format!("WRONG{i}CODE"), Some("en")).await;
    }
    app.tg_text(9201, &code, Some("en")).await;
    let texts = app.wait_for_texts(6).await;
    assert!(texts[4].contains("Too many wrong codes"), "{texts:?}");
    assert!(
        texts[5].contains("Too many wrong codes"),
        "even the right code waits: {texts:?}"
    );
    app.advance(chrono::Duration::minutes(61));
    app.tg_text(9201, &code, Some("en")).await;
    let texts = app.wait_for_texts(7).await;
    assert!(texts[6].starts_with("Welcome, Gina."), "{texts:?}");
}
both_engines!(a_chat_gets_five_wrong_tries_an_hour);

async fn the_cli_refuses_bad_input_with_a_clear_message(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let out = app.cli(&[
        "patient",
        "add",
        "--name",
        "X",
        "--phone",
        "090-1234-5678",
        "--birth-date",
        "1980-13-01",
        "--onset-date",
        "2026-11-20",
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--birth-date"));
    let out = app.cli(&[
        "patient",
        "add",
        "--name",
        "X",
        "--phone",
        "call me",
        "--birth-date",
        "1980-01-01",
        "--onset-date",
        "2026-11-20",
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--phone"));
    let out = app.cli(&[
        "patient",
        "add",
        "--name",
        "X",
        "--phone",
        "090-1234-5678",
        "--birth-date",
        "1980-01-01",
        "--onset-date",
        "2026-11-20",
        "--risk",
        "vampirism",
    ]);
    assert!(!out.status.success());
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM patients").await, 0);
}
both_engines!(the_cli_refuses_bad_input_with_a_clear_message);

//! Every patient in their own language: registered in it, enrolled, checked in, understood in
//! free text, triaged and told what to do in it; the language chosen by word, button or the
//! platform's hint, and remembered.

use fluent_bundle::FluentValue;
use mimamori::i18n::{Lang, Locales};
use serde_json::json;

use crate::both_engines;
use crate::helpers::{Engine, TestApp, api_get, api_post, staff_token};

/// A report a patient of each language would send: SpO2 96, 36.5 °C and sudden breathlessness,
/// in the language's own labels, digits and decimal mark.
fn breathless_report(code: &str) -> &'static str {
    match code {
        "ja" => "酸素96 体温36.5 息苦しい",
        "ja-easy" => "さんそ 96 ねつ 36.5 いきが くるしい",
        "en" => "spo2 96 temp 36.5 short of breath",
        "zh" => "血氧96 体温36.5 呼吸困难",
        "ko" => "산소포화도 96 체온 36.5 숨이 차요",
        "vi" => "SpO2 96 nhiệt độ 36,5 khó thở",
        "tl" => "SpO2 96 temp 36.5 hirap huminga",
        "ne" => "SpO2 ९६ तापक्रम ३६.५ सास फेर्न गाह्रो",
        "my" => "SpO2 ၉၆ အပူချိန် ၃၆.၅ အသက်ရှူကျပ်တယ်",
        "th" => "ออกซิเจน ๙๖ อุณหภูมิ ๓๖.๕ หายใจลำบาก",
        "fr" => "SpO2 96 température 36,5 essoufflé",
        "pt" => "SpO2 96 temperatura 36,5 falta de ar",
        "es" => "SpO2 96 temperatura 36,5 me falta el aire",
        other => panic!("no test report written for {other}: add one"),
    }
}

async fn every_shipped_language_carries_a_patient_from_registration_to_what_to_do(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let locales = Locales::load().expect("locales");
    let token = staff_token(&app);
    let onset = (mimamori::clock::Clock::now(&app.clock) - chrono::Duration::days(2))
        .with_timezone(&chrono_tz::Asia::Tokyo)
        .date_naive();
    for (i, lang) in Lang::all().enumerate() {
        let code = lang.code();
        let chat = 8000 + i64::try_from(i).expect("a few languages");
        let user = chat.to_string();
        let (status, registered) = api_post(
            &app,
            &token,
            "/api/v1/patients",
            json!({"name": format!("Patient {code}"), "phone": "090-1111-2222",
                   "birth_date": "1975-05-05", "onset_date": onset, "language": code}),
        )
        .await;
        assert_eq!(status, 201, "{code}: {registered}");
        let id = registered["patient_id"].as_i64().expect("patient_id");
        let enrolment_code = registered["enrolment_code"].as_str().expect("code").to_string();

        // enrol: the welcome and how to report, in the patient's language, with the language button
        app.tg_text(chat, &enrolment_code, None).await;
        app.settle().await;
        let how = locales.text(lang, "how-to-report", &[]);
        let sent = app.sent().await;
        let guide = sent
            .iter()
            .find(|s| s.to.as_deref() == Some(&user) && s.text == how)
            .unwrap_or_else(|| panic!("{code}: no how-to-report in {code}"));
        assert_eq!(
            guide.buttons,
            vec![(locales.text(lang, "choice-language", &[]), "lang:menu".to_string())]
        );

        // check in now: the check-in's first question in the patient's language
        app.tg_press(chat, "checkin:now").await;
        app.settle().await;
        let ask = locales.text(lang, "ask-spo2", &[]);
        let texts = app.texts_to(&user).await;
        assert!(texts.iter().any(|t| t.contains(&ask)), "{code}: {texts:?}");

        // a report in free text: read, triaged, and what to do told in the patient's language
        app.tg_text(chat, breathless_report(code), None).await;
        app.settle().await;
        let report = app.patient_json(id)["reports"][0].clone();
        assert_eq!(report["spo2"], 96, "{code}: {report}");
        assert_eq!(report["temperature"], 36.5, "{code}: {report}");
        assert_eq!(report["symptoms"], json!(["sudden_breathlessness"]), "{code}: {report}");
        let urgent = locales.text(
            lang,
            "route-urgent",
            &[("minutes", FluentValue::from(30)), ("emergency", "119".into())],
        );
        let symptom = locales.text(lang, "symptom-sudden-breathlessness", &[]);
        let texts = app.texts_to(&user).await;
        let told = texts.last().cloned().unwrap_or_default();
        assert!(told.contains(&urgent), "{code}: expected {urgent:?} in {told:?}");
        assert!(told.contains(&symptom), "{code}: the symptom named in {code}: {told:?}");
        if lang != Lang::JA {
            assert!(!told.contains("分以内に医師からお電話"), "{code}: not Japanese: {told}");
        }

        // staff see the words as written and what they were read as, in the staff's language
        let (_, record) = api_get(&app, &token, &format!("/api/v1/patients/{id}?lang=ja")).await;
        let reading = &record["readings"][0];
        assert_eq!(reading["source_text"], breathless_report(code));
        let as_read = reading["understood_as"].to_string();
        assert!(as_read.contains("→ 急に息苦しくなった"), "{code}: {as_read}");
        assert_eq!(record["language"], code);
    }
}
both_engines!(every_shipped_language_carries_a_patient_from_registration_to_what_to_do);

async fn a_patient_chooses_a_language_by_word_or_button_and_it_is_remembered(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let locales = Locales::load().expect("locales");
    let vi = Lang::from_code("vi").expect("vi");
    let pt = Lang::from_code("pt").expect("pt");
    // registered without a language: Telegram's language_code chooses it, and it is kept
    let (id, code) = app.add_patient("Nguyễn Văn An", &[]);
    app.tg_text(7001, &code, Some("vi")).await;
    app.settle().await;
    let texts = app.texts_to("7001").await;
    assert!(
        texts.iter().any(|t| t == &locales.text(vi, "how-to-report", &[])),
        "{texts:?}"
    );
    let stored = app
        .scalar_str(&format!("SELECT language FROM patients WHERE id = {id}"))
        .await;
    assert_eq!(stored.as_deref(), Some("vi"));

    // "ngôn ngữ" opens the menu: every language in its own name
    app.tg_text(7001, "ngôn ngữ", None).await;
    app.settle().await;
    let sent = app.sent().await;
    let menu = sent
        .iter()
        .rev()
        .find(|s| s.to.as_deref() == Some("7001"))
        .expect("menu");
    assert_eq!(menu.text, locales.text(vi, "language-ask", &[]));
    let labels: Vec<&str> = menu.buttons.iter().map(|(l, _)| l.as_str()).collect();
    for lang in Lang::all() {
        assert!(
            labels.contains(&lang.info().name.as_str()),
            "{} missing from {labels:?}",
            lang.code()
        );
    }
    // a button chooses Portuguese; the next report is answered in Portuguese, with no hint
    app.tg_press(7001, "lang:set:pt").await;
    app.settle().await;
    let texts = app.texts_to("7001").await;
    assert_eq!(texts.last(), Some(&locales.text(pt, "language-set", &[])));
    app.tg_text(7001, "SpO2 97 36,6 estou bem", None).await;
    app.settle().await;
    let texts = app.texts_to("7001").await;
    assert!(texts.last().is_some_and(|t| t.contains("registrado")), "{texts:?}");
    let stored = app
        .scalar_str(&format!("SELECT language FROM patients WHERE id = {id}"))
        .await;
    assert_eq!(stored.as_deref(), Some("pt"));

    // Telegram's /language, and a forged button for a language that does not exist
    app.tg_text(7001, "/language", None).await;
    app.settle().await;
    assert_eq!(
        app.texts_to("7001").await.last(),
        Some(&locales.text(pt, "language-ask", &[]))
    );
    app.tg_press(7001, "lang:set:xx").await;
    app.settle().await;
    assert_eq!(
        app.texts_to("7001").await.last(),
        Some(&locales.text(pt, "language-ask", &[]))
    );
    let stored = app
        .scalar_str(&format!("SELECT language FROM patients WHERE id = {id}"))
        .await;
    assert_eq!(stored.as_deref(), Some("pt"), "a forged button changes nothing");

    // registration refuses a language that does not ship, naming those that do
    let token = staff_token(&app);
    let (status, body) = api_post(
        &app,
        &token,
        "/api/v1/patients",
        json!({"name": "X", "phone": "090-1111-2222", "birth_date": "1975-05-05",
               "onset_date": "2026-01-01", "language": "xx"}),
    )
    .await;
    assert_eq!(status, 400, "{body}");
    assert!(body["error"].as_str().is_some_and(|e| e.contains("ja-easy")), "{body}");
    // the CLI takes every shipped language (it refused zh before)
    let out = app.cli(&[
        "patient",
        "add",
        "--name",
        "王芳",
        "--phone",
        "090-1111-2222",
        "--birth-date",
        "1980-01-01",
        "--onset-date",
        "2026-01-01",
        "--language",
        "zh",
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}
both_engines!(a_patient_chooses_a_language_by_word_or_button_and_it_is_remembered);

async fn a_provider_chooses_among_the_languages_providers_are_written_in(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let locales = Locales::load().expect("locales");
    // registered in English
    let provider_id = crate::helpers::on_telegram(&app, "Dr. Tanaka", "doctor", 7101).await;
    app.tg_text(7101, "言語", None).await;
    app.settle().await;
    let sent = app.sent().await;
    let menu = sent
        .iter()
        .rev()
        .find(|s| s.to.as_deref() == Some("7101"))
        .expect("menu");
    let codes: Vec<&str> = menu.buttons.iter().map(|(_, d)| d.as_str()).collect();
    assert_eq!(
        codes,
        ["lang:set:ja", "lang:set:en"],
        "providers' texts are in ja and en"
    );
    app.tg_press(7101, "lang:set:ja").await;
    app.settle().await;
    assert_eq!(
        app.texts_to("7101").await.last(),
        Some(&locales.text(Lang::JA, "language-set", &[]))
    );
    let stored = app
        .scalar_str(&format!("SELECT language FROM providers WHERE id = {provider_id}"))
        .await;
    assert_eq!(stored.as_deref(), Some("ja"));
    // a patient's language is not a provider's: the button is refused and the menu shown again
    app.tg_press(7101, "lang:set:vi").await;
    app.settle().await;
    assert_eq!(
        app.texts_to("7101").await.last(),
        Some(&locales.text(Lang::JA, "language-ask", &[]))
    );
}
both_engines!(a_provider_chooses_among_the_languages_providers_are_written_in);

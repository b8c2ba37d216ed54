//! Patients are understood as they write: a sign in other words is triaged, a denied one is not,
//! an unclear urgent sign is asked back (and taken as said when unanswered), a misread report can
//! be corrected, and common symptoms feed the rules — through LINE and Telegram, on both engines.

use crate::both_engines;
use crate::helpers::{Engine, TestApp};

async fn kinds(app: &TestApp, patient: i64) -> Vec<String> {
    sqlx::query_scalar("SELECT kind FROM care_requests WHERE patient_id = $1 ORDER BY id")
        .bind(patient)
        .fetch_all(&app.pool())
        .await
        .expect("care requests")
}

/// Waits until the patient has a care request of `kind`.
async fn opened(app: &TestApp, patient: i64, kind: &str) {
    let sql = format!("SELECT COUNT(*) FROM care_requests WHERE patient_id = {patient} AND kind = '{kind}'");
    app.wait_count(kind, &sql, 1).await;
}

/// The texts sent since `since` texts had been sent in all, once everything has settled.
async fn since(app: &TestApp, since: usize) -> String {
    app.settle().await;
    app.texts().await[since..].join("\n---\n")
}

/// The buttons of the last message that had any.
async fn last_buttons(app: &TestApp) -> Vec<(String, String)> {
    app.sent()
        .await
        .into_iter()
        .rev()
        .find(|s| !s.buttons.is_empty())
        .map(|s| s.buttons)
        .unwrap_or_default()
}

async fn a_sign_in_other_words_is_triaged_and_a_denied_one_is_not(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (denies, mut n) = app.enrol_line("Uwords1", "田中", &[]).await;
    app.line_text("Uwords1", "SpO2 97 36.5 胸の痛みはないです。咳が少しあります")
        .await;
    n += 1;
    let texts = app.wait_for_texts(n).await;
    let ack = &texts[n - 1];
    assert!(ack.contains("症状：咳"), "the cough is told back: {ack}");
    assert!(
        ack.contains("ないと伺った症状：胸の痛みがある"),
        "the denied sign is told back as denied: {ack}"
    );
    assert!(
        ack.starts_with("SpO2 97%, 体温 36.5℃, 症状：咳, "),
        "never as a symptom: {ack}"
    );
    assert!(
        kinds(&app, denies).await.is_empty(),
        "no urgent request for a denied sign"
    );
    let r = &app.patient_json(denies)["reports"][0];
    assert_eq!(r["symptoms"], serde_json::json!(["cough"]));
    let understood = r["understood"].as_array().expect("understood");
    assert!(
        understood
            .iter()
            .any(|u| u["concept"] == "chest_pain" && u["polarity"] == "negated" && u["text"] == "胸の痛みはない"),
        "staff see the phrase and what it was understood as: {understood:?}"
    );

    // a sign in the patient's own words, with no reading at all
    let (blue, before) = app.enrol_line("Uwords2", "佐々木", &[]).await;
    app.line_text("Uwords2", "くちびるが青いです").await;
    let texts = app.wait_for_texts(before + 1).await;
    assert!(
        texts[before].contains("119"),
        "an emergency says call 119 first: {texts:?}"
    );
    opened(&app, blue, "emergency").await;
}
both_engines!(a_sign_in_other_words_is_triaged_and_a_denied_one_is_not);

async fn an_unsure_urgent_sign_is_asked_back_and_the_answer_decides(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (id, n) = app.enrol_telegram(8101, "Ivy", &[]).await;
    app.tg_text(8101, "my lips look a bit dark, not sure", Some("en")).await;
    let texts = app.wait_for_texts(n + 1).await;
    assert!(
        texts[n].contains("\"Lips are purple\"") && texts[n].contains("Yes or No"),
        "{texts:?}"
    );
    assert!(kinds(&app, id).await.is_empty(), "nothing decided on a guess");
    let buttons = last_buttons(&app).await;
    let yes = buttons
        .iter()
        .find(|(label, _)| label == "Yes")
        .expect("a Yes button")
        .1
        .clone();
    let no = buttons
        .iter()
        .find(|(label, _)| label == "No")
        .expect("a No button")
        .1
        .clone();
    app.tg_press(8101, &yes).await;
    let texts = app.wait_for_texts(n + 2).await;
    assert!(texts[n + 1].starts_with("Call 119 now"), "{texts:?}");
    opened(&app, id, "emergency").await;
    let q = &app.patient_json(id)["safety_questions"][0];
    assert_eq!(
        (q["symptom"].as_str(), q["answer"].as_str()),
        (Some("purple_lips"), Some("yes"))
    );

    // a second press of the other button changes nothing
    app.tg_press(8101, &no).await;
    let texts = app.wait_for_texts(n + 4).await;
    assert!(
        texts.last().is_some_and(|t| t.contains("already been answered")),
        "{texts:?}"
    );

    // "no" is noted and nothing is opened
    let (calm, before) = app.enrol_telegram(8102, "Jon", &[]).await;
    app.tg_text(8102, "no fever and chest pain", Some("en")).await;
    let texts = app.wait_for_texts(before + 1).await;
    assert!(texts.last().is_some_and(|t| t.contains("\"Chest pain\"")), "{texts:?}");
    let no = last_buttons(&app)
        .await
        .into_iter()
        .find(|(label, _)| label == "No")
        .expect("No")
        .1;
    app.tg_press(8102, &no).await;
    let texts = app.wait_for_texts(before + 2).await;
    assert!(texts.last().is_some_and(|t| t.contains("is not the case")), "{texts:?}");
    app.settle().await;
    assert!(kinds(&app, calm).await.is_empty());
}
both_engines!(an_unsure_urgent_sign_is_asked_back_and_the_answer_decides);

async fn an_unanswered_safety_question_takes_the_safe_side_and_tells_staff(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (id, n) = app.enrol_line("Uwords3", "鈴木", &[]).await;
    app.line_text("Uwords3", "唇の色が悪い気がする").await;
    let texts = app.wait_for_texts(n + 1).await;
    assert!(
        texts[n].contains("「唇が紫色になっている」に当てはまりますか"),
        "{texts:?}"
    );
    // a typed answer counts too, but nobody answers: five minutes pass
    app.advance(chrono::Duration::minutes(5));
    let texts = app.wait_for_texts(n + 3).await;
    assert!(
        texts[n + 1].contains("念のため「唇が紫色になっている」があるものとして"),
        "{texts:?}"
    );
    assert!(texts[n + 2].contains("119"), "{texts:?}");
    opened(&app, id, "emergency").await;
    assert_eq!(
        app.scalar_i64(&format!(
            "SELECT COUNT(*) FROM staff_alerts WHERE kind = 'safety_question_unanswered' AND patient_id = {id}"
        ))
        .await,
        1
    );
    let q = &app.patient_json(id)["safety_questions"][0];
    assert_eq!(q["answer"], "assumed");

    // a typed "いいえ" answers the question without a button
    let (calm, before) = app.enrol_line("Uwords4", "高橋", &[]).await;
    app.line_text("Uwords4", "顔が白っぽい").await;
    app.wait_for_texts(before + 1).await;
    app.line_text("Uwords4", "いいえ").await;
    let texts = app.wait_for_texts(before + 2).await;
    assert!(
        texts
            .last()
            .is_some_and(|t| t.contains("当てはまらない、と記録しました")),
        "{texts:?}"
    );
    app.advance(chrono::Duration::minutes(10));
    app.settle().await;
    assert!(
        kinds(&app, calm).await.is_empty(),
        "an answered question never falls back"
    );
    // operations see how often a question was needed
    let metrics = app
        .http
        .get(format!("{}/metrics", app.base))
        .send()
        .await
        .expect("metrics")
        .text()
        .await
        .expect("text");
    for line in [
        "mimamori_safety_questions{answer=\"assumed\"} 1",
        "mimamori_safety_questions{answer=\"no\"} 1",
    ] {
        assert!(metrics.contains(line), "{line} in {metrics}");
    }
}
both_engines!(an_unanswered_safety_question_takes_the_safe_side_and_tells_staff);

async fn distress_without_a_reading_is_called_and_asked(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (id, n) = app.enrol_telegram(8103, "Kai", &[]).await;
    app.tg_text(8103, "please help me", Some("en")).await;
    let texts = app.wait_for_texts(n + 3).await;
    let joined = texts[n..].join("\n---\n");
    assert!(joined.contains("A doctor will call you"), "someone calls: {joined}");
    assert!(joined.contains("measure your SpO2 now"), "{joined}");
    assert!(joined.contains("\"Suddenly breathless\""), "{joined}");
    opened(&app, id, "phone_consultation").await;
}
both_engines!(distress_without_a_reading_is_called_and_asked);

async fn words_we_cannot_place_offer_a_one_tap_way_to_say_it_is_worse(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (id, n) = app.enrol_line("Uwords7", "中村", &[]).await;
    app.line_text("Uwords7", "母がまたあれをやってる").await;
    app.wait_for_texts(n + 2).await;
    let buttons = last_buttons(&app).await;
    let worse = buttons
        .iter()
        .find(|(label, _)| label == "具合が悪くなった")
        .expect("a worse button")
        .1
        .clone();
    app.line_postback("Uwords7", &worse).await;
    opened(&app, id, "phone_consultation").await;
}
both_engines!(words_we_cannot_place_offer_a_one_tap_way_to_say_it_is_worse);

async fn a_patient_corrects_a_misread_report(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (id, n) = app.enrol_line("Uwords5", "伊藤", &[]).await;
    app.line_text("Uwords5", "SpO2 97 36.8 胸が痛い").await;
    app.wait_for_texts(n + 1).await;
    let told = since(&app, n).await;
    assert!(told.contains("症状：胸の痛みがある"), "{told}");
    let first = app.patient_json(id)["reports"][0]["id"].as_i64().expect("id");
    let n = app.texts().await.len();
    app.line_text("Uwords5", "違います、胸は痛くないです").await;
    app.wait_for_texts(n + 1).await;
    let told = since(&app, n).await;
    assert!(told.contains("訂正しました"), "{told}");
    assert!(told.contains("ないと伺った症状：胸の痛みがある"), "{told}");
    let v = app.patient_json(id);
    let (fixed, old) = (&v["reports"][0], &v["reports"][1]);
    assert_eq!(old["id"].as_i64(), Some(first));
    assert!(old["corrected_at"].is_string(), "the misread report is kept, set aside");
    assert_eq!(fixed["spo2"], 97, "what was not corrected is carried over");
    assert_eq!(fixed["symptoms"], serde_json::json!([]));
    assert_eq!(
        app.scalar_i64(&format!(
            "SELECT COUNT(*) FROM staff_alerts WHERE kind = 'report_corrected' AND patient_id = {id}"
        ))
        .await,
        1,
        "staff review what the misread report opened"
    );
    // "違う" alone withdraws the report and asks for it again
    let n = app.texts().await.len();
    app.line_text("Uwords5", "違う").await;
    app.wait_for_texts(n + 2).await;
    let told = since(&app, n).await;
    assert!(told.contains("取り消しました") && told.contains("SpO2"), "{told}");
    let n = app.texts().await.len();
    app.line_text("Uwords5", "96 36.9").await;
    app.wait_for_texts(n + 1).await;
    let told = since(&app, n).await;
    assert!(told.starts_with("SpO2 96%, 体温 36.9℃ — 記録しました。"), "{told}");
}
both_engines!(a_patient_corrects_a_misread_report);

async fn new_common_symptoms_feed_the_rules_and_the_check_in_offers_them(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    // high-risk: a new symptom is a reason to call (docs/TRIAGE.md "watch")
    let (id, n) = app.enrol_telegram(8104, "Lea", &["--risk", "diabetes"]).await;
    app.tg_text(8104, "spo2 97 36.6 no symptoms", Some("en")).await;
    app.wait_for_texts(n + 1).await;
    let due = mimamori::store::from_ms(
        app.scalar_i64(&format!(
            "SELECT MIN(due_at) FROM timers WHERE patient_id = {id} AND kind = 'check_in' AND status = 'pending'"
        ))
        .await,
    );
    app.set_time(due);
    app.wait_for_texts(n + 3).await;
    for press in ["v:spo2:97", "v:temp:366", "sym:none", "feel:same"] {
        app.tg_press(8104, press).await;
        app.settle().await;
    }
    let texts = app.texts_to("8104").await;
    let last = texts.last().expect("the check-in's answer");
    assert!(last.contains("other symptoms? (optional)"), "{last}");
    let buttons = last_buttons(&app).await;
    let cough = buttons
        .iter()
        .find(|(label, _)| label == "Cough")
        .expect("Cough")
        .1
        .clone();
    assert!(buttons.iter().any(|(label, _)| label == "None of these"));
    let before = kinds(&app, id).await;
    assert!(!before.contains(&"phone_consultation".to_string()), "{before:?}");
    app.tg_press(8104, &cough).await;
    opened(&app, id, "phone_consultation").await;
    app.settle().await;
    let texts = app.texts_to("8104").await;
    assert!(texts.iter().any(|t| t.contains("symptoms: Cough")), "{texts:?}");
    let r = &app.patient_json(id)["reports"][0];
    assert_eq!(r["symptoms"], serde_json::json!(["cough"]));

    // and in a message: a high-risk patient's new sore throat, said in words
    let (other, m) = app.enrol_line("Uwords6", "小林", &["--risk", "diabetes"]).await;
    app.line_text("Uwords6", "SpO2 97 36.5 のどが痛いです").await;
    let texts = app.wait_for_texts(m + 1).await;
    assert!(texts.iter().any(|t| t.contains("のどの痛み")), "{texts:?}");
    opened(&app, other, "phone_consultation").await;
}
both_engines!(new_common_symptoms_feed_the_rules_and_the_check_in_offers_them);

async fn a_new_cough_restarts_the_release_clock_and_a_lingering_one_does_not(engine: Engine) {
    use mimamori::clock::Clock;
    let app = TestApp::spawn(engine).await;
    let onset = (app.clock.now() - chrono::Duration::days(6))
        .with_timezone(&chrono_tz::Asia::Tokyo)
        .date_naive()
        .to_string();
    let (id, _) = app.enrol_telegram(8105, "Max", &["--onset-date", &onset]).await;
    let release =
        format!("SELECT COUNT(*) FROM timers WHERE patient_id = {id} AND kind = 'release' AND status = 'pending'");
    let due = format!("SELECT due_at FROM timers WHERE patient_id = {id} AND kind = 'release' AND status = 'pending'");
    app.tg_text(8105, "spo2 98 36.6", Some("en")).await;
    app.settle().await;
    assert_eq!(app.scalar_i64(&release).await, 1, "improved: a release date");
    app.advance(chrono::Duration::days(1));
    app.tg_text(8105, "spo2 98 36.6 started coughing today", Some("en"))
        .await;
    app.settle().await;
    assert_eq!(
        app.scalar_i64(&release).await,
        0,
        "a new symptom: not improved any more"
    );
    app.advance(chrono::Duration::days(1));
    app.tg_text(8105, "spo2 98 36.5 still a bit of a cough", Some("en"))
        .await;
    app.settle().await;
    let at = app.scalar_i64(&due).await;
    assert_eq!(
        at,
        (app.clock.now() + chrono::Duration::hours(24)).timestamp_millis(),
        "the cough lingers and the rest improves: 24 hours from now"
    );
}
both_engines!(a_new_cough_restarts_the_release_clock_and_a_lingering_one_does_not);

async fn the_same_understanding_on_the_other_platform(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    // LINE: the question's Yes is a postback (LINE first: `texts` lists LINE's before Telegram's)
    let (line, n) = app.enrol_line("Uwords8", "山本", &[]).await;
    app.line_text("Uwords8", "胸が痛いかも").await;
    app.wait_for_texts(n + 1).await;
    let yes = last_buttons(&app)
        .await
        .into_iter()
        .find(|(label, _)| label == "はい")
        .expect("はい")
        .1;
    app.line_postback("Uwords8", &yes).await;
    opened(&app, line, "oxygen").await;
    let told = since(&app, n).await;
    assert!(told.contains("症状：胸の痛みがある"), "{told}");

    // Telegram: a correction in one message
    let (id, n) = app.enrol_telegram(8106, "Ned", &[]).await;
    app.tg_text(8106, "spo2 97 36.8", Some("en")).await;
    app.wait_for_texts(n + 1).await;
    let n = app.texts().await.len();
    app.tg_text(8106, "wrong, I meant 94", Some("en")).await;
    app.wait_for_texts(n + 1).await;
    let told = since(&app, n).await;
    assert!(
        told.contains("has been corrected") && told.contains("SpO2 94%"),
        "{told}"
    );
    let v = app.patient_json(id);
    assert_eq!(v["reports"][0]["spo2"], 94);
    assert!(v["reports"][1]["corrected_at"].is_string());
}
both_engines!(the_same_understanding_on_the_other_platform);

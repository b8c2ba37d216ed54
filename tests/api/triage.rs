//! Reports become decisions: the patient is told what happens next and a care request of the
//! right kind exists, with reasons a clinician can check.

use serde_json::Value;

use crate::both_engines;
use crate::helpers::{Engine, TestApp};

/// (kind, status, urgency, reasons) of a patient's care requests, oldest first.
async fn requests(app: &TestApp, patient: i64) -> Vec<(String, String, i64, Value)> {
    let rows: Vec<(String, String, i64, String)> =
        sqlx::query_as("SELECT kind, status, urgency, reasons FROM care_requests WHERE patient_id = $1 ORDER BY id")
            .bind(patient)
            .fetch_all(&app.pool())
            .await
            .expect("care requests");
    rows.into_iter()
        .map(|(k, s, u, r)| (k, s, u, serde_json::from_str(&r).unwrap_or(Value::Null)))
        .collect()
}

async fn spo2_92_is_remeasured_then_routed_to_oxygen_with_its_reasons(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (id, n) = app.enrol_telegram(6001, "Nora", &[]).await;
    app.tg_text(6001, "SpO2 92 37.5", Some("en")).await;
    let texts = app.wait_for_texts(n + 2).await;
    assert!(texts[n + 1].contains("measure your SpO2 again"), "{texts:?}");
    assert!(
        requests(&app, id).await.is_empty(),
        "nothing decided before the re-measure"
    );
    // no answer in 10 minutes: the first reading counts
    app.advance(chrono::Duration::minutes(10));
    let texts = app.wait_for_texts(n + 3).await;
    assert!(
        texts[n + 2].contains("A doctor will call you within 30 minutes"),
        "{texts:?}"
    );
    let reqs = requests(&app, id).await;
    let kinds: Vec<&str> = reqs.iter().map(|r| r.0.as_str()).collect();
    assert_eq!(kinds, vec!["oxygen", "hospital_coordination", "phone_consultation"]);
    assert_eq!(reqs[0].1, "open");
    assert_eq!(reqs[0].2, 3, "urgent");
    let reason = &reqs[0].3[0];
    assert_eq!(reason["key"], "reason-spo2-at-or-below");
    assert_eq!(reason["args"]["value"], "92");
    assert_eq!(reason["args"]["bound"], "93");
    assert_eq!(reason["args"]["label"], "moderate II");
    let version = app
        .scalar_str(&format!(
            "SELECT ruleset_version FROM assessments WHERE patient_id = {id}"
        ))
        .await;
    assert_eq!(version.as_deref(), Some("mimamori-default-2026.11.2"));
}
both_engines!(spo2_92_is_remeasured_then_routed_to_oxygen_with_its_reasons);

async fn an_emergency_is_never_delayed_and_opens_hospital_coordination(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (id, n) = app.enrol_telegram(6002, "Omar", &[]).await;
    app.tg_text(6002, "SpO2 97 36.8 lips purple", Some("en")).await;
    let texts = app.wait_for_texts(n + 2).await;
    assert!(texts[n].starts_with("Call 119 now"), "{texts:?}");
    assert!(texts[n + 1].contains("alerted"), "{texts:?}");
    let kinds: Vec<String> = requests(&app, id).await.into_iter().map(|r| r.0).collect();
    assert_eq!(kinds, vec!["emergency", "hospital_coordination"]);
    assert_eq!(
        app.scalar_i64(&format!(
            "SELECT COUNT(*) FROM staff_alerts WHERE patient_id = {id} AND kind = 'emergency'"
        ))
        .await,
        1
    );
}
both_engines!(an_emergency_is_never_delayed_and_opens_hospital_coordination);

async fn worse_and_help_are_honoured_in_the_middle_of_a_check_in(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (id, n) = app.enrol_telegram(6003, "Pia", &[]).await;
    let due = app.next_check_in(id).await;
    app.set_time(due);
    app.wait_for_texts(n + 2).await;
    app.tg_press(6003, "v:spo2:97").await;
    app.wait_for_texts(n + 4).await;
    app.tg_text(6003, "worse", Some("en")).await;
    let texts = app.wait_for_texts(n + 6).await;
    assert!(
        texts[n + 4].contains("A doctor will call you within 4 hours"),
        "{texts:?}"
    );
    assert!(
        texts[n + 5].contains("What is your temperature?"),
        "the check-in goes on: {texts:?}"
    );
    app.tg_text(6003, "help", Some("en")).await;
    let texts = app.wait_for_texts(n + 8).await;
    assert!(texts[n + 6].contains("within 4 hours"), "{texts:?}");
    let reqs = requests(&app, id).await;
    assert_eq!(reqs.len(), 1, "one phone consultation, not two: {reqs:?}");
    assert_eq!(reqs[0].0, "phone_consultation");
    // the check-in still completes
    app.tg_press(6003, "v:temp:368").await;
    app.settle().await;
    assert!(
        app.texts_to("6003")
            .await
            .last()
            .is_some_and(|t| t.contains("any of these symptoms"))
    );
}
both_engines!(worse_and_help_are_honoured_in_the_middle_of_a_check_in);

async fn feeling_worse_with_harder_breathing_is_a_home_visit_the_same_day(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (id, n) = app.enrol_telegram(6004, "Quinn", &[]).await;
    app.tg_text(6004, "I feel worse, it is harder to breathe", Some("en"))
        .await;
    let texts = app.wait_for_texts(n + 1).await;
    assert!(texts[n].contains("within 60 minutes"), "{texts:?}");
    let reqs = requests(&app, id).await;
    assert_eq!(reqs[0].0, "home_visit");
    assert!(
        reqs[0]
            .3
            .as_array()
            .is_some_and(|r| r.iter().any(|r| r["key"] == "reason-worse-and-breathing"))
    );
}
both_engines!(feeling_worse_with_harder_breathing_is_a_home_visit_the_same_day);

async fn a_high_risk_patient_early_in_illness_is_referred_for_treatment(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (id, n) = app.enrol_telegram(6005, "Rin", &["--risk", "diabetes"]).await;
    app.tg_text(6005, "SpO2 98 36.9", Some("en")).await;
    let texts = app.wait_for_texts(n + 2).await;
    assert!(texts[n + 1].contains("early treatment"), "{texts:?}");
    let kinds: Vec<String> = requests(&app, id).await.into_iter().map(|r| r.0).collect();
    assert_eq!(kinds, vec!["treatment_referral"]);
}
both_engines!(a_high_risk_patient_early_in_illness_is_referred_for_treatment);

async fn kinds(app: &TestApp, patient: i64) -> Vec<String> {
    requests(app, patient).await.into_iter().map(|r| r.0).collect()
}

async fn a_silent_patient_climbs_the_ladder_reminder_staff_call_safety_check_across_a_restart(engine: Engine) {
    let mut app = TestApp::spawn(engine).await;
    let enrolled_at = mimamori::clock::Clock::now(&app.clock);
    let (id, n) = app.enrol_telegram(6101, "Sam", &[]).await;
    let due = app.next_check_in(id).await;
    app.set_time(due);
    app.wait_for_texts(n + 2).await;
    app.set_time(due + chrono::Duration::minutes(60));
    let texts = app.wait_for_texts(n + 4).await;
    assert!(texts[n + 2].contains("we have not heard from you"), "{texts:?}");
    app.set_time(due + chrono::Duration::minutes(119));
    app.settle().await;
    assert!(kinds(&app, id).await.is_empty(), "not before 120 minutes");
    app.set_time(due + chrono::Duration::minutes(120));
    app.wait_request(id, "staff_call", |_| true).await;
    // the service restarts; the safety check still comes, 24 h after the last contact
    app.stop().await;
    app.clock
        .set(enrolled_at + chrono::Duration::hours(24) + chrono::Duration::minutes(1));
    app.start(Default::default(), &[]).await;
    app.wake();
    app.wait_request(id, "safety_check", |_| true).await;
    assert_eq!(app.care_requests_of(id, "staff_call").await.len(), 1);
    let reqs = requests(&app, id).await;
    let safety = reqs.iter().find(|r| r.0 == "safety_check").expect("safety check");
    assert_eq!(safety.3[0]["key"], "reason-no-contact");
    assert_eq!(safety.3[0]["args"]["hours"], "24");
    assert_eq!(
        reqs.iter().filter(|r| r.0 == "staff_call").count(),
        1,
        "missed check-ins raise one open staff call"
    );
}
both_engines!(a_silent_patient_climbs_the_ladder_reminder_staff_call_safety_check_across_a_restart);

async fn a_patient_who_answers_gets_neither_staff_call_nor_safety_check(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (id, n) = app.enrol_telegram(6102, "Tara", &[]).await;
    let due = app.next_check_in(id).await;
    app.set_time(due);
    app.wait_for_texts(n + 2).await;
    app.set_time(due + chrono::Duration::minutes(30));
    app.tg_text(6102, "SpO2 98 36.6", Some("en")).await;
    app.wait_for_texts(n + 3).await;
    app.set_time(due + chrono::Duration::minutes(150));
    app.settle().await;
    assert!(kinds(&app, id).await.is_empty());
    assert_eq!(app.texts_to("6102").await.len(), n + 3, "no reminder after an answer");
}
both_engines!(a_patient_who_answers_gets_neither_staff_call_nor_safety_check);

/// Check-ins due at the same minute are prompted together (one batch of timers): each patient
/// gets their prompt once, and each has their next check-in, reminder and staff call waiting.
async fn patients_due_at_once_are_each_prompted_once(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let mut enrolled = Vec::new();
    for (chat, name) in [(6111, "Uma"), (6112, "Vic"), (6113, "Wes")] {
        let (id, _) = app.enrol_telegram(chat, name, &[]).await;
        enrolled.push((chat, id, app.texts_to(&chat.to_string()).await.len()));
    }
    let due = app.next_check_in(enrolled[0].1).await;
    for (_, id, _) in &enrolled {
        assert_eq!(app.next_check_in(*id).await, due, "the same check-in time");
    }
    let n = app.texts().await.len();
    app.set_time(due);
    app.wait_for_texts(n + 6).await;
    app.settle().await;
    for (chat, id, before) in &enrolled {
        let texts = app.texts_to(&chat.to_string()).await;
        assert_eq!(texts.len(), before + 2, "one prompt each: {texts:?}");
        assert!(app.next_check_in(*id).await > due, "the next check-in is scheduled");
        let waiting = app
            .scalar_i64(&format!(
                "SELECT COUNT(*) FROM timers WHERE patient_id = {id} AND status = 'pending'
                 AND kind IN ('check_in', 'check_in_reminder', 'check_in_staff_call')"
            ))
            .await;
        assert_eq!(waiting, 3, "next check-in, reminder and staff call");
    }
    app.set_time(due + chrono::Duration::minutes(60));
    app.wait_for_texts(n + 12).await;
    app.settle().await;
    for (chat, _, before) in &enrolled {
        let texts = app.texts_to(&chat.to_string()).await;
        assert_eq!(
            texts.len(),
            before + 4,
            "one reminder (and the question again) each: {texts:?}"
        );
        assert!(texts[before + 2].contains("we have not heard from you"), "{texts:?}");
    }
}
both_engines!(patients_due_at_once_are_each_prompted_once);

/// Any message counts as contact, on either platform: patients who only say hello 20 hours
/// after enrolling get no safety check at 24 hours, and one 24 hours after the hello.
async fn any_message_counts_as_contact_and_puts_the_safety_check_off(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let start = mimamori::clock::Clock::now(&app.clock);
    let on_line = crate::helpers::patient(&app, "Ucontact1", &[]).await;
    let (on_telegram, _) = app.enrol_telegram(6120, "Vic", &[]).await;
    app.set_time(start + chrono::Duration::hours(20));
    app.settle().await;
    app.line_text("Ucontact1", "hello").await;
    app.tg_text(6120, "hello", Some("en")).await;
    app.settle().await;
    app.set_time(start + chrono::Duration::hours(24) + chrono::Duration::minutes(1));
    // the safety-check timers due at 24 hours have fired (each re-armed for later)
    let now = app.clock_ms();
    app.wait_until("the safety-check timers due have fired", move |pool| async move {
        let sql = "SELECT COUNT(*) FROM timers WHERE kind = 'safety_check' AND status = 'pending' AND due_at <= $1";
        sqlx::query_scalar::<_, i64>(sql)
            .bind(now)
            .fetch_one(&pool)
            .await
            .unwrap_or(1)
            == 0
    })
    .await;
    app.settle().await;
    for id in [on_line, on_telegram] {
        assert!(
            app.care_requests_of(id, "safety_check").await.is_empty(),
            "patient {id} wrote 4 hours ago"
        );
    }
    app.set_time(start + chrono::Duration::hours(44) + chrono::Duration::minutes(1));
    for id in [on_line, on_telegram] {
        app.wait_request(id, "safety_check", |_| true).await;
        assert_eq!(app.care_requests_of(id, "safety_check").await.len(), 1);
    }
}
both_engines!(any_message_counts_as_contact_and_puts_the_safety_check_off);

/// When the extra check-in is due, in milliseconds, as staff see it.
async fn extra_due(app: &TestApp, patient: i64) -> i64 {
    let record = app.patient_record(patient).await;
    crate::helpers::at(&record["extra_check_in_at"])
        .expect("an extra check-in is scheduled")
        .timestamp_millis()
}

async fn after_a_moderate_assessment_check_ins_come_every_three_hours_until_two_stable(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (id, n) = app.enrol_telegram(6103, "Uma", &[]).await;
    let start = mimamori::clock::Clock::now(&app.clock);
    app.tg_text(6103, "worse and harder to breathe", Some("en")).await;
    app.wait_for_texts(n + 1).await;
    let extra = |app: &TestApp| {
        let q = format!(
            "SELECT COUNT(*) FROM timers WHERE patient_id = {id} AND kind = 'extra_check_in' AND status = 'pending'"
        );
        let pool = app.pool();
        async move { sqlx::query_scalar::<_, i64>(&q).fetch_one(&pool).await.unwrap_or(-1) }
    };
    assert_eq!(extra(&app).await, 1);
    let due = extra_due(&app, id).await;
    assert_eq!(due - start.timestamp_millis(), 3 * 3600 * 1000, "3 hours later");
    // worse again an hour later: the next extra check-in counts from now, and there is one
    app.advance(chrono::Duration::hours(1));
    app.tg_text(6103, "worse and harder to breathe", Some("en")).await;
    app.wait_for_texts(n + 2).await;
    assert_eq!(
        extra(&app).await,
        1,
        "the earlier extra check-in gives way to the new one"
    );
    let due = extra_due(&app, id).await;
    assert_eq!(
        due - start.timestamp_millis(),
        4 * 3600 * 1000,
        "3 hours after the second"
    );
    app.tg_text(6103, "SpO2 98 36.5", Some("en")).await;
    app.wait_for_texts(n + 3).await;
    assert_eq!(extra(&app).await, 1, "one stable report is not enough");
    app.tg_text(6103, "SpO2 98 36.4", Some("en")).await;
    app.wait_for_texts(n + 4).await;
    assert_eq!(extra(&app).await, 0, "two stable in a row end the extra check-ins");
}
both_engines!(after_a_moderate_assessment_check_ins_come_every_three_hours_until_two_stable);

async fn cannot_eat_or_drink_gets_a_phone_consultation(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (id, n) = app.enrol_telegram(6201, "Yui", &[]).await;
    app.tg_text(6201, "食事がとれない", None).await;
    let texts = app.wait_for_texts(n + 1).await;
    assert!(texts[n].contains("within 4 hours"), "{texts:?}");
    let reqs = requests(&app, id).await;
    assert_eq!(reqs[0].0, "phone_consultation");
    assert!(
        reqs[0]
            .3
            .as_array()
            .is_some_and(|r| r.iter().any(|r| r["key"] == "reason-cannot-eat"))
    );
}
both_engines!(cannot_eat_or_drink_gets_a_phone_consultation);

async fn fast_breathing_with_spo2_93_is_an_emergency_at_once(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (id, n) = app.enrol_telegram(6202, "Zoe", &[]).await;
    app.tg_text(6202, "SpO2 93 37.2 RR 32", Some("en")).await;
    let texts = app.wait_for_texts(n + 2).await;
    assert!(
        texts[n].starts_with("Call 119 now"),
        "no re-measure before an emergency: {texts:?}"
    );
    let kinds: Vec<String> = requests(&app, id).await.into_iter().map(|r| r.0).collect();
    assert_eq!(kinds, vec!["emergency", "hospital_coordination"]);
}
both_engines!(fast_breathing_with_spo2_93_is_an_emergency_at_once);

async fn a_repeated_report_raises_the_open_request_instead_of_opening_another(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (id, n) = app.enrol_telegram(6203, "Aki", &[]).await;
    app.tg_text(6203, "食事がとれない", None).await;
    app.wait_for_texts(n + 1).await;
    let first = requests(&app, id).await;
    assert_eq!(first.len(), 1, "{first:?}");
    assert_eq!(first[0].0, "phone_consultation");
    // worse now: the same kind again, more urgent, together with kinds not open yet
    app.tg_text(6203, "SpO2 96 37.0 chest pain", Some("en")).await;
    app.wait_for_texts(n + 2).await;
    let reqs = requests(&app, id).await;
    let kinds: Vec<&str> = reqs.iter().map(|r| r.0.as_str()).collect();
    assert_eq!(kinds, vec!["phone_consultation", "oxygen", "hospital_coordination"]);
    assert!(reqs[0].2 > first[0].2, "urgency raised: {reqs:?}");
    assert_eq!(reqs[0].2, 3, "urgent, as the new assessment");
    let tied = app
        .scalar_i64(&format!(
            "SELECT COUNT(*) FROM care_requests WHERE patient_id = {id}
                AND assessment_id = (SELECT MAX(id) FROM assessments WHERE patient_id = {id})"
        ))
        .await;
    assert_eq!(tied, 3, "each tied to the assessment that opened or raised it");
    let keys: Vec<&str> = reqs[0]
        .3
        .as_array()
        .map(|r| r.iter().filter_map(|r| r["key"].as_str()).collect())
        .unwrap_or_default();
    assert!(
        keys.contains(&"reason-symptom"),
        "the new assessment's reasons: {keys:?}"
    );
}
both_engines!(a_repeated_report_raises_the_open_request_instead_of_opening_another);

/// The last assessment's level and reason keys.
async fn last_assessment(app: &TestApp, patient: i64) -> (String, Vec<String>) {
    let (level, reasons): (String, String) =
        sqlx::query_as("SELECT level, reasons FROM assessments WHERE patient_id = $1 ORDER BY id DESC LIMIT 1")
            .bind(patient)
            .fetch_one(&app.pool())
            .await
            .expect("an assessment");
    let keys = serde_json::from_str::<Value>(&reasons)
        .ok()
        .and_then(|r| r.as_array().cloned())
        .unwrap_or_default()
        .iter()
        .filter_map(|r| r["key"].as_str().map(str::to_owned))
        .collect();
    (level, keys)
}

async fn three_points_below_the_first_reading_is_moderate_also_reading_by_reading(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (id, n) = app.enrol_telegram(6301, "Ren", &[]).await;
    app.tg_text(6301, "SpO2 99 36.5", Some("en")).await;
    app.wait_for_texts(n + 1).await;
    assert_eq!(last_assessment(&app, id).await.0, "stable");
    app.tg_text(6301, "SpO2 97 36.5", Some("en")).await;
    app.wait_for_texts(n + 2).await;
    assert_eq!(last_assessment(&app, id).await.0, "stable", "two points below");
    // one reading at a time: the answer to the next question completes the report
    app.tg_text(6301, "SpO2 96", Some("en")).await;
    let texts = app.wait_for_texts(n + 4).await;
    assert!(texts[n + 3].contains("What is your temperature?"), "{texts:?}");
    app.tg_text(6301, "36.5", Some("en")).await;
    let texts = app.wait_for_texts(n + 5).await;
    assert!(texts[n + 4].contains("will call you within 60 minutes"), "{texts:?}");
    let (level, keys) = last_assessment(&app, id).await;
    assert_eq!(level, "moderate", "{keys:?}");
    assert!(keys.contains(&"reason-baseline-drop".to_owned()), "{keys:?}");
}
both_engines!(three_points_below_the_first_reading_is_moderate_also_reading_by_reading);

/// The night between a high-risk patient's 17:00 and 09:00 check-ins is longer than their 12
/// hours: one who answered every question is not silent then, and gets no safety check at
/// night; a morning prompt left unanswered is silence, and the safety check follows it.
async fn a_high_risk_patient_who_answers_gets_no_safety_check_overnight(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (id, _) = app.enrol_telegram(6130, "Uma", &["--risk", "diabetes"]).await;
    let pool = app.pool();
    // every check-in answered, through a night, to the evening's
    let mut answered = 0;
    loop {
        let due = app.next_check_in(id).await;
        let evening = chrono::Timelike::hour(&due.with_timezone(&chrono_tz::Asia::Tokyo)) == 17;
        let n = app.texts().await.len();
        app.set_time(due);
        app.wait_for_texts(n + 2).await;
        app.set_time(due + chrono::Duration::minutes(5));
        app.tg_text(6130, "SpO2 98 36.6 no symptoms, same", Some("en")).await;
        app.wait_for_texts(n + 3).await;
        app.settle().await;
        let dialogue: Option<String> = sqlx::query_scalar("SELECT dialogue FROM patients WHERE id = $1")
            .bind(id)
            .fetch_one(&pool)
            .await
            .expect("patient");
        assert_eq!(
            dialogue,
            None,
            "the check-in was answered in full: {:?}",
            app.texts_to("6130").await
        );
        answered += 1;
        if evening && answered > 3 {
            break;
        }
    }
    // the night: 16 hours without contact, yet every question answered: no safety check
    let due = app.next_check_in(id).await;
    app.set_time(due - chrono::Duration::minutes(1));
    app.settle().await;
    assert!(app.care_requests_of(id, "safety_check").await.is_empty());
    // the next prompt goes unanswered: the staff call, then the safety check
    let n = app.texts().await.len();
    app.set_time(due);
    app.wait_for_texts(n + 2).await;
    app.set_time(due + chrono::Duration::minutes(121));
    app.wait_request(id, "safety_check", |_| true).await;
    assert_eq!(app.care_requests_of(id, "safety_check").await.len(), 1);
}
both_engines!(a_high_risk_patient_who_answers_gets_no_safety_check_overnight);

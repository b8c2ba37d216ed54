//! Visiting nurses get their visit pings: a doctor arranges visiting nursing, the agencies on
//! the roster for the patient's area are offered it, the nurse who accepts gets the patient, and
//! what the nurse finds at the visit becomes a report on the patient, triaged like the
//! patient's own.

use crate::both_engines;
use serde_json::json;

use crate::helpers::{
    Engine, TestApp, api_post, buttons_of, friday_morning, load_roster, offer_buttons, on_telegram, patient,
    staff_token, tokyo, wait_text_to,
};

async fn a_doctor_arranges_nursing_and_the_nurses_visit_report_is_triaged(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.set_time(friday_morning());
    let doctor = on_telegram(&app, "Dr Sato", "doctor", 7851).await;
    let nurse = on_telegram(&app, "Nerima Nursing", "nurse", 7852).await;
    load_roster(
        &app,
        &format!("nurses-{engine:?}"),
        &format!("[[cover]]\nprovider = {nurse}\nareas = [\"Nerima\"]\nshifts = [\"day\", \"night\", \"holiday\"]\n"),
    );
    let id = patient(&app, "Unurse1", &["--family-doctor", &doctor.to_string()]).await;
    app.line_text("Unurse1", "I feel worse").await;
    let (accept, _) = offer_buttons(&app, 7851).await;
    app.tg_press(7851, &accept).await;
    let outcomes = buttons_of(&app, "7851", "is yours").await;
    let nursing = outcomes
        .iter()
        .find(|b| b.1.ends_with(":nursing"))
        .expect("a doctor can arrange visiting nursing")
        .1
        .clone();
    app.tg_press(7851, &nursing).await;
    wait_text_to(&app, "7851", "visiting nursing needed").await;

    // the visit ping
    let ping = wait_text_to(&app, "7852", "Visiting nursing").await;
    assert!(ping.contains("Pat Doe") && ping.contains("090-1234-5678"), "{ping}");
    let (accept, _) = offer_buttons(&app, 7852).await;
    app.tg_press(7852, &accept).await;
    wait_text_to(&app, "7852", "is yours").await;
    let requests = app.care_requests_of(id, "visiting_nursing").await;
    assert_eq!(requests[0]["status"], "assigned");
    assert_eq!(requests[0]["provider"]["id"], nurse);

    // what the nurse finds is the patient's report: SpO2 92 is urgent
    app.tg_text(7852, "SpO2 92 37.8 cough", None).await;
    let told = wait_text_to(&app, "7852", "Recorded as a report on Pat Doe").await;
    assert!(!told.is_empty());
    let record = app.patient_record(id).await;
    let report = &record["readings"][0];
    assert_eq!(report["spo2"], 92);
    assert_eq!(report["source"], format!("nurse:{nurse}"));
    assert_eq!(record["assessments"][0]["level"], "urgent", "{}", record["assessments"]);
    let kinds: Vec<String> = app
        .care_requests(id)
        .await
        .iter()
        .filter_map(|r| r["kind"].as_str().map(str::to_string))
        .collect();
    assert!(kinds.contains(&"oxygen".to_string()), "{kinds:?}");
}
both_engines!(a_doctor_arranges_nursing_and_the_nurses_visit_report_is_triaged);

async fn a_nurses_consultation_goes_to_the_doctor_who_ordered_the_nursing(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.set_time(friday_morning());
    let ordering = on_telegram(&app, "Dr Sato", "doctor", 7861).await;
    let other = on_telegram(&app, "Dr Kato", "doctor", 7862).await;
    let nurse = on_telegram(&app, "Nerima Nursing", "nurse", 7863).await;
    let cover =
        |p: i64, shifts: &str| format!("[[cover]]\nprovider = {p}\nareas = [\"Nerima\"]\nshifts = [{shifts}]\n\n");
    load_roster(
        &app,
        &format!("consult-{engine:?}"),
        &format!(
            "{}{}",
            cover(ordering, "\"day\""),
            cover(nurse, "\"day\", \"night\", \"holiday\"")
        ),
    );
    // no family doctor: the roster's doctor takes the call and arranges nursing
    let id = patient(&app, "Unurse2", &[]).await;
    app.line_text("Unurse2", "I feel worse").await;
    let (accept, _) = offer_buttons(&app, 7861).await;
    app.tg_press(7861, &accept).await;
    let outcomes = buttons_of(&app, "7861", "is yours").await;
    let nursing = outcomes
        .iter()
        .find(|b| b.1.ends_with(":nursing"))
        .expect("nursing")
        .1
        .clone();
    app.tg_press(7861, &nursing).await;
    let (accept, _) = offer_buttons(&app, 7863).await;
    app.tg_press(7863, &accept).await;
    let held = buttons_of(&app, "7863", "is yours").await;
    let consult = held
        .iter()
        .find(|b| b.1.starts_with("consult:"))
        .expect("a nurse can consult a doctor")
        .1
        .clone();
    // Dr Kato joins the roster now: were the consultation a new chain from the roster, both
    // would be asked
    load_roster(
        &app,
        &format!("consult2-{engine:?}"),
        &format!(
            "{}{}{}",
            cover(ordering, "\"day\""),
            cover(other, "\"day\""),
            cover(nurse, "\"day\", \"night\", \"holiday\"")
        ),
    );
    let before = app.texts_to("7862").await.len();
    app.tg_press(7863, &consult).await;
    let offer = wait_text_to(&app, "7861", "Doctor consultation").await;
    assert!(offer.contains("Pat Doe"), "{offer}");
    app.settle().await;
    assert_eq!(
        app.texts_to("7862").await.len(),
        before,
        "the ordering doctor is asked first"
    );
    let consultations = app.care_requests_of(id, "doctor_consultation").await;
    assert_eq!(consultations.len(), 1);
}
both_engines!(a_nurses_consultation_goes_to_the_doctor_who_ordered_the_nursing);

/// The performance report's line of one provider for 2026-11-20 (JSON).
fn report_line(app: &TestApp, provider: i64) -> serde_json::Value {
    let out = app.cli(&[
        "report",
        "providers",
        "--from",
        "2026-11-20",
        "--to",
        "2026-11-21",
        "--format",
        "json",
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    v["providers"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|l| l["provider_id"] == provider)
        .cloned()
        .unwrap_or(serde_json::Value::Null)
}

async fn a_night_doctors_drug_set_and_a_nurses_visit_count_in_the_report(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.set_time(crate::helpers::tokyo(2026, 11, 20, 23, 0));
    let doctor = on_telegram(&app, "Dr Night", "doctor", 7871).await;
    let nurse = on_telegram(&app, "Night Nursing", "nurse", 7872).await;
    load_roster(
        &app,
        &format!("night-{engine:?}"),
        &format!(
            "[[cover]]\nprovider = {doctor}\nareas = [\"Nerima\"]\nshifts = [\"night\"]\n\n\
             [[cover]]\nprovider = {nurse}\nareas = [\"Nerima\"]\nshifts = [\"day\", \"night\", \"holiday\"]\n"
        ),
    );
    let id = patient(&app, "Unight1", &[]).await;
    app.line_text("Unight1", "I feel worse").await;
    let (accept, _) = offer_buttons(&app, 7871).await;
    app.tg_press(7871, &accept).await;
    let outcomes = buttons_of(&app, "7871", "is yours").await;
    let drug_set = outcomes
        .iter()
        .find(|b| b.1.ends_with(":drug_set"))
        .expect("drug set")
        .1
        .clone();
    app.tg_press(7871, &drug_set).await;
    wait_text_to(&app, "7871", "first-line drug set given").await;
    let visits = app.care_requests(id).await;
    assert!(
        visits
            .iter()
            .any(|r| r["outcome"] == "drug_set" && r["status"] == "done"),
        "the patient's record keeps the drug set: {visits:?}"
    );
    assert!(
        app.care_requests_of(id, "pharmacy_delivery").await.is_empty(),
        "no delivery is offered for what the drug set covers"
    );
    assert_eq!(report_line(&app, doctor)["drug_sets"], 1);

    // a nurse's visit counts as nursing, not as a doctor's home visit
    patient(&app, "Unight2", &[]).await;
    let before = app.texts_to("7871").await.len();
    app.line_text("Unight2", "I feel worse").await;
    app.eventually("the second offer", || async {
        (app.texts_to("7871").await.len() > before).then_some(())
    })
    .await;
    let (accept, _) = offer_buttons(&app, 7871).await;
    app.tg_press(7871, &accept).await;
    app.eventually("the second acceptance", || async {
        let yours = app
            .texts_to("7871")
            .await
            .iter()
            .filter(|t| t.contains("is yours"))
            .count();
        (yours == 2).then_some(())
    })
    .await;
    let outcomes = buttons_of(&app, "7871", "is yours").await;
    let nursing = outcomes
        .iter()
        .find(|b| b.1.ends_with(":nursing"))
        .expect("nursing")
        .1
        .clone();
    app.tg_press(7871, &nursing).await;
    let (accept, _) = offer_buttons(&app, 7872).await;
    app.tg_press(7872, &accept).await;
    let held = buttons_of(&app, "7872", "is yours").await;
    let visited = held
        .iter()
        .find(|b| b.1.ends_with(":visited"))
        .expect("visited")
        .1
        .clone();
    app.tg_press(7872, &visited).await;
    wait_text_to(&app, "7872", "Recorded").await;
    let line = report_line(&app, nurse);
    assert_eq!(
        (line["nursing_visits"].clone(), line["home_visits"].clone()),
        (1.into(), 0.into()),
        "{line}"
    );
}
both_engines!(a_night_doctors_drug_set_and_a_nurses_visit_count_in_the_report);

/// The outcome (or other) button of the latest message to `chat` containing `needle` whose data
/// ends with `suffix`.
async fn button(app: &TestApp, chat: &str, needle: &str, suffix: &str) -> String {
    buttons_of(app, chat, needle)
        .await
        .into_iter()
        .find(|b| b.1.ends_with(suffix))
        .unwrap_or_else(|| panic!("no button ending {suffix:?}"))
        .1
}

async fn the_nurse_follows_the_doctors_plan_is_reminded_and_a_missed_call_reaches_staff(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.set_time(friday_morning());
    let doctor = on_telegram(&app, "Dr Sato", "doctor", 7941).await;
    let nurse = on_telegram(&app, "Nerima Nursing", "nurse", 7942).await;
    load_roster(
        &app,
        &format!("plan-{engine:?}"),
        &format!("[[cover]]\nprovider = {nurse}\nareas = [\"Nerima\"]\nshifts = [\"day\", \"night\", \"holiday\"]\n"),
    );
    let id = patient(
        &app,
        "Uplan1",
        &["--family-doctor", &doctor.to_string(), "--address", "1-2-3 Nerima"],
    )
    .await;
    app.line_text("Uplan1", "I feel worse").await;
    let (accept, _) = offer_buttons(&app, 7941).await;
    app.tg_press(7941, &accept).await;
    app.tg_press(7941, &button(&app, "7941", "is yours", ":nursing").await)
        .await;

    // the doctor says how: a call every 12 hours
    let prompt = wait_text_to(&app, "7941", "Visiting nursing ordered").await;
    assert!(prompt.contains("a visit every 24 h"), "the default plan: {prompt}");
    app.tg_press(
        7941,
        &button(&app, "7941", "Visiting nursing ordered", ":phone:12").await,
    )
    .await;
    wait_text_to(&app, "7941", "Nursing plan: a phone call every 12 h").await;
    app.tg_press(7941, &button(&app, "7941", "Visiting nursing ordered", ":days:3").await)
        .await;
    wait_text_to(&app, "7941", "every 12 h until 11/23 10:00").await;

    // the nurse who accepts gets where, the plan and the first call
    let (accept, _) = offer_buttons(&app, 7942).await;
    app.tg_press(7942, &accept).await;
    let theirs = wait_text_to(&app, "7942", "is yours").await;
    assert!(
        theirs.contains("1-2-3 Nerima") && theirs.contains("a phone call every 12 h") && theirs.contains("First call"),
        "{theirs}"
    );

    // each observation moves the schedule on
    app.set_time(tokyo(2026, 11, 20, 10, 30));
    app.tg_text(7942, "SpO2 96 36.8 pulse 80", None).await;
    let told = wait_text_to(&app, "7942", "Recorded as a report").await;
    assert!(told.contains("Next call due by 11/20 22:30"), "{told}");
    assert_eq!(
        app.care_requests_of(id, "visiting_nursing").await[0]["status"],
        "in_progress"
    );

    app.set_time(tokyo(2026, 11, 20, 22, 30));
    app.wake();
    let reminder = wait_text_to(&app, "7942", "Call due now").await;
    assert!(
        reminder.contains("Pat Doe") && reminder.contains("090-1234-5678"),
        "{reminder}"
    );
    assert!(app.care_requests_of(id, "staff_call").await.is_empty());

    // unreported two hours later: staff are asked to call, the nurse is told
    app.set_time(tokyo(2026, 11, 21, 0, 31));
    app.wake();
    wait_text_to(&app, "7942", "has not been reported").await;
    let call = app.wait_request(id, "staff_call", |r| r["status"] == "open").await;
    assert!(call["reasons"].to_string().contains("visiting nurse"), "{call}");
    // the call reported counts as a nursing visit; the missed one does not
    assert_eq!(report_line(&app, nurse)["nursing_visits"], 1);

    // the plan's end closes the request
    app.set_time(tokyo(2026, 11, 23, 10, 1));
    app.wake();
    wait_text_to(&app, "7942", "has ended").await;
    let nursing = app
        .wait_request(id, "visiting_nursing", |r| r["status"] == "done")
        .await;
    assert_eq!(nursing["outcome"], "plan_ended");
}
both_engines!(the_nurse_follows_the_doctors_plan_is_reminded_and_a_missed_call_reaches_staff);

async fn a_patient_under_nurse_observation_gets_no_prompts_and_a_nurse_is_pinged(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.set_time(friday_morning());
    let token = staff_token(&app);
    let nurse = on_telegram(&app, "Nerima Nursing", "nurse", 7951).await;
    load_roster(
        &app,
        &format!("observe-{engine:?}"),
        &format!("[[cover]]\nprovider = {nurse}\nareas = [\"Nerima\"]\nshifts = [\"day\", \"night\", \"holiday\"]\n"),
    );
    let id = patient(&app, "Uobserve1", &[]).await;
    let (status, body) = api_post(
        &app,
        &token,
        &format!("/api/v1/patients/{id}/episode"),
        json!({"action": "nurse_observation", "reason": "cannot use a phone"}),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(app.patient_record(id).await["observed_by"], "nurse");
    let ping = wait_text_to(&app, "7951", "Visiting nursing").await;
    assert!(ping.contains("Pat Doe"), "{ping}");

    // the next check-in time passes without a prompt to the patient
    let due = app.next_check_in(id).await;
    let before = app.texts_to("Uobserve1").await.len();
    app.set_time(due + chrono::Duration::minutes(1));
    app.wake();
    app.eventually("the next check-in scheduled", || async {
        (app.next_check_in(id).await > due).then_some(())
    })
    .await;
    app.settle().await;
    assert_eq!(app.texts_to("Uobserve1").await.len(), before, "no check-in prompt");

    // back to self-report: the prompts come again
    let (status, _) = api_post(
        &app,
        &token,
        &format!("/api/v1/patients/{id}/episode"),
        json!({"action": "self_report", "reason": "family helps with the phone now"}),
    )
    .await;
    assert_eq!(status, 200);
    let due = app.next_check_in(id).await;
    app.set_time(due + chrono::Duration::minutes(1));
    app.wake();
    app.eventually("a check-in prompt", || async {
        (app.texts_to("Uobserve1").await.len() > before).then_some(())
    })
    .await;
}
both_engines!(a_patient_under_nurse_observation_gets_no_prompts_and_a_nurse_is_pinged);

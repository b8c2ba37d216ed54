//! A patient who worsens while their care request is already open: the repeated report raises
//! the request (no second one), and whoever must act on it is told and given the new, shorter
//! time — the doctor who accepted it, or the doctors whose offer is still waiting.

use serde_json::json;

use crate::both_engines;
use crate::helpers::{
    Engine, TestApp, at, friday_morning, load_roster, offer_buttons, offer_with, on_telegram, patient, tokyo,
    wait_text, wait_text_to,
};

async fn the_doctor_who_accepted_is_told_and_the_deadline_moves_up(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.set_time(friday_morning());
    let doctor = on_telegram(&app, "Dr Sato", "doctor", 7511).await;
    let id = patient(&app, "Uworse1", &["--family-doctor", &doctor.to_string()]).await;

    // "worse" alone: a telephone consultation within 4 hours, taken by the family doctor
    app.line_text("Uworse1", "I feel worse").await;
    let (accept, _) = offer_with(&app, "7511", "Telephone consultation").await;
    app.tg_press(7511, &accept).await;
    let yours = wait_text_to(&app, "7511", "is yours").await;
    assert!(yours.contains("by 14:00"), "{yours}");

    // ten past ten: an urgent symptom — the same consultation, now within 30 minutes
    app.advance(chrono::Duration::minutes(10));
    app.line_text("Uworse1", "SpO2 96 37.0 chest pain").await;
    let update = wait_text_to(&app, "7511", "has worsened").await;
    assert!(
        update.contains("Telephone consultation is now urgent")
            && update.contains("Chest pain (urgent symptom)")
            && update.contains("by 10:40 at 090-1234-5678"),
        "{update}"
    );
    let consultations = app.care_requests_of(id, "phone_consultation").await;
    assert_eq!(consultations.len(), 1, "one consultation");
    let c = &consultations[0];
    assert_eq!(
        (&c["status"], &c["provider"]["id"], at(&c["target_at"])),
        (&json!("assigned"), &json!(doctor), Some(tokyo(2026, 11, 20, 10, 40))),
        "still his, due 10:40"
    );
    // and the patient learns in the answer to the report who calls, by the new time (a
    // reply: LINE's reply API names no recipient)
    let told = wait_text(&app, "will contact you by 10:40").await;
    assert!(told.contains("Dr Sato (doctor) will contact you by 10:40"), "{told}");

    // past 10:40 without an outcome, staff hear of it (not at 14:00)
    let overdue = "SELECT COUNT(*) FROM staff_alerts WHERE kind = 'request_overdue'";
    app.advance(chrono::Duration::minutes(29));
    app.settle().await;
    assert_eq!(app.scalar_i64(overdue).await, 0, "not before the new deadline");
    app.advance(chrono::Duration::minutes(2));
    app.wait_count("staff are alerted", overdue, 1).await;
    wait_text_to(&app, "7511", "past its deadline").await;
}
both_engines!(the_doctor_who_accepted_is_told_and_the_deadline_moves_up);

async fn an_offer_still_waiting_is_sent_again_and_the_chain_moves_on_sooner(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.set_time(friday_morning());
    let family = on_telegram(&app, "Dr Family", "doctor", 7521).await;
    let rostered = on_telegram(&app, "Dr Roster", "doctor", 7522).await;
    load_roster(
        &app,
        &format!("worsening-{engine:?}"),
        &format!("[[cover]]\nprovider = {rostered}\nareas = [\"Nerima\"]\nshifts = [\"day\"]\n"),
    );
    patient(&app, "Uworse2", &["--family-doctor", &family.to_string()]).await;

    app.line_text("Uworse2", "I feel worse").await;
    let first = wait_text_to(&app, "7521", "Telephone consultation requested").await;
    assert!(first.contains("answer by 10:20"), "{first}");

    // two minutes later the patient is urgent: the family doctor is asked again, to answer
    // within the urgent wait (10 minutes), and sees why
    app.advance(chrono::Duration::minutes(2));
    app.line_text("Uworse2", "SpO2 96 37.0 chest pain").await;
    let again = wait_text_to(&app, "7521", "has worsened").await;
    assert!(
        again.contains("now urgent")
            && again.contains("answer by 10:12")
            && again.contains("Chest pain (urgent symptom)"),
        "{again}"
    );
    let offers = "SELECT COUNT(*) FROM offers";
    assert_eq!(app.scalar_i64(offers).await, 1, "the same offer, not a second one");

    // no answer by 10:12: the roster is asked then, not at 10:20
    app.advance(chrono::Duration::minutes(9));
    app.settle().await;
    assert_eq!(app.scalar_i64(offers).await, 1, "not before the new time");
    app.advance(chrono::Duration::minutes(2));
    offer_buttons(&app, 7522).await;
    let expired = app
        .scalar_i64(&format!(
            "SELECT COUNT(*) FROM offers WHERE provider_id = {family} AND status = 'expired'"
        ))
        .await;
    assert_eq!(expired, 1, "the family doctor's offer ran out at 10:12");
}
both_engines!(an_offer_still_waiting_is_sent_again_and_the_chain_moves_on_sooner);

async fn a_request_left_to_staff_alerts_them_again_when_the_patient_worsens(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.set_time(friday_morning());
    // no family doctor and nobody on the roster: the chain ends with staff at once
    let id = patient(&app, "Uworse3", &[]).await;
    app.line_text("Uworse3", "I feel worse").await;
    let exhausted = "SELECT COUNT(*) FROM staff_alerts WHERE kind = 'chain_exhausted'";
    app.wait_count("staff have the request", exhausted, 1).await;
    app.line_text("Uworse3", "SpO2 96 37.0 chest pain").await;
    let raised = "SELECT COUNT(*) FROM staff_alerts
                  WHERE kind = 'request_raised' AND detail LIKE '%phone_consultation%is now urgent%'";
    app.wait_count("staff hear that it is urgent now", raised, 1).await;
    assert_eq!(
        app.care_requests_of(id, "phone_consultation").await.len(),
        1,
        "raised, not opened twice"
    );
}
both_engines!(a_request_left_to_staff_alerts_them_again_when_the_patient_worsens);

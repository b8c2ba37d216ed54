//! Escalation chains end to end: a care request is offered in chat to the family doctor, then
//! the roster; the first accept wins and the patient is told; when nobody accepts, staff are
//! alerted. LINE and Telegram are wiremock; the clock is the test's.

use serde_json::json;

use crate::both_engines;
use crate::helpers::{
    Engine, TestApp, friday_morning, load_roster, named_patient, offer_buttons, offer_with, on_telegram, patient,
    provider, roster_file, tokyo, wait_text_to,
};

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
    let visits = app.care_requests_of(id, "home_visit").await;
    assert_eq!(visits.len(), 1);
    assert_eq!(visits[0]["status"], "assigned");
    assert_eq!(visits[0]["provider"]["id"], doctor);
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
    let request = &app.care_requests(id).await[0];
    let answers: Vec<(i64, &str)> = request["chain"]
        .as_array()
        .expect("the chain")
        .iter()
        .map(|o| {
            (
                o["provider"]["id"].as_i64().unwrap_or(0),
                o["answer"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        answers,
        vec![(doctor, "declined"), (rostered, "expired")],
        "the chain's history: declined, then expired"
    );
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
    let answers = app
        .eventually("both doctors answered", || async {
            let answers = [app.texts_to("7301").await, app.texts_to("7302").await]
                .concat()
                .into_iter()
                .filter(|t| t.contains("is yours") || t.contains("already accepted"))
                .collect::<Vec<_>>();
            (answers.len() >= 2).then_some(answers)
        })
        .await;
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
            "訪問看護が必要",
            "初期薬セットを渡した",
            "連絡がつかない"
        ]
    );
    let prescribed = accepted.buttons[2].1.clone();
    app.tg_press(7401, &prescribed).await;
    wait_text_to(&app, "7401", "配達の依頼を作成しました").await;
    app.tg_text(7401, "カロナール 3日分", None).await;
    wait_text_to(&app, "7401", "補足を依頼に記録しました").await;

    let visits = app.care_requests_of(id, "home_visit").await;
    assert_eq!(visits.len(), 1);
    let visit = &visits[0];
    assert_eq!(
        (&visit["status"], &visit["outcome"], &visit["outcome_note"]),
        (&json!("done"), &json!("prescribed"), &json!("カロナール 3日分"))
    );
    let deliveries = app.care_requests_of(id, "pharmacy_delivery").await;
    assert_eq!(deliveries.len(), 1);
    assert_eq!(deliveries[0]["status"], "open");
    assert_eq!(
        deliveries[0]["parent_id"], visit["id"],
        "a delivery request linked to the visit"
    );
    // a second report on the closed request is refused politely
    app.tg_press(7401, &prescribed).await;
    wait_text_to(&app, "7401", "既に終了").await;
}
both_engines!(the_doctor_reports_prescribed_from_chat_and_a_delivery_request_follows);

async fn offers_to(app: &TestApp, provider: i64) -> i64 {
    app.scalar_i64(&format!("SELECT COUNT(*) FROM offers WHERE provider_id = {provider}"))
        .await
}

async fn the_first_offer_follows_the_hour_and_the_calendar(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.set_time(tokyo(2026, 5, 1, 10, 0));
    let family = on_telegram(&app, "Dr Family", "doctor", 7601).await;
    let holiday = on_telegram(&app, "Dr Holiday", "doctor", 7602).await;
    let night = on_telegram(&app, "Dr Night", "doctor", 7603).await;
    load_roster(
        &app,
        &format!("gates-{engine:?}"),
        &format!(
            "[[cover]]\nprovider = {holiday}\nareas = [\"Nerima\"]\nshifts = [\"holiday\"]\n\n\
             [[cover]]\nprovider = {night}\nareas = [\"Nerima\"]\nshifts = [\"night\"]\n"
        ),
    );
    let family_flag = family.to_string();
    // (when, who reports, whose chat gets the first offer)
    let cases = [
        // Wednesday 2026-05-06: the substitute holiday for Constitution Day (a Sunday)
        (tokyo(2026, 5, 6, 11, 0), "Pat Substitute", 7602),
        (tokyo(2026, 11, 20, 10, 0), "Pat Weekday", 7601),
        (tokyo(2026, 11, 20, 20, 0), "Pat Night", 7603),
        // Saturday 16:30: still the doctors' day (to 17:00)
        (tokyo(2026, 11, 21, 16, 30), "Pat Saturday", 7601),
        (tokyo(2026, 11, 22, 11, 0), "Pat Sunday", 7602),
    ];
    for (i, (at, name, chat)) in cases.iter().enumerate() {
        app.set_time(*at);
        let user = format!("Ugate{i}");
        named_patient(&app, name, &user, &["--family-doctor", &family_flag]).await;
        app.line_text(&user, "I feel worse, it is harder to breathe").await;
        offer_with(&app, &chat.to_string(), name).await;
        for other in [7601, 7602, 7603].iter().filter(|c| *c != chat) {
            assert!(
                !app.texts_to(&other.to_string()).await.iter().any(|t| t.contains(name)),
                "{name}: only chat {chat} is asked first, not {other}"
            );
        }
    }
}
both_engines!(the_first_offer_follows_the_hour_and_the_calendar);

async fn a_restart_mid_chain_resumes_at_the_same_step(engine: Engine) {
    let mut app = TestApp::spawn(engine).await;
    app.set_time(friday_morning());
    let family = on_telegram(&app, "Dr Family", "doctor", 7701).await;
    let rostered = on_telegram(&app, "Dr Roster", "doctor", 7702).await;
    load_roster(
        &app,
        &format!("restart-{engine:?}"),
        &format!("[[cover]]\nprovider = {rostered}\nareas = [\"Nerima\"]\nshifts = [\"day\"]\n"),
    );
    patient(&app, "Upat77", &["--family-doctor", &family.to_string()]).await;
    app.line_text("Upat77", "I feel worse, it is harder to breathe").await;
    offer_buttons(&app, 7701).await;
    app.settle().await;
    app.kill();
    app.start(mimamori::app::Loops::default(), &[]).await;
    // the family doctor's offer stands after the restart; nobody else is asked yet
    app.settle().await;
    assert_eq!(offers_to(&app, rostered).await, 0);
    app.advance(chrono::Duration::minutes(21));
    offer_buttons(&app, 7702).await;
    app.settle().await;
    assert_eq!(offers_to(&app, family).await, 1, "the family doctor is not asked again");
    assert_eq!(offers_to(&app, rostered).await, 1);
    let expired = app
        .scalar_str(&format!("SELECT status FROM offers WHERE provider_id = {family}"))
        .await;
    assert_eq!(expired.as_deref(), Some("expired"));
}
both_engines!(a_restart_mid_chain_resumes_at_the_same_step);

async fn two_instances_never_offer_the_same_step_twice(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.set_time(friday_morning());
    let family = on_telegram(&app, "Dr Family", "doctor", 7801).await;
    let mut roster = String::new();
    for (i, chat) in [7802, 7803, 7804, 7805].iter().enumerate() {
        let id = on_telegram(&app, &format!("Dr Roster {i}"), "doctor", *chat).await;
        roster.push_str(&format!(
            "[[cover]]\nprovider = {id}\nareas = [\"Nerima\"]\nshifts = [\"day\"]\n\n"
        ));
    }
    load_roster(&app, &format!("two-{engine:?}"), &roster);
    let requests = 4;
    for i in 0..requests {
        let user = format!("Utwo{i}");
        named_patient(
            &app,
            &format!("Pat {i}"),
            &user,
            &["--family-doctor", &family.to_string()],
        )
        .await;
        app.line_text(&user, "I feel worse, it is harder to breathe").await;
    }
    app.wait_until("the family doctor has every offer", |pool| async move {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM offers")
            .fetch_one(&pool)
            .await
            .unwrap_or(0)
            == requests
    })
    .await;
    let second = app.second_instance().await;
    // step 2: three roster doctors at once; step 3: the fourth
    let expected = [requests * 4, requests * 5];
    for want in expected {
        app.advance(chrono::Duration::minutes(21));
        match &second {
            Some(second) => second.wake(),
            None => app.wake(),
        }
        app.wait_until("the next step is offered", move |pool| async move {
            sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM offers")
                .fetch_one(&pool)
                .await
                .unwrap_or(0)
                >= want
        })
        .await;
        app.settle().await;
        assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM offers").await, want);
    }
    let twice = app
        .scalar_i64(
            "SELECT COUNT(*) FROM (SELECT care_request_id, provider_id FROM offers
                                   GROUP BY care_request_id, provider_id HAVING COUNT(*) > 1) d",
        )
        .await;
    assert_eq!(twice, 0, "nobody is offered the same request twice");
    if let Some(second) = second {
        second.stop().await;
    }
}
both_engines!(two_instances_never_offer_the_same_step_twice);

async fn an_accepted_request_past_its_deadline_alerts_staff(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.set_time(friday_morning());
    let family = on_telegram(&app, "Dr Slow", "doctor", 7901).await;
    patient(&app, "Upat79", &["--family-doctor", &family.to_string()]).await;
    app.line_text("Upat79", "I feel worse, it is harder to breathe").await;
    let (accept, _) = offer_buttons(&app, 7901).await;
    app.tg_press(7901, &accept).await;
    let told = wait_text_to(&app, "Upat79", "will contact you by").await;
    let by = told
        .rsplit("by ")
        .next()
        .unwrap_or_default()
        .trim_end_matches('.')
        .to_string();
    let due = chrono::NaiveTime::parse_from_str(&by, "%H:%M").expect("a time in the message");
    // just before the time the patient was given: quiet
    let minutes = (due - chrono::NaiveTime::from_hms_opt(10, 0, 0).expect("time")).num_minutes();
    app.advance(chrono::Duration::minutes(minutes - 1));
    app.settle().await;
    let overdue = "SELECT COUNT(*) FROM staff_alerts WHERE kind = 'request_overdue'";
    assert_eq!(app.scalar_i64(overdue).await, 0);
    app.advance(chrono::Duration::minutes(2));
    app.wait_until("staff are alerted", |pool| async move {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM staff_alerts WHERE kind = 'request_overdue'")
            .fetch_one(&pool)
            .await
            .unwrap_or(0)
            == 1
    })
    .await;
    wait_text_to(&app, "7901", "past its deadline").await;
}
both_engines!(an_accepted_request_past_its_deadline_alerts_staff);

async fn a_roster_doctor_out_of_reach_makes_room_for_the_next(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.set_time(friday_morning());
    // first on the roster, but never enrolled in a chat: cannot be offered anything
    let (silent, _) = provider(&app, "Dr Silent", "doctor", "en");
    let second = on_telegram(&app, "Dr Two", "doctor", 7801).await;
    let third = on_telegram(&app, "Dr Three", "doctor", 7802).await;
    let fourth = on_telegram(&app, "Dr Four", "doctor", 7803).await;
    let cover = |p: i64| format!("[[cover]]\nprovider = {p}\nareas = [\"Nerima\"]\nshifts = [\"day\"]\n\n");
    let roster: String = [silent, second, third, fourth].into_iter().map(cover).collect();
    load_roster(&app, &format!("reach-{engine:?}"), &roster);
    patient(&app, "Ureach", &[]).await;

    app.line_text("Ureach", "I feel worse, it is harder to breathe").await;
    // the first step asks three at once: the three who can be reached, the fourth included
    for chat in [7801, 7802, 7803] {
        offer_buttons(&app, chat).await;
    }
    for (who, n) in [(silent, 0), (second, 1), (third, 1), (fourth, 1)] {
        assert_eq!(offers_to(&app, who).await, n, "offers to provider {who}");
    }
    let steps = app.scalar_i64("SELECT COUNT(DISTINCT step) FROM offers").await;
    assert_eq!(steps, 1, "all three in the first step");
}
both_engines!(a_roster_doctor_out_of_reach_makes_room_for_the_next);

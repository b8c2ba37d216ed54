//! Hardening: what an attacker, an auditor or an operator would try. Group chats cannot enrol or
//! report, replays are refused, a provider acts only on what is theirs, nothing is parked, a
//! failed event keeps its alert, loops come back, and patient data has a lifetime.

use serde_json::json;

use crate::both_engines;
use crate::helpers::{Engine, TestApp, buttons_of, friday_morning, on_telegram, patient, wait_text, wait_text_to};

async fn a_group_or_room_can_neither_enrol_nor_report(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (patient, code) = app.add_patient("Aoi", &["--area", "Nerima", "--language", "ja"]);
    // the patient's code typed into a group and a room the bot was invited to
    for source in [
        json!({"type": "group", "groupId": "Cgroup1", "userId": "Uaoi"}),
        json!({"type": "room", "roomId": "Rroom1", "userId": "Uaoi"}),
    ] {
        let mut e = app.line_text_event("Uaoi", &code);
        e["source"] = source;
        assert_eq!(app.post_line(vec![e]).await.status(), 200);
    }
    app.settle().await;
    assert!(app.sent().await.is_empty(), "nothing is said into a group or a room");
    let ignored = app
        .scalar_i64("SELECT COUNT(*) FROM inbound_events WHERE status = 'ignored'")
        .await;
    assert_eq!(ignored, 2, "both are stored as ignored");
    let bound = app
        .scalar_i64(&format!("SELECT COUNT(*) FROM chats WHERE patient_id = {patient}"))
        .await;
    assert_eq!(bound, 0, "the group did not enrol");
    // the same code in the patient's own chat enrols them
    app.line_text("Uaoi", &code).await;
    app.settle().await;
    assert!(
        app.texts().await.iter().any(|t| t.contains("Aoi")),
        "the welcome, one-to-one"
    );
    let bound = app
        .scalar_i64(&format!("SELECT COUNT(*) FROM chats WHERE patient_id = {patient}"))
        .await;
    assert_eq!(bound, 1);
}
both_engines!(a_group_or_room_can_neither_enrol_nor_report);

/// `sslmode=require` in the database URL gives an encrypted connection (PostgreSQL only; the
/// test server must have TLS on, as the CI machines' has).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_is_reached_over_tls_when_the_url_asks() {
    if crate::helpers::postgres_url().is_none() {
        return;
    }
    let test_db = crate::helpers::TestDb::create(Engine::Postgres).await;
    let url = format!("{}?sslmode=require", test_db.url);
    let db = mimamori::store::Db::connect(&url)
        .await
        .expect("connect with sslmode=require");
    let ssl: bool = sqlx::query_scalar("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
        .fetch_one(&db.pool)
        .await
        .expect("pg_stat_ssl");
    assert!(ssl, "the connection is encrypted");
}

async fn a_provider_cannot_act_on_what_is_not_theirs(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.set_time(friday_morning());
    for (kind, serial) in [("cylinder", "C-001"), ("regulator", "R-001")] {
        let out = app.cli(&["equipment", "add", "--kind", kind, "--serial", serial]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let doctor = on_telegram(&app, "Dr Sato", "doctor", 7601).await;
    on_telegram(&app, "Dr Other", "doctor", 7602).await;
    patient(
        &app,
        "Upat71",
        &["--family-doctor", &doctor.to_string(), "--independent", "yes"],
    )
    .await;
    app.line_text("Upat71", "SpO2 91 36.9").await;
    wait_text(&app, "measure your SpO2 again").await;
    app.line_text("Upat71", "91").await;
    wait_text(&app, "Oxygen can be lent to you at home").await;
    let button = |needle: &'static str, label: &'static str| {
        let app = &app;
        async move {
            buttons_of(app, "7601", needle)
                .await
                .into_iter()
                .find(|b| b.0 == label)
                .unwrap_or_else(|| panic!("no {label:?} button"))
                .1
        }
    };
    let accept = button("Telephone consultation requested", "Accept").await;
    app.tg_press(7601, &accept).await;
    let needed = button("is yours", "Oxygen needed").await;
    // another doctor's client sends Dr Sato's buttons: refused, audited, nothing changes
    let order = {
        app.tg_press(7601, &needed).await;
        button("Order oxygen at home", "Cylinder 2 L/min").await
    };
    let before = app.texts_to("7602").await.len();
    app.tg_press(7602, &order).await;
    app.tg_press(7602, &accept).await;
    app.settle().await;
    let told = app.texts_to("7602").await;
    assert_eq!(told.len(), before + 2, "{told:?}");
    assert!(
        told[before..].iter().all(|t| t.contains("not known for you")),
        "{told:?}"
    );
    let orders = app.scalar_i64("SELECT COUNT(*) FROM oxygen_orders").await;
    assert_eq!(orders, 0, "no oxygen was ordered");
    let refused = app
        .scalar_i64("SELECT COUNT(*) FROM audit_log WHERE action = 'provider.refused'")
        .await;
    assert_eq!(refused, 2, "each refusal is audited");
    // the doctor whose request it is orders it
    app.tg_press(7601, &order).await;
    wait_text_to(&app, "7601", "Ordered: cylinder").await;
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM oxygen_orders").await, 1);
}
both_engines!(a_provider_cannot_act_on_what_is_not_theirs);

async fn a_signed_line_body_replayed_after_the_window_is_refused(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.set_time(friday_morning());
    let (_, code) = app.add_patient("Aoi", &["--area", "Nerima", "--language", "en"]);
    app.line_text("Uaoi", &code).await;
    app.settle().await;
    let before = app.scalar_i64("SELECT COUNT(*) FROM inbound_events").await;
    let sent = app.sent().await.len();
    // a report captured four days ago, sent again with its valid signature
    let mut old = app.line_text_event("Uaoi", "SpO2 88");
    old["timestamp"] = json!(app.clock_ms() - 96 * 3_600_000);
    assert_eq!(app.post_line(vec![old]).await.status(), 200);
    app.settle().await;
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM inbound_events").await,
        before,
        "not stored"
    );
    assert_eq!(app.sent().await.len(), sent, "not answered");
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM reports").await, 0);
    // one from an hour ago (a redelivery) is handled
    let mut late = app.line_text_event("Uaoi", "SpO2 97 36.5");
    late["timestamp"] = json!(app.clock_ms() - 3_600_000);
    assert_eq!(app.post_line(vec![late]).await.status(), 200);
    app.settle().await;
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM inbound_events").await, before + 1);
}
both_engines!(a_signed_line_body_replayed_after_the_window_is_refused);

/// The value of a line of `/metrics`, 0 when absent.
async fn metric(app: &TestApp, line: &str) -> f64 {
    let text = app
        .http
        .get(format!("{}/metrics", app.base))
        .send()
        .await
        .expect("metrics")
        .text()
        .await
        .expect("text");
    text.lines()
        .find_map(|l| l.strip_prefix(line).and_then(|v| v.trim().parse().ok()))
        .unwrap_or(0.0)
}

async fn a_flood_of_forged_tokens_does_not_take_the_services_connections(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let token = crate::helpers::staff_token(&app);
    // 300 requests at once: garbage, and tokens shaped like real ones
    let forged = format!("mmr_{}", "ab".repeat(32));
    let mut requests = tokio::task::JoinSet::new();
    for i in 0..300 {
        let bearer = if i % 2 == 0 {
            "garbage".to_string()
        } else {
            forged.clone()
        };
        let req = app
            .http
            .get(format!("{}/api/v1/patients", app.base))
            .bearer_auth(bearer)
            .send();
        requests.spawn(async move { req.await.map(|r| r.status().as_u16()).unwrap_or(0) });
    }
    // a patient writes meanwhile: the webhook is answered
    let webhook = app
        .post_line(vec![app.line_text_event("Uflood", "hello")])
        .await
        .status()
        .as_u16();
    let statuses = requests.join_all().await;
    assert_eq!(webhook, 200);
    assert!(statuses.iter().all(|s| *s == 401 || *s == 503), "{statuses:?}");
    assert_eq!(
        metric(&app, "mimamori_api_auth_total{outcome=\"malformed\"}").await,
        150.0,
        "garbage is refused without the database"
    );
    let looked_up = metric(&app, "mimamori_api_auth_total{outcome=\"unknown\"}").await
        + metric(&app, "mimamori_api_auth_total{outcome=\"busy\"}").await;
    assert_eq!(looked_up, 150.0);
    // a real token still works
    let (status, _) = crate::helpers::api_get(&app, &token, "/api/v1/patients").await;
    assert_eq!(status, 200);
}
both_engines!(a_flood_of_forged_tokens_does_not_take_the_services_connections);

async fn a_request_is_never_parked_with_nobody_and_a_taken_one_is_watched(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.set_time(friday_morning());
    let token = crate::helpers::staff_token(&app);
    let family = on_telegram(&app, "Dr Family", "doctor", 8201).await;
    let id = patient(&app, "Upat82", &["--family-doctor", &family.to_string()]).await;
    app.line_text("Upat82", "I feel worse, it is harder to breathe").await;
    crate::helpers::offer_buttons(&app, 8201).await;
    let request = app.care_requests_of(id, "home_visit").await[0]["id"]
        .as_i64()
        .expect("an id");
    let status = |to: &'static str, reason: &'static str| {
        let app = &app;
        let token = token.clone();
        async move {
            crate::helpers::api_post(
                app,
                &token,
                &format!("/api/v1/care-requests/{request}/status"),
                json!({"status": to, "reason": reason}),
            )
            .await
        }
    };
    // "assigned" to nobody is refused, and the request stays open on its chain
    let (code, out) = status("assigned", "parking it").await;
    assert_eq!(code, 400, "{out}");
    assert!(out.to_string().contains("/assign"), "{out}");
    assert_eq!(app.care_requests_of(id, "home_visit").await[0]["status"], "open");
    // taking it on needs a reason
    assert_eq!(status("in_progress", " ").await.0, 400);
    assert_eq!(status("in_progress", "I am calling the patient").await.0, 200);
    // past its deadline with no outcome: staff are alerted
    let overdue = || app.scalar_i64("SELECT COUNT(*) FROM staff_alerts WHERE kind = 'request_overdue'");
    assert_eq!(overdue().await, 0);
    app.advance(chrono::Duration::hours(2));
    app.wake();
    app.eventually("the overdue alert", || async { (overdue().await == 1).then_some(()) })
        .await;
}
both_engines!(a_request_is_never_parked_with_nobody_and_a_taken_one_is_watched);

/// Makes every new report fail to be stored (a storage fault), on either engine.
async fn break_reports(app: &TestApp) {
    let pool = app.pool();
    if app.db.url.starts_with("sqlite") {
        sqlx::query("CREATE TRIGGER broken BEFORE INSERT ON reports BEGIN SELECT RAISE(ABORT, 'broken'); END")
            .execute(&pool)
            .await
            .expect("trigger");
    } else {
        sqlx::query(
            "CREATE FUNCTION broken() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'broken'; END $$ LANGUAGE plpgsql",
        )
        .execute(&pool)
        .await
        .expect("function");
        sqlx::query("CREATE TRIGGER broken BEFORE INSERT ON reports FOR EACH ROW EXECUTE FUNCTION broken()")
            .execute(&pool)
            .await
            .expect("trigger");
    }
}

async fn a_failed_event_keeps_its_alert_and_is_kept_until_staff_resolve_it(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.set_time(friday_morning());
    let (_, code) = app.add_patient("Aoi", &["--language", "en"]);
    app.line_text("Uaoi", &code).await;
    app.settle().await;
    break_reports(&app).await;
    app.line_text("Uaoi", "SpO2 97 36.5").await;
    // eight tries, each after its back-off
    let failed = || app.scalar_i64("SELECT COUNT(*) FROM inbound_events WHERE status = 'failed'");
    // (the clock moves on at each look: every back-off passes, whichever worker retries)
    app.eventually("eight failed tries", || async {
        if failed().await == 1 {
            return Some(());
        }
        app.advance(chrono::Duration::seconds(1200));
        None
    })
    .await;
    assert_eq!(failed().await, 1, "the event failed for good");
    let alerts = app
        .scalar_i64(
            "SELECT COUNT(*) FROM staff_alerts a JOIN inbound_events e ON e.id = a.event_id
             WHERE a.kind = 'event_failed' AND e.status = 'failed' AND a.resolved_at IS NULL",
        )
        .await;
    assert_eq!(alerts, 1, "its alert names it");
    // days later the purge keeps it while the alert is open, and forgets it once resolved
    app.advance(chrono::Duration::days(4));
    app.purge().await;
    assert_eq!(failed().await, 1, "kept for staff");
    sqlx::query("UPDATE staff_alerts SET resolved_at = 1 WHERE kind = 'event_failed'")
        .execute(&app.pool())
        .await
        .expect("resolve");
    app.purge().await;
    assert_eq!(failed().await, 0, "resolved: purged with the rest");
}
both_engines!(a_failed_event_keeps_its_alert_and_is_kept_until_staff_resolve_it);

async fn readyz(app: &TestApp) -> u16 {
    app.http
        .get(format!("{}/readyz", app.base))
        .send()
        .await
        .map(|r| r.status().as_u16())
        .unwrap_or(0)
}

async fn a_loop_that_panics_is_restarted_counted_and_not_ready_meanwhile(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (_, code) = app.add_patient("Aoi", &["--language", "en"]);
    assert_eq!(readyz(&app).await, 200);
    for name in ["dispatcher", "events"] {
        app.panic_loop(name);
        app.eventually(format!("{name} down"), || async {
            (readyz(&app).await == 503).then_some(())
        })
        .await;
        app.eventually(format!("{name} back"), || async {
            (readyz(&app).await == 200).then_some(())
        })
        .await;
        let restarts = metric(&app, &format!("mimamori_loop_restarts_total{{loop_name=\"{name}\"}}")).await;
        assert_eq!(restarts, 1.0, "{name}");
    }
    // both work again: the patient's code is read and the welcome goes out
    app.line_text("Uaoi", &code).await;
    app.settle().await;
    assert!(app.texts().await.iter().any(|t| t.contains("Aoi")));
}
both_engines!(a_loop_that_panics_is_restarted_counted_and_not_ready_meanwhile);

async fn who_saw_a_patient_has_an_answer_and_the_audit_log_cannot_be_rewritten(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let token = crate::helpers::staff_token(&app);
    let (north, _) = app.add_patient("Aoi North", &["--area", "Nerima"]);
    let (south, _) = app.add_patient("Ben South", &["--area", "Toshima"]);
    // a list filtered to one area, and the command line's case list
    let (status, _) = crate::helpers::api_get(&app, &token, "/api/v1/patients?area=Nerima").await;
    assert_eq!(status, 200);
    let out = app.cli(&["cases", "list", "--json"]);
    assert!(out.status.success());
    let saw = |id: i64| {
        let out = app.cli(&["audit", "patient", &id.to_string()]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).to_string()
    };
    let north_seen = saw(north);
    assert!(
        north_seen.contains("保健師 佐々木\tpatients.list"),
        "the list that showed the patient names who ran it: {north_seen}"
    );
    assert!(
        north_seen.contains("os:test-operator\tpatient.register"),
        "{north_seen}"
    );
    assert!(
        !saw(south).contains("patients.list"),
        "the filtered list did not show the other"
    );
    let filter = app
        .scalar_str("SELECT detail FROM audit_log WHERE action = 'patients.list'")
        .await
        .unwrap_or_default();
    assert!(filter.contains("Nerima"), "the filter is kept: {filter}");

    // the service cannot change or delete an entry
    let pool = app.pool();
    assert!(
        sqlx::query("UPDATE audit_log SET action = 'nothing'")
            .execute(&pool)
            .await
            .is_err()
    );
    assert!(sqlx::query("DELETE FROM audit_log").execute(&pool).await.is_err());
    let out = app.cli(&["audit", "verify"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // someone who drops the guard and edits an entry is found out
    let list_id = app
        .scalar_i64("SELECT id FROM audit_log WHERE action = 'patients.list'")
        .await;
    if app.db.url.starts_with("sqlite") {
        sqlx::query("DROP TRIGGER audit_log_no_update")
            .execute(&pool)
            .await
            .expect("drop");
    } else {
        sqlx::query("DROP TRIGGER audit_log_append_only ON audit_log")
            .execute(&pool)
            .await
            .expect("drop");
    }
    sqlx::query(&format!("UPDATE audit_log SET staff_id = NULL WHERE id = {list_id}"))
        .execute(&pool)
        .await
        .expect("tamper");
    let out = app.cli(&["audit", "verify"]);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains(&format!("BROKEN at entry {list_id}")),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
both_engines!(who_saw_a_patient_has_an_answer_and_the_audit_log_cannot_be_rewritten);

async fn personal_data_is_erased_after_the_retention_or_on_request(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.set_time(friday_morning());
    let aoi = patient(&app, "Uret1", &[]).await;
    let ben = patient(&app, "Uret2", &[]).await;
    for user in ["Uret1", "Uret2"] {
        app.line_text(user, "SpO2 97 36.5 no cough").await;
    }
    app.settle().await;
    // not while under observation
    let out = app.cli(&["patient", "erase", &ben.to_string(), "--reason", "asked by phone"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("has not ended"));
    for id in [aoi, ben] {
        let out = app.cli(&["patient", "end", &id.to_string(), "--reason", "recovered"]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    // Ben asks to be forgotten now
    let out = app.cli(&["patient", "erase", &ben.to_string(), "--reason", "asked by phone"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let erased = |id: i64| {
        let app = &app;
        async move {
            let name = app
                .scalar_str(&format!("SELECT name FROM patients WHERE id = {id}"))
                .await
                .unwrap_or_default();
            let words = app
                .scalar_i64(&format!(
                    "SELECT COUNT(*) FROM reports WHERE patient_id = {id} AND source_text <> ''"
                ))
                .await;
            let chat = app
                .scalar_str(&format!("SELECT external_id FROM chats WHERE patient_id = {id}"))
                .await
                .unwrap_or_default();
            name == "erased" && words == 0 && chat.starts_with("erased:")
        }
    };
    assert!(erased(ben).await);
    assert!(!erased(aoi).await, "Aoi's data stays until the retention ends");
    // 91 days after the end (the command line ends episodes at the machine's time), the purge
    // erases Aoi; the readings stay for the ward's figures
    app.set_time(chrono::Utc::now() + chrono::Duration::days(91));
    app.purge().await;
    assert!(erased(aoi).await);
    let spo2 = app
        .scalar_i64(&format!(
            "SELECT COUNT(*) FROM reports WHERE patient_id = {aoi} AND spo2 = 97"
        ))
        .await;
    assert_eq!(spo2, 1, "the reading is kept, tied to no name");
    let bodies = app
        .scalar_i64(&format!(
            "SELECT COUNT(*) FROM outbox o JOIN chats c ON c.id = o.chat_id WHERE c.patient_id = {aoi} AND o.body <> '{{}}'"
        ))
        .await;
    assert_eq!(bodies, 0, "messages to the patient are erased");
    let audited = app
        .scalar_i64("SELECT COUNT(*) FROM audit_log WHERE action = 'patient.erase'")
        .await;
    assert_eq!(audited, 2);
    let ben_by = app
        .scalar_str("SELECT operator FROM audit_log WHERE action = 'patient.erase' AND reason = 'asked by phone'")
        .await;
    assert_eq!(ben_by.as_deref(), Some("os:test-operator"));
}
both_engines!(personal_data_is_erased_after_the_retention_or_on_request);

async fn a_crash_mid_reply_resumes_at_once_and_answers_once(engine: Engine) {
    use wiremock::matchers::{method, path};
    use wiremock::{Mock, ResponseTemplate};
    let mut app = TestApp::spawn(engine).await;
    app.set_time(friday_morning());
    patient(&app, "Ucrash", &[]).await;
    let replies = || async {
        app.line
            .received_requests()
            .await
            .unwrap_or_default()
            .iter()
            .filter(|r| r.url.path() == "/v2/bot/message/reply")
            .count()
    };
    let before = replies().await;
    // LINE takes the reply, but its answer never comes back before the crash
    Mock::given(method("POST"))
        .and(path("/v2/bot/message/reply"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({}))
                .set_delay(std::time::Duration::from_secs(60)),
        )
        .with_priority(1)
        .up_to_n_times(1)
        .mount(&app.line)
        .await;
    app.line_text("Ucrash", "SpO2 97 36.5").await;
    app.eventually("the reply on its way to LINE", || async {
        (replies().await > before).then_some(())
    })
    .await;
    app.kill();
    // the token is spent now: LINE refuses it
    Mock::given(method("POST"))
        .and(path("/v2/bot/message/reply"))
        .respond_with(ResponseTemplate::new(400).set_body_json(json!({"message": "Invalid reply token"})))
        .with_priority(1)
        .mount(&app.line)
        .await;
    // a restart, seconds later by the clock: no lease or heartbeat has run out
    app.start(mimamori::app::Loops::default(), &[]).await;
    app.advance(chrono::Duration::seconds(2));
    app.eventually("the claimed answer settled", || async {
        let pending = app
            .scalar_i64("SELECT COUNT(*) FROM outbox WHERE status = 'pending'")
            .await;
        (pending == 0).then_some(())
    })
    .await;
    let pushes = app
        .line
        .received_requests()
        .await
        .unwrap_or_default()
        .iter()
        .filter(|r| r.url.path() == "/v2/bot/message/push")
        .count();
    assert_eq!(pushes, 0, "the reply that arrived is not pushed again");
    // and the next report is answered at once
    app.line_text("Ucrash", "SpO2 96 36.6").await;
    app.settle().await;
    let answered = app
        .line
        .received_requests()
        .await
        .unwrap_or_default()
        .iter()
        .filter(|r| String::from_utf8_lossy(&r.body).contains("96"))
        .count();
    assert!(answered >= 1, "the next report is answered");
}
both_engines!(a_crash_mid_reply_resumes_at_once_and_answers_once);

async fn a_timer_a_dead_process_had_claimed_fires_at_once(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.set_time(friday_morning());
    let id = patient(&app, "Utimer", &[]).await;
    let due = app.next_check_in(id).await;
    // a process that died a moment ago, seen alive just now, had claimed the check-in
    let seen = app.clock_ms();
    sqlx::query(&format!(
        "INSERT INTO instances (id, seen_at) VALUES ('dead-one', {seen})"
    ))
    .execute(&app.pool())
    .await
    .expect("instance");
    let until = due.timestamp_millis() + 60_000;
    sqlx::query(&format!(
        "UPDATE timers SET claimed_until = {until}, claimed_by = 'dead-one' WHERE patient_id = {id} AND status = 'pending'"
    ))
    .execute(&app.pool())
    .await
    .expect("claim");
    // its time comes: the check-in goes out without waiting for the claim to run out
    app.set_time(due + chrono::Duration::seconds(1));
    crate::helpers::wait_text(&app, "time for your health check").await;
}
both_engines!(a_timer_a_dead_process_had_claimed_fires_at_once);

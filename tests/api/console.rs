//! The health centre's console, driven as staff use it: in headless Chromium (sign in, watch a
//! new urgent request appear without reloading, assign it, take an alert, register a patient
//! and get the QR sheet, a viewer without the buttons), and over HTTP for what a browser hides
//! (locking after ten wrong passwords, the CSRF token, idle sessions, refused forged posts).

use serde_json::Value;

use crate::both_engines;
use crate::helpers::browser::{self, Browser};
use crate::helpers::{Engine, TestApp, provider};

const PASSWORD: &str = "a long enough phrase";

fn account(app: &TestApp, login: &str, role: &str) {
    let out = app.cli_with_input(
        &[
            "staff",
            "add",
            "--name",
            &format!("{login} san"),
            "--role",
            role,
            "--login",
            login,
        ],
        &format!("{PASSWORD}\n"),
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

/// A form post as a browser without our page would send it: cookies given, no CSRF header.
async fn raw_post(app: &TestApp, path: &str, cookies: &str, csrf: Option<&str>, form: &[(&str, &str)]) -> u16 {
    let mut req = app
        .http
        .post(format!("{}{path}", app.base))
        .header("cookie", cookies)
        .form(form);
    if let Some(t) = csrf {
        req = req.header("x-csrf-token", t).header("hx-request", "true");
    }
    req.send().await.expect("post").status().as_u16()
}

/// Signs in over HTTP: (the session cookie, the page's CSRF token).
async fn http_sign_in(app: &TestApp, login: &str, password: &str) -> Result<(String, String), u16> {
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let page = client
        .get(format!("{}/console/signin", app.base))
        .send()
        .await
        .expect("signin page");
    let pre_cookie = page
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("mmr_pre="))
        .and_then(|c| c.split(';').next())
        .expect("the pre-sign-in cookie")
        .to_string();
    let pre = pre_cookie.trim_start_matches("mmr_pre=").to_string();
    let r = client
        .post(format!("{}/console/signin", app.base))
        .header("cookie", &pre_cookie)
        .form(&[
            ("login", login),
            ("password", password),
            ("pre", pre.as_str()),
            ("next", "/console/now"),
        ])
        .send()
        .await
        .expect("sign in");
    if r.status().as_u16() != 303 {
        return Err(r.status().as_u16());
    }
    let session = r
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("mmr_session="))
        .and_then(|c| c.split(';').next())
        .expect("a session cookie")
        .to_string();
    let now = client
        .get(format!("{}/console/now", app.base))
        .header("cookie", &session)
        .send()
        .await
        .expect("now")
        .text()
        .await
        .expect("page");
    let csrf = now
        .split("X-CSRF-Token\": \"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("the page carries its CSRF token")
        .to_string();
    Ok((session, csrf))
}

async fn ten_wrong_passwords_lock_the_account_and_every_attempt_is_audited(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    account(&app, "sasaki", "staff");
    for _ in 0..9 {
        assert_eq!(http_sign_in(&app, "sasaki", "wrong password!!").await.err(), Some(401));
    }
    assert!(
        http_sign_in(&app, "sasaki", PASSWORD).await.is_ok(),
        "nine are forgiven"
    );
    for _ in 0..10 {
        assert_eq!(http_sign_in(&app, "sasaki", "wrong password!!").await.err(), Some(401));
    }
    assert_eq!(
        http_sign_in(&app, "sasaki", PASSWORD).await.err(),
        Some(401),
        "locked: even the right password waits"
    );
    app.advance(chrono::Duration::minutes(16));
    assert!(
        http_sign_in(&app, "sasaki", PASSWORD).await.is_ok(),
        "unlocked after 15 minutes"
    );
    let failures = app
        .scalar_i64("SELECT COUNT(*) FROM audit_log WHERE action IN ('signin.failed', 'signin.lock')")
        .await;
    assert_eq!(failures, 19);
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM audit_log WHERE action = 'signin.locked'")
            .await,
        1
    );
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM audit_log WHERE action = 'signin'")
            .await,
        2
    );
}
both_engines!(ten_wrong_passwords_lock_the_account_and_every_attempt_is_audited);

async fn a_post_without_the_pages_token_or_from_a_viewer_is_refused_and_changes_nothing(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    account(&app, "sasaki", "staff");
    account(&app, "yamada", "viewer");
    let (patient, n) = app.enrol_telegram(9401, "Aya", &[]).await;
    app.tg_text(9401, "I feel worse", Some("en")).await;
    app.wait_for_texts(n + 1).await;
    let request = app.care_requests(patient).await[0]["id"].as_i64().expect("id");
    let close = format!("/console/requests/{request}/close");
    let form = [("outcome", "cancelled"), ("reason", "forged")];

    let (staff_cookie, staff_csrf) = http_sign_in(&app, "sasaki", PASSWORD).await.expect("signed in");
    assert_eq!(
        raw_post(&app, &close, &staff_cookie, None, &form).await,
        403,
        "no CSRF token"
    );
    assert_eq!(
        raw_post(&app, &close, &staff_cookie, Some("not-the-token"), &form).await,
        403
    );
    let (viewer_cookie, viewer_csrf) = http_sign_in(&app, "yamada", PASSWORD).await.expect("signed in");
    assert_eq!(
        raw_post(&app, &close, &viewer_cookie, Some(&viewer_csrf), &form).await,
        403,
        "a viewer may not close, whatever the form"
    );
    assert_eq!(app.care_requests(patient).await[0]["status"], "open", "nothing changed");
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'denied.%'")
            .await,
        3,
        "each refusal is audited"
    );
    // the staff member's own page token works
    assert_eq!(
        raw_post(&app, &close, &staff_cookie, Some(&staff_csrf), &form).await,
        200
    );
    assert_eq!(app.care_requests(patient).await[0]["status"], "cancelled");
    // idle for longer than the timeout: signed out
    app.advance(chrono::Duration::minutes(31));
    let r = app
        .http
        .get(format!("{}/console/now", app.base))
        .header("cookie", &staff_cookie)
        .send()
        .await
        .expect("now");
    assert!(r.url().path().starts_with("/console/signin"), "{}", r.url());
}
both_engines!(a_post_without_the_pages_token_or_from_a_viewer_is_refused_and_changes_nothing);

/// The Now page of a signed-in browser; `None` when the machine has no browser.
async fn signed_in(app: &TestApp, login: &str, width: u32, height: u32) -> Option<Browser> {
    let b = browser::open(width, height).await?;
    b.sign_in(app, login, PASSWORD).await;
    Some(b)
}

async fn staff_see_a_new_request_live_assign_it_and_take_an_alert(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    account(&app, "sasaki", "staff");
    let (doctor, _) = provider(&app, "Dr Sato", "doctor", "ja");
    let Some(b) = signed_in(&app, "sasaki", 1366, 768).await else {
        return;
    };
    b.wait_text("未対応の依頼はありません").await;
    // a patient worsens while the page is open: it appears without a reload
    let (patient, n) = app.enrol_telegram(9501, "Ichiro", &["--area", "Nerima"]).await;
    app.tg_text(9501, "I feel worse and it is harder to breathe", Some("en"))
        .await;
    app.wait_for_texts(n + 1).await;
    let page = b.wait_text("Ichiro").await;
    assert!(page.contains("090-1234-5678"), "{page}");
    let request = app.care_requests(patient).await;
    let id = request
        .iter()
        .find(|r| r["chain"].as_array().is_some_and(|c| c.is_empty()) || r["status"] == "open")
        .and_then(|r| r["id"].as_i64())
        .expect("an open request");
    assert!(b.has(&format!("#request-{id} a.tel[href='tel:090-1234-5678']")).await);
    // a half-typed note survives the page's own refresh
    b.fill(&format!("#note-{id}"), "called, no answer").await;
    b.screenshot("now-1366").await;
    // the list refreshes itself (every 5 s); one refresh now, then the box is read again
    b.client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             document.body.addEventListener('htmx:afterSwap', () => done(true), {once: true});
             htmx.trigger('#live', 'refresh');",
            vec![],
        )
        .await
        .expect("a refresh");
    let kept = b
        .wait_for(&format!("#note-{id}"))
        .await
        .prop("value")
        .await
        .expect("value");
    assert_eq!(kept.as_deref(), Some("called, no answer"));
    b.click(&format!("#request-{id} form[hx-post$='/note'] button")).await;
    b.wait_text("sasaki san").await;
    // assign it to the doctor, with a reason
    b.fill(&format!("#assign-reason-{id}"), "Dr Sato knows the family")
        .await;
    b.click(&format!("#request-{id} form[hx-post$='/assign'] button")).await;
    b.wait_text("Dr Sato").await;
    app.eventually("the request is assigned", || async {
        let r = app.care_requests(patient).await;
        r.iter()
            .find(|r| r["id"] == id && r["status"] == "assigned" && r["provider"]["id"] == doctor)
            .map(|_| ())
    })
    .await;
    // an alert on top: "I'm on it" takes it for everyone
    app.tg_text(9501, "SpO2 85 chest pain", Some("en")).await;
    let ack = b.wait_for("section.alerts button.primary").await;
    ack.click().await.expect("ack");
    app.eventually("the alert is taken", || async {
        (app.scalar_i64("SELECT COUNT(*) FROM staff_alerts WHERE acknowledged_by IS NOT NULL")
            .await
            > 0)
        .then_some(())
    })
    .await;
    b.goto(&app, "/console/alerts").await;
    b.wait_text("sasaki san").await;
    b.screenshot("alerts-1366").await;
    let sent = app.texts().await.len();
    app.tg_text(9501, "SpO2 97 36.8", Some("en")).await;
    app.wait_for_texts(sent + 1).await;
    b.goto(&app, &format!("/console/patients/{patient}")).await;
    b.wait_text("SpO2 97%").await;
    assert!(b.has("section.charts svg").await, "the readings are charted");
    // the patient's words, and what each phrase was read as, in the reader's language
    b.wait_text("「chest pain」→ 胸の痛みがある").await;
    b.screenshot("patient-1366").await;
}
both_engines!(staff_see_a_new_request_live_assign_it_and_take_an_alert);

async fn staff_register_a_patient_and_print_the_qr_sheet(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    account(&app, "sasaki", "staff");
    let Some(b) = signed_in(&app, "sasaki", 1366, 768).await else {
        return;
    };
    b.goto(&app, "/console/patients").await;
    b.fill("form.card input[name=name]", "練馬 花子").await;
    b.fill("form.card input[name=phone]", "abc").await;
    b.client
        .execute(
            "document.querySelector('input[name=birth_date]').value='1950-03-01';
             document.querySelector('input[name=onset_date]').value='2026-12-01';",
            vec![],
        )
        .await
        .expect("dates");
    b.click("form.card button.primary").await;
    b.wait_text("電話番号の形が正しくありません").await;
    b.fill("form.card input[name=phone]", "090-5555-6666").await;
    b.click("form.card input[name=risk_diabetes]").await;
    b.click("form.card button.primary").await;
    let sheet = b.wait_text("登録コード").await;
    assert!(b.has(".qrs svg").await, "a QR code to scan");
    let code = b.wait_for("#enrolment-code").await.text().await.expect("code");
    assert!(sheet.contains("練馬 花子"), "{sheet}");
    b.screenshot("sheet").await;
    // the code on the sheet enrols the patient's chat
    app.tg_text(9601, &code, None).await;
    let registered: Value = app.api("/api/v1/patients").await;
    let id = registered["patients"][0]["id"].as_i64().expect("id");
    app.eventually("the chat is bound", || async {
        (app.patient_record(id).await["chat"]["status"] == "active").then_some(())
    })
    .await;
    let record = app.patient_record(id).await;
    assert_eq!(
        record["risk_factors"],
        serde_json::json!(["diabetes"]),
        "the ticked risk factor"
    );
    let _ = b.client.set_window_size(390, 844).await;
    b.goto(&app, "/console/patients").await;
    b.wait_text("練馬 花子").await;
    b.screenshot("patients-phone").await;
}
both_engines!(staff_register_a_patient_and_print_the_qr_sheet);

async fn a_viewer_sees_no_button_that_changes_anything(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    account(&app, "yamada", "viewer");
    let (_, n) = app.enrol_telegram(9701, "Jiro", &[]).await;
    app.tg_text(9701, "I feel worse", Some("en")).await;
    app.wait_for_texts(n + 1).await;
    let Some(b) = signed_in(&app, "yamada", 390, 844).await else {
        return;
    };
    b.wait_text("Jiro").await;
    assert!(!b.has("form[hx-post$='/close']").await, "no close button for a viewer");
    assert!(!b.has("form[hx-post$='/assign']").await);
    b.screenshot("now-phone-viewer").await;
    // a forged post from the viewer's own page, with the page's token, is refused
    let status = b
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             const t = JSON.parse(document.body.getAttribute('hx-headers'))['X-CSRF-Token'];
             fetch('/console/requests/1/close', {method: 'POST',
                 headers: {'X-CSRF-Token': t, 'Content-Type': 'application/x-www-form-urlencoded'},
                 body: 'outcome=cancelled&reason=forged'}).then(r => done(r.status));",
            vec![],
        )
        .await
        .expect("fetch");
    assert_eq!(status, 403);
}
both_engines!(a_viewer_sees_no_button_that_changes_anything);

async fn staff_message_a_patient_and_open_a_request_by_hand(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    account(&app, "sasaki", "staff");
    account(&app, "yamada", "viewer");
    account(&app, "kanri", "admin");
    let (patient, n) = app.enrol_telegram(9801, "Saburo", &[]).await;
    let (cookie, csrf) = http_sign_in(&app, "sasaki", PASSWORD).await.expect("signed in");
    let message = [("text", "Please measure again at 15:00 and reply here.")];
    let path = format!("/console/patients/{patient}/message");
    assert_eq!(raw_post(&app, &path, &cookie, Some(&csrf), &message).await, 200);
    let texts = app.wait_for_texts(n + 1).await;
    assert_eq!(texts[n], "Please measure again at 15:00 and reply here.");

    let open = [
        ("kind", "phone_consultation"),
        ("level", "urgent"),
        ("reason", "the daughter called: he is confused"),
    ];
    let path = format!("/console/patients/{patient}/requests");
    assert_eq!(raw_post(&app, &path, &cookie, Some(&csrf), &open).await, 200);
    let requests = app.care_requests_of(patient, "phone_consultation").await;
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0]["urgency"], "urgent");
    let reason = requests[0]["reasons"][0].as_str().unwrap_or("");
    assert!(reason.contains("sasaki san") && reason.contains("confused"), "{reason}");

    // every reader sees the resources; only an admin reads the audit log
    let get = |cookie: String, path: &'static str| {
        let app = &app;
        async move {
            app.http
                .get(format!("{}{path}", app.base))
                .header("cookie", cookie)
                .send()
                .await
                .expect("get")
        }
    };
    let (viewer, _) = http_sign_in(&app, "yamada", PASSWORD).await.expect("signed in");
    assert_eq!(get(viewer.clone(), "/console/resources").await.status(), 200);
    assert_eq!(get(viewer, "/console/audit").await.status(), 403);
    let (admin, _) = http_sign_in(&app, "kanri", PASSWORD).await.expect("signed in");
    let audit = get(admin, "/console/audit").await;
    assert_eq!(audit.status(), 200);
    let page = audit.text().await.expect("page");
    assert!(
        page.contains("care_request.open") && page.contains("denied.read_audit"),
        "the audit shows who did what"
    );
}
both_engines!(staff_message_a_patient_and_open_a_request_by_hand);

async fn an_alert_stays_open_until_someone_resolves_it_with_a_note(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    account(&app, "sasaki", "staff");
    let (_, n) = app.enrol_telegram(9851, "Goro", &[]).await;
    app.tg_text(9851, "I feel worse", Some("en")).await;
    app.wait_for_texts(n + 1).await;
    // nobody to offer it to: the chain ends with staff at once
    app.eventually("an alert", || async {
        (app.scalar_i64("SELECT COUNT(*) FROM staff_alerts").await > 0).then_some(())
    })
    .await;
    let id = app.scalar_i64("SELECT MIN(id) FROM staff_alerts").await;
    let (cookie, csrf) = http_sign_in(&app, "sasaki", PASSWORD).await.expect("signed in");
    let page = |cookie: String| {
        let app = &app;
        async move {
            app.http
                .get(format!("{}/console/alerts", app.base))
                .header("cookie", cookie)
                .send()
                .await
                .expect("alerts")
                .text()
                .await
                .expect("page")
        }
    };
    assert!(
        page(cookie.clone()).await.contains(&format!("id=\"alert-{id}\"")),
        "open"
    );
    let resolve = format!("/console/alerts/{id}/resolve");
    assert_eq!(
        raw_post(&app, &resolve, &cookie, Some(&csrf), &[("note", "")]).await,
        200
    );
    assert!(
        page(cookie.clone()).await.contains(&format!("id=\"alert-{id}\"")),
        "no note, still open"
    );
    let note = [("note", "called the patient: a doctor visits at 15:00")];
    assert_eq!(raw_post(&app, &resolve, &cookie, Some(&csrf), &note).await, 200);
    let after = page(cookie).await;
    assert!(
        !after.contains(&format!("id=\"alert-{id}\"")),
        "resolved: off the open list"
    );
    assert!(
        after.contains("a doctor visits at 15:00") && after.contains("sasaki san"),
        "with who and how"
    );
}
both_engines!(an_alert_stays_open_until_someone_resolves_it_with_a_note);

async fn staff_compose_a_broadcast_see_who_gets_it_and_send_it(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    account(&app, "sasaki", "staff");
    app.enrol_telegram(9561, "Ichiro", &["--area", "Nerima"]).await;
    app.enrol_line("Ubc-console", "Hana", &["--area", "Nerima", "--language", "ja"])
        .await;
    let Some(b) = signed_in(&app, "sasaki", 1366, 768).await else {
        return;
    };
    b.goto(&app, "/console/broadcasts").await;
    b.fill("#compose input[name=title]", "電話番号の変更").await;
    b.fill("#compose textarea[name=text_ja]", "保健所の電話番号が変わりました。")
        .await;
    b.click("#compose button.primary").await;
    // English readers have no text yet: the draft says so, and send is refused
    b.wait_text("送信先 2 人").await;
    b.wait_text("の本文がありません").await;
    b.click("#broadcast-1 button.primary").await;
    // the refusal heads the page once the answer is in (the draft's own warning says the same)
    let refusal = b.wait_for("#broadcasts-page p.problem[role=alert]").await;
    let said = refusal.text().await.expect("text");
    assert!(said.contains("本文を加えるか"), "{said}");
    b.fill("#compose input[name=title]", "New phone number").await;
    b.fill("#compose textarea[name=text_ja]", "保健所の電話番号が変わりました。")
        .await;
    b.fill(
        "#compose textarea[name=text_en]",
        "The health centre's number has changed.",
    )
    .await;
    b.click("#compose input[name=check_in]").await;
    b.click("#compose button.primary").await;
    b.wait_for("#broadcast-2").await;
    b.screenshot("broadcasts-1366").await;
    b.click("#broadcast-2 button.primary").await;
    app.eventually("both copies", || async {
        let sent = app.sent().await;
        let n = sent.iter().filter(|s| s.text.contains("New phone number")).count();
        (n == 2).then_some(())
    })
    .await;
    b.goto(&app, "/console/broadcasts").await;
    b.wait_text("2 / 2").await;
}
both_engines!(staff_compose_a_broadcast_see_who_gets_it_and_send_it);

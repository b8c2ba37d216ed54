//! Broadcasts: the segment chooses who, each recipient gets the text in their language once, a
//! large one waits for a second member of staff, a cancel stops what has not gone, and a
//! language with no text is refused before anything is sent.

use serde_json::{Value, json};
use wiremock::matchers::{method, path};
use wiremock::{Mock, ResponseTemplate};

use crate::both_engines;
use crate::helpers::{Engine, TestApp, api_get, api_post, friday_morning, staff_token};

async fn compose(app: &TestApp, token: &str, body: Value) -> Value {
    let (status, out) = api_post(app, token, "/api/v1/broadcasts", body).await;
    assert_eq!(status, 201, "{out}");
    out
}

/// Copies of a broadcast each chat got (LINE multicast or Telegram).
async fn copies(app: &TestApp, needle: &str) -> Vec<(Option<String>, String)> {
    app.sent()
        .await
        .into_iter()
        .filter(|s| s.text.contains(needle))
        .map(|s| (s.to, s.text))
        .collect()
}

async fn three_patients(app: &TestApp) {
    app.enrol_line("Ubc-ja", "Aoi", &["--area", "Nerima", "--language", "ja"])
        .await;
    app.enrol_line("Ubc-en", "Ben", &["--area", "Nerima", "--language", "en"])
        .await;
    app.enrol_telegram(9801, "Cal", &["--area", "Nerima"]).await;
    app.enrol_line("Ubc-toshima", "Dai", &["--area", "Toshima", "--language", "ja"])
        .await;
}

async fn the_segment_gets_it_once_each_in_their_language(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.set_time(friday_morning());
    let token = staff_token(&app);
    three_patients(&app).await;
    let draft = compose(
        &app,
        &token,
        json!({
            "title": "New phone number",
            "texts": {"ja": "保健所の番号が変わりました", "en": "The health centre has a new number"},
            "check_in_button": true,
            "segment": {"audience": "patients", "areas": ["Nerima"]},
        }),
    )
    .await;
    let preview = &draft["preview"];
    assert_eq!(preview["recipients"], 3, "{draft}");
    assert_eq!(preview["by_language"], json!({"en": 2, "ja": 1}));
    assert_eq!(preview["by_platform"], json!({"line": 2, "telegram": 1}));
    // each copy as it will be sent: the title over the text, the button
    let en = &preview["copies"]["en"];
    assert_eq!(
        en["text"], "【New phone number】\nThe health centre has a new number",
        "{preview}"
    );
    assert_eq!(en["buttons"], json!(["Check in now"]));
    let id = draft["id"].as_i64().expect("id");

    let (status, sent) = api_post(&app, &token, &format!("/api/v1/broadcasts/{id}/send"), json!({})).await;
    assert_eq!(status, 200, "{sent}");
    app.eventually("the broadcast done", || async {
        let (_, b) = api_get(&app, &token, &format!("/api/v1/broadcasts/{id}")).await;
        (b["status"] == "done").then_some(b)
    })
    .await;
    let ja = copies(&app, "保健所の番号が変わりました").await;
    let en = copies(&app, "The health centre has a new number").await;
    assert_eq!(ja, [(Some("Ubc-ja".to_string()), ja[0].1.clone())], "{ja:?}");
    let mut to: Vec<Option<String>> = en.iter().map(|c| c.0.clone()).collect();
    to.sort();
    assert_eq!(to, [Some("9801".to_string()), Some("Ubc-en".to_string())]);
    assert!(ja[0].1.contains("New phone number"), "the title heads it: {}", ja[0].1);
    let multicasts = app.sent().await.into_iter().filter(|s| s.via == "multicast").count();
    assert_eq!(multicasts, 2, "one multicast a language on LINE");
    let (_, b) = api_get(&app, &token, &format!("/api/v1/broadcasts/{id}")).await;
    assert_eq!(b["counts"], json!({"sent": 3}), "{b}");

    // the "check in now" button starts a check-in
    let before = app.texts_to("9801").await.len();
    app.tg_press(9801, "checkin:now").await;
    app.eventually("a check-in prompt", || async {
        (app.texts_to("9801").await.len() > before).then_some(())
    })
    .await;
}
both_engines!(the_segment_gets_it_once_each_in_their_language);

async fn a_language_without_text_is_refused_until_a_fallback_is_set(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.set_time(friday_morning());
    let token = staff_token(&app);
    three_patients(&app).await;
    let only_ja = json!({
        "title": "台風", "texts": {"ja": "台風が近づいています"},
        "segment": {"audience": "patients"},
    });
    let draft = compose(&app, &token, only_ja.clone()).await;
    assert_eq!(draft["preview"]["missing_languages"], json!(["en"]));
    let id = draft["id"].as_i64().expect("id");
    let (status, refused) = api_post(&app, &token, &format!("/api/v1/broadcasts/{id}/send"), json!({})).await;
    assert_eq!(status, 409, "{refused}");
    assert!(refused.to_string().contains("en"), "{refused}");

    let mut with_fallback = only_ja;
    with_fallback["fallback"] = json!("ja");
    let draft = compose(&app, &token, with_fallback).await;
    assert_eq!(draft["preview"]["missing_languages"], json!([]));
    let id = draft["id"].as_i64().expect("id");
    let (status, _) = api_post(&app, &token, &format!("/api/v1/broadcasts/{id}/send"), json!({})).await;
    assert_eq!(status, 200);
    app.eventually("four copies", || async {
        (copies(&app, "台風が近づいています").await.len() == 4).then_some(())
    })
    .await;
}
both_engines!(a_language_without_text_is_refused_until_a_fallback_is_set);

async fn a_large_broadcast_waits_for_a_second_member_of_staff_and_a_cancel_stops_it(engine: Engine) {
    let app = TestApp::spawn_with(
        engine,
        mimamori::app::Loops::default(),
        &[("MIMAMORI_BROADCAST_APPROVAL_OVER", "2")],
    )
    .await;
    app.set_time(friday_morning());
    let author = staff_token(&app);
    let second = staff_token(&app);
    three_patients(&app).await;
    let body = json!({
        "title": "Oxygen", "texts": {"ja": "酸素が不足しています", "en": "Oxygen is short tonight"},
        "segment": {"audience": "patients"},
    });
    let draft = compose(&app, &author, body.clone()).await;
    assert_eq!(draft["preview"]["needs_approval"], true);
    let id = draft["id"].as_i64().expect("id");
    let (_, waiting) = api_post(&app, &author, &format!("/api/v1/broadcasts/{id}/send"), json!({})).await;
    assert_eq!(waiting["status"], "awaiting_approval", "{waiting}");
    let (status, _) = api_post(&app, &author, &format!("/api/v1/broadcasts/{id}/approve"), json!({})).await;
    assert_eq!(status, 403, "the author cannot approve their own");
    app.settle().await;
    assert!(
        copies(&app, "Oxygen is short tonight").await.is_empty(),
        "nothing before approval"
    );
    let (status, approved) = api_post(&app, &second, &format!("/api/v1/broadcasts/{id}/approve"), json!({})).await;
    assert_eq!(status, 200, "{approved}");
    app.eventually("sent", || async {
        (copies(&app, "Oxygen is short tonight").await.len() == 2).then_some(())
    })
    .await;

    // scheduled for later, then cancelled: nothing goes, and the list is never frozen
    let mut later = body;
    later["texts"] = json!({"ja": "明日の予定", "en": "Tomorrow's plan"});
    later["send_at"] = json!((friday_morning() + chrono::Duration::hours(2)).to_rfc3339());
    let draft = compose(&app, &author, later).await;
    let id = draft["id"].as_i64().expect("id");
    api_post(&app, &author, &format!("/api/v1/broadcasts/{id}/send"), json!({})).await;
    api_post(&app, &second, &format!("/api/v1/broadcasts/{id}/approve"), json!({})).await;
    let (status, cancelled) = api_post(
        &app,
        &author,
        &format!("/api/v1/broadcasts/{id}/cancel"),
        json!({"reason": "plan changed"}),
    )
    .await;
    assert_eq!(
        (status, &cancelled["status"]),
        (200, &json!("cancelled")),
        "{cancelled}"
    );
    app.set_time(friday_morning() + chrono::Duration::hours(3));
    app.wake();
    app.settle().await;
    assert!(copies(&app, "Tomorrow's plan").await.is_empty());
    let (status, _) = api_post(&app, &author, &format!("/api/v1/broadcasts/{id}/cancel"), json!({})).await;
    assert_eq!(status, 409, "cancelled once");
}
both_engines!(a_large_broadcast_waits_for_a_second_member_of_staff_and_a_cancel_stops_it);

/// Mounts LINE's answer to the next `times` multicasts.
async fn multicast_answers(app: &TestApp, status: u16, body: Value, times: u64) {
    Mock::given(method("POST"))
        .and(path("/v2/bot/message/multicast"))
        .respond_with(ResponseTemplate::new(status).set_body_json(body))
        .up_to_n_times(times)
        .with_priority(1)
        .mount(&app.line)
        .await;
}

async fn sent_now(app: &TestApp, token: &str, title: &str, text: &str, segment: Value) -> i64 {
    let draft = compose(
        app,
        token,
        json!({"title": title, "texts": {"ja": text, "en": text}, "segment": segment}),
    )
    .await;
    let id = draft["id"].as_i64().expect("id");
    let (status, out) = api_post(app, token, &format!("/api/v1/broadcasts/{id}/send"), json!({})).await;
    assert_eq!(status, 200, "{out}");
    id
}

async fn status_of(app: &TestApp, token: &str, id: i64, want: &str) -> Value {
    app.eventually(format!("broadcast {id} {want}"), || async {
        let (_, b) = api_get(app, token, &format!("/api/v1/broadcasts/{id}")).await;
        (b["status"] == want).then_some(b)
    })
    .await
}

async fn a_retried_multicast_keeps_its_key_and_the_monthly_limit_stops_the_rest(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.set_time(friday_morning());
    let token = staff_token(&app);
    three_patients(&app).await;
    // a server error, then accepted: the retry carries the same key (LINE delivers once)
    multicast_answers(&app, 500, json!({"message": "oops"}), 1).await;
    let id = sent_now(
        &app,
        &token,
        "Notice",
        "お知らせ一",
        json!({"audience": "patients", "platforms": ["line"], "languages": ["en"]}),
    )
    .await;
    // once the failed attempt is recorded, the clock passes the back-off
    app.eventually("the failed attempt recorded", || async {
        let tried = app
            .scalar_i64("SELECT COUNT(*) FROM broadcast_recipients WHERE attempts > 0 AND status = 'sending'")
            .await;
        (tried > 0).then_some(())
    })
    .await;
    app.advance(chrono::Duration::seconds(10));
    app.wake();
    status_of(&app, &token, id, "done").await;
    let keys: Vec<Option<String>> = app
        .line
        .received_requests()
        .await
        .unwrap_or_default()
        .iter()
        .filter(|r| r.url.path() == "/v2/bot/message/multicast")
        .map(|r| {
            r.headers
                .get("x-line-retry-key")
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        })
        .collect();
    assert_eq!(keys.len(), 2, "tried twice");
    assert!(keys[0].is_some() && keys[0] == keys[1], "{keys:?}");

    // the monthly limit: the broadcast stops, staff are alerted, the copies are failed
    multicast_answers(
        &app,
        429,
        json!({"message": "You have reached your monthly limit."}),
        10,
    )
    .await;
    let id = sent_now(
        &app,
        &token,
        "Notice",
        "お知らせ二",
        json!({"audience": "patients", "platforms": ["line"]}),
    )
    .await;
    let stopped = status_of(&app, &token, id, "stopped").await;
    assert!(
        stopped["stop_reason"].as_str().is_some_and(|r| r.contains("monthly")),
        "{stopped}"
    );
    let alerts = app
        .scalar_i64("SELECT COUNT(*) FROM staff_alerts WHERE kind = 'broadcast_stopped'")
        .await;
    assert_eq!(alerts, 1);
    let out = app
        .http
        .get(format!("{}/api/v1/broadcasts/{id}/unreached", app.base))
        .bearer_auth(&token)
        .send()
        .await
        .expect("csv");
    let csv = out.text().await.expect("text");
    assert!(
        csv.starts_with("name,phone,platform,status,why") && csv.contains("monthly limit"),
        "{csv}"
    );
}
both_engines!(a_retried_multicast_keeps_its_key_and_the_monthly_limit_stops_the_rest);

async fn a_cancel_while_a_batch_waits_out_a_rate_limit_withdraws_it(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.set_time(friday_morning());
    let token = staff_token(&app);
    three_patients(&app).await;
    // LINE keeps answering 429: the batch stays claimed, waiting for its next try
    multicast_answers(&app, 429, json!({"message": "Too many requests"}), 100).await;
    let id = sent_now(
        &app,
        &token,
        "Notice",
        "お知らせ三",
        json!({"audience": "patients", "platforms": ["line"]}),
    )
    .await;
    app.eventually("the refused attempt recorded", || async {
        let tried = app
            .scalar_i64("SELECT COUNT(*) FROM broadcast_recipients WHERE attempts > 0 AND status = 'sending'")
            .await;
        (tried > 0).then_some(())
    })
    .await;
    let (status, out) = api_post(&app, &token, &format!("/api/v1/broadcasts/{id}/cancel"), json!({})).await;
    assert_eq!(status, 200, "{out}");
    // once the wait is over, the claimed copies are settled: nothing is left "sending"
    app.advance(chrono::Duration::seconds(10));
    app.wake();
    let b = app
        .eventually("the claimed copies withdrawn", || async {
            let (_, b) = api_get(&app, &token, &format!("/api/v1/broadcasts/{id}")).await;
            (b["counts"]["sending"].as_i64().unwrap_or(0) == 0).then_some(b)
        })
        .await;
    assert_eq!(b["status"], "cancelled");
    assert_eq!(b["counts"]["withdrawn"], 3, "{b}");
    assert_eq!(b["counts"]["sent"].as_i64().unwrap_or(0), 0, "{b}");
}
both_engines!(a_cancel_while_a_batch_waits_out_a_rate_limit_withdraws_it);

async fn a_broadcast_over_the_quota_is_refused_before_it_starts(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.set_time(friday_morning());
    let token = staff_token(&app);
    three_patients(&app).await;
    for (p, body) in [
        ("/v2/bot/message/quota", json!({"type": "limited", "value": 1000})),
        ("/v2/bot/message/quota/consumption", json!({"totalUsage": 999})),
    ] {
        Mock::given(method("GET"))
            .and(path(p))
            .respond_with(ResponseTemplate::new(200).set_body_json(body))
            .mount(&app.line)
            .await;
    }
    let draft = compose(
        &app,
        &token,
        json!({"title": "T", "texts": {"ja": "本文", "en": "text"}, "segment": {"audience": "patients"}}),
    )
    .await;
    let quota = &draft["preview"]["line_quota"];
    assert_eq!(
        (&quota["needed"], &quota["fits"]),
        (&json!(3), &json!(false)),
        "{draft}"
    );
    let id = draft["id"].as_i64().expect("id");
    let (status, refused) = api_post(&app, &token, &format!("/api/v1/broadcasts/{id}/send"), json!({})).await;
    assert_eq!(status, 409, "{refused}");
    assert!(refused.to_string().contains("quota"), "{refused}");
}
both_engines!(a_broadcast_over_the_quota_is_refused_before_it_starts);

async fn the_list_is_frozen_at_the_start_and_a_patients_answer_goes_first(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.set_time(friday_morning());
    let token = staff_token(&app);
    // twenty Telegram patients: the broadcast takes a while at Telegram's pace
    for chat in 9810..9830 {
        app.enrol_telegram(chat, "Tg", &[]).await;
    }
    let id = sent_now(
        &app,
        &token,
        "Long",
        "A long broadcast",
        json!({"audience": "patients"}),
    )
    .await;
    app.eventually("the broadcast sending", || async {
        (!copies(&app, "A long broadcast").await.is_empty()).then_some(())
    })
    .await;
    // a patient who enrols now is not on the list; one who reports is answered before the end
    app.enrol_telegram(9831, "Late", &[]).await;
    app.tg_text(9810, "SpO2 97 36.5", Some("en")).await;
    status_of(&app, &token, id, "done").await;
    let sent = app.sent().await;
    assert_eq!(copies(&app, "A long broadcast").await.len(), 20);
    assert!(
        !sent
            .iter()
            .any(|s| s.to.as_deref() == Some("9831") && s.text.contains("A long broadcast"))
    );
    let answer = sent
        .iter()
        .position(|s| s.to.as_deref() == Some("9810") && !s.text.contains("A long broadcast") && s.text.contains("97"))
        .expect("the patient's answer");
    let last = sent
        .iter()
        .rposition(|s| s.text.contains("A long broadcast"))
        .expect("copies");
    assert!(answer < last, "the answer went before the broadcast ended");
}
both_engines!(the_list_is_frozen_at_the_start_and_a_patients_answer_goes_first);

async fn staff_broadcast_from_the_command_line_as_themselves(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.set_time(friday_morning());
    for (login, role) in [("sato", "staff"), ("mori", "viewer")] {
        let out = app.cli_with_input(
            &["staff", "add", "--name", login, "--role", role, "--login", login],
            "a long enough phrase\n",
        );
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    app.enrol_line("Ucli-ja", "Aoi", &["--language", "ja"]).await;
    app.enrol_telegram(9841, "Cal", &[]).await;
    let create = [
        "broadcast",
        "create",
        "--as",
        "sato",
        "--title",
        "Heat",
        "--text",
        "ja=熱中症に注意してください",
        "--text",
        "en=Beware of the heat",
    ];
    let out = app.cli(&create);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let draft: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(draft["recipients"], 2, "{draft}");
    let id = draft["id"].to_string();
    // a viewer may not
    let mut as_viewer = create;
    as_viewer[3] = "mori";
    let out = app.cli(&as_viewer);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("may not broadcast"));

    let out = app.cli(&["broadcast", "send", &id, "--as", "sato"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    app.wake();
    app.eventually("both copies", || async {
        let ja = copies(&app, "熱中症に注意してください").await.len();
        let en = copies(&app, "Beware of the heat").await.len();
        (ja == 1 && en == 1).then_some(())
    })
    .await;
    let shown = app
        .eventually("done", || async {
            let out = app.cli(&["broadcast", "show", &id, "--json"]);
            let v: Value = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
            (v["status"] == "done").then_some(v)
        })
        .await;
    assert_eq!(shown["counts"], json!({"sent": 2}));
}
both_engines!(staff_broadcast_from_the_command_line_as_themselves);

/// Each LINE user's copies of `needle`, by the retry key they came under.
async fn keys_per_user(
    app: &TestApp,
    needle: &str,
) -> std::collections::BTreeMap<String, std::collections::BTreeSet<String>> {
    let mut out: std::collections::BTreeMap<String, std::collections::BTreeSet<String>> = Default::default();
    for r in app.line.received_requests().await.unwrap_or_default() {
        if r.url.path() != "/v2/bot/message/multicast" {
            continue;
        }
        let body: Value = serde_json::from_slice(&r.body).unwrap_or(Value::Null);
        if !body.to_string().contains(needle) {
            continue;
        }
        let key = r
            .headers
            .get("x-line-retry-key")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string();
        for user in body["to"].as_array().cloned().unwrap_or_default() {
            out.entry(user.as_str().unwrap_or("").to_string())
                .or_default()
                .insert(key.clone());
        }
    }
    out
}

async fn a_crash_mid_multicast_resends_with_the_same_key_and_a_second_instance_sends_nothing_twice(engine: Engine) {
    let mut app = TestApp::spawn(engine).await;
    app.set_time(friday_morning());
    let token = staff_token(&app);
    three_patients(&app).await;
    // the first multicast hangs: the process dies while LINE is answering it
    Mock::given(method("POST"))
        .and(path("/v2/bot/message/multicast"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({}))
                .set_delay(std::time::Duration::from_secs(3)),
        )
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&app.line)
        .await;
    let segment = json!({"audience": "patients", "platforms": ["line"], "languages": ["ja"]});
    let id = sent_now(&app, &token, "Crash", "停電のお知らせ", segment).await;
    app.eventually("the multicast in flight", || async {
        let asked = app
            .line
            .received_requests()
            .await
            .unwrap_or_default()
            .iter()
            .any(|r| r.url.path() == "/v2/bot/message/multicast");
        asked.then_some(())
    })
    .await;
    app.kill();
    app.start(mimamori::app::Loops::default(), &[]).await;
    // a second instance on the same database from now on
    let _second = app.second_instance().await;
    // the dead process's claim runs out; the batch is taken again, whole, with its key
    app.advance(chrono::Duration::seconds(61));
    app.wake();
    status_of(&app, &token, id, "done").await;
    let tries = app
        .line
        .received_requests()
        .await
        .unwrap_or_default()
        .iter()
        .filter(|r| r.url.path() == "/v2/bot/message/multicast" && String::from_utf8_lossy(&r.body).contains("停電"))
        .count();
    assert_eq!(tries, 2, "the batch in flight at the crash was sent again");
    let keys = keys_per_user(&app, "停電のお知らせ").await;
    assert_eq!(keys.len(), 2, "both Japanese LINE readers: {keys:?}");
    for (user, k) in &keys {
        assert_eq!(k.len(), 1, "{user} got the broadcast under one retry key only: {k:?}");
    }
    let (_, b) = api_get(&app, &token, &format!("/api/v1/broadcasts/{id}")).await;
    assert_eq!(b["counts"], json!({"sent": 2}), "{b}");
}
both_engines!(a_crash_mid_multicast_resends_with_the_same_key_and_a_second_instance_sends_nothing_twice);

async fn telegrams_global_pace_is_shared_by_every_instance(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let pool = app.pool();
    let (mut one, mut other) = (
        pool.acquire().await.expect("a connection"),
        pool.acquire().await.expect("another"),
    );
    let take = mimamori::store::broadcast_sends::take_turn;
    let now = 1_000_000;
    let turns = [
        take(&mut one, "telegram", 34, now).await.expect("turn"),
        take(&mut other, "telegram", 34, now).await.expect("turn"),
        take(&mut one, "telegram", 34, now).await.expect("turn"),
    ];
    assert_eq!(turns, [now, now + 34, now + 68], "one queue for both");
    // after a quiet second the next turn is at once
    assert_eq!(
        take(&mut other, "telegram", 34, now + 1000).await.expect("turn"),
        now + 1000
    );
}
both_engines!(telegrams_global_pace_is_shared_by_every_instance);

async fn providers_are_chosen_by_role_and_roster_shift(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.set_time(friday_morning());
    let token = staff_token(&app);
    let night = crate::helpers::on_telegram(&app, "Dr Night", "doctor", 9851).await;
    crate::helpers::on_telegram(&app, "Dr Day", "doctor", 9852).await;
    crate::helpers::on_telegram(&app, "Nurse", "nurse", 9853).await;
    crate::helpers::load_roster(
        &app,
        &format!("bc-shifts-{engine:?}"),
        &format!("[[cover]]\nprovider = {night}\nareas = [\"Nerima\"]\nshifts = [\"night\"]\n"),
    );
    let draft = compose(
        &app,
        &token,
        json!({"title": "Roster", "texts": {"en": "New night roster", "ja": "夜間当番表"},
               "segment": {"audience": "providers", "roles": ["doctor"], "shifts": ["night"]}}),
    )
    .await;
    assert_eq!(draft["preview"]["recipients"], 1, "{draft}");
    let doctors = compose(
        &app,
        &token,
        json!({"title": "All doctors", "texts": {"en": "x", "ja": "x"},
               "segment": {"audience": "providers", "roles": ["doctor"]}}),
    )
    .await;
    assert_eq!(doctors["preview"]["recipients"], 2);
}
both_engines!(providers_are_chosen_by_role_and_roster_shift);

async fn staff_write_to_one_patient_through_the_api(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.set_time(friday_morning());
    let token = staff_token(&app);
    let (aoi, _) = app
        .enrol_line("Uone", "Aoi", &["--area", "Nerima", "--language", "ja"])
        .await;
    let (status, out) = api_post(
        &app,
        &token,
        &format!("/api/v1/patients/{aoi}/messages"),
        json!({"text": "明日10時に保健所から電話します"}),
    )
    .await;
    assert_eq!(status, 202, "{out}");
    app.eventually("the message in the patient's chat", || async {
        app.sent()
            .await
            .into_iter()
            .find(|s| s.to.as_deref() == Some("Uone") && s.text.contains("明日10時に保健所から電話します"))
    })
    .await;
    let audited = app
        .scalar_i64(&format!(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'patient.message' AND subject = 'patient:{aoi}'"
        ))
        .await;
    assert_eq!(audited, 1);
    // an empty text, and a patient with no chat, get a clear refusal
    let (status, refused) = api_post(
        &app,
        &token,
        &format!("/api/v1/patients/{aoi}/messages"),
        json!({"text": " "}),
    )
    .await;
    assert_eq!(status, 400);
    assert!(refused.to_string().contains("words to send"), "{refused}");
    let (unenrolled, _) = app.add_patient("Ben", &["--area", "Nerima"]);
    let (status, out) = api_post(
        &app,
        &token,
        &format!("/api/v1/patients/{unenrolled}/messages"),
        json!({"text": "hello"}),
    )
    .await;
    assert_eq!(status, 409, "{out}");
    assert!(out.to_string().contains("no reachable chat"), "{out}");
}
both_engines!(staff_write_to_one_patient_through_the_api);

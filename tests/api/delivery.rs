//! The outbox and the dispatcher against misbehaving platforms, crashes and a second instance.

use serde_json::json;
use wiremock::matchers::{method, path, path_regex};
use wiremock::{Mock, ResponseTemplate};

use crate::both_engines;
use crate::helpers::{Engine, TestApp, line_push_answers, line_push_answers_to, mount_defaults};
use mimamori::app::Loops;

/// The service with every loop but the dispatcher: what it would send stays in the outbox.
const NO_DISPATCHER: Loops = Loops {
    events: true,
    timers: true,
    dispatcher: false,
};

/// A LINE message event without a reply token, so the answer must be pushed.
async fn line_text_without_reply_token(app: &TestApp, user: &str, text: &str) {
    let mut e = app.line_text_event(user, text);
    if let Some(o) = e.as_object_mut() {
        o.remove("replyToken");
    }
    assert_eq!(app.post_line(vec![e]).await.status(), 200);
}

async fn outbox_status(app: &TestApp) -> Vec<String> {
    sqlx::query_scalar("SELECT status FROM outbox WHERE kind = 'messages' ORDER BY id")
        .fetch_all(&app.pool())
        .await
        .expect("outbox")
}

/// Waits until the single message row of the test reaches `status`.
async fn wait_for_outbox(app: &TestApp, status: &'static str) {
    app.wait_until(&format!("the message is {status}"), move |pool| async move {
        sqlx::query_scalar::<_, String>("SELECT status FROM outbox WHERE kind = 'messages'")
            .fetch_one(&pool)
            .await
            .is_ok_and(|s| s == status)
    })
    .await;
}

/// Waits until the single message row of the test has an error recorded (a retry is planned).
async fn wait_for_retry(app: &TestApp, error: &'static str) {
    app.wait_until(&format!("a retry is planned after {error:?}"), move |pool| async move {
        sqlx::query_scalar::<_, Option<String>>("SELECT last_error FROM outbox WHERE kind = 'messages'")
            .fetch_one(&pool)
            .await
            .ok()
            .flatten()
            .is_some_and(|e| error.is_empty() || e == error)
    })
    .await;
}

async fn push_requests(app: &TestApp) -> Vec<wiremock::Request> {
    app.line
        .received_requests()
        .await
        .unwrap_or_default()
        .into_iter()
        .filter(|r| r.url.path() == "/v2/bot/message/push")
        .collect()
}

async fn a_line_push_is_retried_with_the_same_retry_key_and_409_means_delivered(engine: Engine) {
    let app = TestApp::spawn_bare(engine, Loops::default()).await;
    line_push_answers(&app.line, 500, json!({"message": "oops"}), 1).await;
    line_push_answers(
        &app.line,
        409,
        json!({"message": "The retry key is already accepted"}),
        1,
    )
    .await;
    mount_defaults(&app.line, &app.telegram).await;
    line_text_without_reply_token(&app, "Uretry", "hello").await;
    app.eventually("the first push", || async {
        (push_requests(&app).await.len() == 1).then_some(())
    })
    .await;
    assert_eq!(push_requests(&app).await.len(), 1);
    // the retry planned (before it is, the row is pending too, and a clock moved on now would
    // only push the retry further out)
    wait_for_retry(&app, "").await;
    assert_eq!(outbox_status(&app).await, vec!["pending"], "kept for a retry");
    // nothing happens until the backoff has passed on the clock
    app.advance(chrono::Duration::seconds(3));
    wait_for_outbox(&app, "sent").await;
    let pushes = push_requests(&app).await;
    assert_eq!(pushes.len(), 2);
    let key = |r: &wiremock::Request| {
        r.headers
            .get("x-line-retry-key")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    assert!(key(&pushes[0]).is_some());
    assert_eq!(
        key(&pushes[0]),
        key(&pushes[1]),
        "the same X-Line-Retry-Key on the retry"
    );
}
both_engines!(a_line_push_is_retried_with_the_same_retry_key_and_409_means_delivered);

async fn a_fresh_reply_token_is_used_and_a_stale_one_falls_back_to_push(engine: Engine) {
    let mut app = TestApp::spawn_with(engine, NO_DISPATCHER, &[]).await;
    app.line_text("Ufresh", "hello").await;
    app.settle_events().await;
    app.kill();
    app.start(Loops::default(), &[]).await;
    app.wake();
    app.wait_for_texts(1).await;
    assert_eq!(app.sent().await[0].via, "reply");
    assert!(app.sent().await[0].retry_key.is_none(), "never a retry key on reply");
    // recorded as sent before the kill, or the next instance would send it again (as a push)
    wait_for_outbox(&app, "sent").await;

    app.kill();
    app.start(NO_DISPATCHER, &[]).await;
    app.line_text("Ustale", "hello").await;
    app.settle_events().await;
    app.kill();
    app.clock.advance(chrono::Duration::minutes(2));
    app.start(Loops::default(), &[]).await;
    app.wake();
    app.wait_for_texts(2).await;
    let sent = app.sent().await;
    assert_eq!(sent[1].via, "push", "the token is too old: push");
    assert_eq!(sent[1].to.as_deref(), Some("Ustale"));
}
both_engines!(a_fresh_reply_token_is_used_and_a_stale_one_falls_back_to_push);

async fn messages_in_quick_succession_are_each_answered_without_waiting_for_the_poll(engine: Engine) {
    // the poll would find them only after ten minutes: a chat's next event is processed once the
    // one before it is, and each answer sent leads to the next
    let slow_poll = [("MIMAMORI_POLL_INTERVAL_MS", "600000")];
    let mut app = TestApp::spawn_with(engine, NO_DISPATCHER, &slow_poll).await;
    for text in ["hello", "are you there", "hello again"] {
        line_text_without_reply_token(&app, "Uqueue", text).await;
    }
    app.settle_events().await;
    assert_eq!(
        outbox_status(&app).await,
        vec!["pending"; 3],
        "three answers wait for one chat"
    );
    app.kill();
    app.start(Loops::default(), &slow_poll).await;
    app.wake();
    app.wait_until("every answer is sent", |pool| async move {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM outbox WHERE kind = 'messages' AND status = 'sent'")
            .fetch_one(&pool)
            .await
            .is_ok_and(|n| n == 3)
    })
    .await;
    // in the order they were written: each push carries its row's retry key
    let written: Vec<String> = sqlx::query_scalar("SELECT retry_key FROM outbox WHERE kind = 'messages' ORDER BY id")
        .fetch_all(&app.pool())
        .await
        .expect("outbox");
    assert_eq!(pushes_to(&app, None).await, written);
}
both_engines!(messages_in_quick_succession_are_each_answered_without_waiting_for_the_poll);

/// Pushes LINE received (for `user` only, or for anyone), as their retry keys, in the order
/// they arrived.
async fn pushes_to(app: &TestApp, user: Option<&str>) -> Vec<String> {
    push_requests(app)
        .await
        .iter()
        .filter(|r| {
            user.is_none_or(|u| serde_json::from_slice::<serde_json::Value>(&r.body).is_ok_and(|b| b["to"] == u))
        })
        .filter_map(|r| r.headers.get("x-line-retry-key")?.to_str().ok().map(str::to_string))
        .collect()
}

/// Waits until exactly one message row matches `condition`.
async fn wait_for_one(app: &TestApp, what: &str, condition: &'static str) {
    app.wait_until(what, move |pool| async move {
        sqlx::query_scalar::<_, i64>(&format!(
            "SELECT COUNT(*) FROM outbox WHERE kind = 'messages' AND {condition}"
        ))
        .fetch_one(&pool)
        .await
        .is_ok_and(|n| n == 1)
    })
    .await;
}

async fn a_message_waiting_for_a_retry_holds_its_chat_but_no_other(engine: Engine) {
    let app = TestApp::spawn_bare(engine, Loops::default()).await;
    // LINE fails the first push to Uheld
    line_push_answers_to(&app.line, Some("Uheld"), 500, json!({"message": "oops"}), 1).await;
    mount_defaults(&app.line, &app.telegram).await;
    line_text_without_reply_token(&app, "Uheld", "hello").await;
    wait_for_one(&app, "a retry is planned for Uheld's answer", "last_error IS NOT NULL").await;
    // Uheld's second answer queues behind the first; another patient's goes at once
    line_text_without_reply_token(&app, "Uheld", "are you there").await;
    app.settle_events().await;
    line_text_without_reply_token(&app, "Uother", "hello").await;
    wait_for_one(&app, "Uother is answered", "status = 'sent'").await;
    assert_eq!(pushes_to(&app, Some("Uother")).await.len(), 1);
    assert_eq!(
        pushes_to(&app, Some("Uheld")).await.len(),
        1,
        "the second answer waits for the first"
    );

    // the retry is due: both answers go, in the order they were written
    app.advance(chrono::Duration::seconds(3));
    app.settle().await;
    let written: Vec<String> = sqlx::query_scalar(
        "SELECT o.retry_key FROM outbox o JOIN chats c ON c.id = o.chat_id
         WHERE c.external_id = 'Uheld' AND o.status = 'sent' ORDER BY o.id",
    )
    .fetch_all(&app.pool())
    .await
    .expect("outbox");
    assert_eq!(written.len(), 2, "both of Uheld's answers are sent");
    let pushed = pushes_to(&app, Some("Uheld")).await;
    assert_eq!(pushed, vec![written[0].clone(), written[0].clone(), written[1].clone()]);
}
both_engines!(a_message_waiting_for_a_retry_holds_its_chat_but_no_other);

async fn a_refused_reply_token_falls_back_to_push(engine: Engine) {
    let app = TestApp::spawn_bare(engine, Loops::default()).await;
    Mock::given(method("POST"))
        .and(path("/v2/bot/message/reply"))
        .respond_with(ResponseTemplate::new(400).set_body_json(json!({"message": "Invalid reply token"})))
        .mount(&app.line)
        .await;
    mount_defaults(&app.line, &app.telegram).await;
    app.line_text("Urefused", "hello").await;
    wait_for_outbox(&app, "sent").await;
    assert_eq!(push_requests(&app).await.len(), 1);
}
both_engines!(a_refused_reply_token_falls_back_to_push);

async fn line_429_rate_limit_is_retried_but_the_monthly_quota_stops_and_alerts_staff(engine: Engine) {
    let app = TestApp::spawn_bare(engine, Loops::default()).await;
    line_push_answers(&app.line, 429, json!({"message": "Too many requests"}), 1).await;
    line_push_answers(
        &app.line,
        429,
        json!({"message": "You have reached your monthly limit."}),
        1,
    )
    .await;
    mount_defaults(&app.line, &app.telegram).await;
    line_text_without_reply_token(&app, "Uquota", "hello").await;
    wait_for_retry(&app, "").await;
    app.advance(chrono::Duration::seconds(3));
    app.wait_until("staff are alerted about the quota", |pool| async move {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM staff_alerts WHERE kind = 'line_quota_exhausted'")
            .fetch_one(&pool)
            .await
            .unwrap_or(0)
            == 1
    })
    .await;
    // not hammered: ten more minutes bring no new attempt
    app.advance(chrono::Duration::minutes(10));
    app.settle().await;
    assert_eq!(push_requests(&app).await.len(), 2);
    assert_eq!(outbox_status(&app).await, vec!["pending"], "kept, not lost");
    app.advance(chrono::Duration::minutes(51));
    app.wait_for_texts(3).await;
    // (LINE has it; the row is marked sent in the commit right after)
    wait_for_outbox(&app, "sent").await;
    assert_eq!(outbox_status(&app).await, vec!["sent"]);
}
both_engines!(line_429_rate_limit_is_retried_but_the_monthly_quota_stops_and_alerts_staff);

async fn a_platform_timeout_is_retried(engine: Engine) {
    let app = TestApp::spawn_bare(engine, Loops::default()).await;
    Mock::given(method("POST"))
        .and(path("/v2/bot/message/push"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({}))
                .set_delay(std::time::Duration::from_secs(4)),
        )
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&app.line)
        .await;
    mount_defaults(&app.line, &app.telegram).await;
    line_text_without_reply_token(&app, "Uslow", "hello").await;
    wait_for_retry(&app, "timeout").await;
    app.advance(chrono::Duration::seconds(3));
    wait_for_outbox(&app, "sent").await;
}
both_engines!(a_platform_timeout_is_retried);

async fn telegram_retry_after_is_waited_exactly_and_403_marks_the_chat_unreachable(engine: Engine) {
    let app = TestApp::spawn_bare(engine, Loops::default()).await;
    Mock::given(method("POST"))
        .and(path_regex("^/bot.*/sendMessage$"))
        .respond_with(ResponseTemplate::new(429).set_body_json(json!({"ok": false, "error_code": 429, "description": "Too Many Requests: retry after 7", "parameters": {"retry_after": 7}})))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&app.telegram)
        .await;
    mount_defaults(&app.line, &app.telegram).await;
    app.tg_text(8001, "hello", Some("en")).await;
    wait_for_retry(&app, "").await;
    let created = app
        .scalar_i64("SELECT created_at FROM outbox WHERE kind = 'messages'")
        .await;
    let next = app
        .scalar_i64("SELECT next_attempt_at FROM outbox WHERE kind = 'messages'")
        .await;
    assert_eq!(next - created, 7000, "exactly retry_after");
    app.advance(chrono::Duration::milliseconds(6999));
    app.settle().await;
    assert_eq!(app.texts().await.len(), 1, "only the refused attempt so far");
    app.advance(chrono::Duration::milliseconds(1));
    app.wait_for_texts(2).await;

    Mock::given(method("POST"))
        .and(path_regex("^/bot.*/sendMessage$"))
        .respond_with(ResponseTemplate::new(403).set_body_json(
            json!({"ok": false, "error_code": 403, "description": "Forbidden: bot was blocked by the user"}),
        ))
        .with_priority(1)
        .mount(&app.telegram)
        .await;
    app.tg_text(8002, "hello", Some("en")).await;
    app.wait_until("the chat is marked unreachable", |pool| async move {
        sqlx::query_scalar::<_, String>("SELECT status FROM chats WHERE external_id = '8002'")
            .fetch_one(&pool)
            .await
            .map(|s| s == "unreachable")
            .unwrap_or(false)
    })
    .await;
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM staff_alerts WHERE kind = 'patient_unreachable'")
            .await,
        1
    );
}
both_engines!(telegram_retry_after_is_waited_exactly_and_403_marks_the_chat_unreachable);

async fn telegram_sends_at_most_one_message_a_second_to_a_chat(engine: Engine) {
    let app = TestApp::spawn_with(engine, Loops::default(), &[("MIMAMORI_TELEGRAM_CHAT_GAP_MS", "1000")]).await;
    app.tg_text(8101, "hello", Some("en")).await;
    app.wait_for_texts(1).await;
    app.tg_text(8101, "hello again", Some("en")).await;
    app.settle_events().await;
    app.let_run(200).await;
    assert_eq!(app.texts().await.len(), 1, "held: the clock has not moved");
    app.advance(chrono::Duration::seconds(1));
    app.wait_for_texts(2).await;
}
both_engines!(telegram_sends_at_most_one_message_a_second_to_a_chat);

async fn long_texts_are_split_for_telegram(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let pool = app.pool();
    let mut conn = pool.acquire().await.expect("conn");
    let now = mimamori::clock::Clock::now(&app.clock);
    let chat = mimamori::store::chats::upsert(&mut conn, mimamori::channels::Platform::Telegram, "8201", now)
        .await
        .expect("chat");
    let text = format!("{}\n{}", "a".repeat(4000), "b".repeat(3000));
    let body = mimamori::store::outbox::Body::Messages {
        messages: vec![mimamori::channels::OutMessage::text(text.clone())],
    };
    mimamori::store::outbox::enqueue(&mut conn, chat.id, &body, None, now)
        .await
        .expect("enqueue");
    drop(conn);
    app.wake();
    let texts = app.wait_for_texts(2).await;
    assert!(texts.iter().all(|t| t.chars().count() <= 4096));
    assert_eq!(texts.concat(), text);
}
both_engines!(long_texts_are_split_for_telegram);

async fn a_crash_between_commit_and_send_still_sends_exactly_once(engine: Engine) {
    let mut app = TestApp::spawn_with(engine, NO_DISPATCHER, &[]).await;
    for i in 0..5 {
        app.tg_text(8300 + i, "hello", Some("en")).await;
    }
    app.settle_events().await;
    assert_eq!(outbox_status(&app).await, vec!["pending"; 5], "committed, not sent");
    app.kill();
    app.start(Loops::default(), &[]).await;
    app.wake();
    app.wait_for_texts(5).await;
    app.settle().await;
    app.let_run(300).await;
    assert_eq!(app.texts().await.len(), 5, "each message once");
}
both_engines!(a_crash_between_commit_and_send_still_sends_exactly_once);

/// The service dies while LINE has not yet answered a push: the restarted service sends it
/// again (the same retry key), and the chat's next answer after it, at once — not when the dead
/// process's heartbeat has aged, nor when the claim's two-minute lease runs out.
async fn a_message_being_sent_when_the_service_died_goes_out_soon_after_the_restart(engine: Engine) {
    let mut app = TestApp::spawn_bare(engine, Loops::default()).await;
    // the first push is never answered in time: the service dies waiting for it
    Mock::given(method("POST"))
        .and(path("/v2/bot/message/push"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({}))
                .set_delay(std::time::Duration::from_secs(600)),
        )
        .up_to_n_times(1)
        .mount(&app.line)
        .await;
    mount_defaults(&app.line, &app.telegram).await;
    line_text_without_reply_token(&app, "Udied", "hello").await;
    app.wait_until("the first push reached LINE", |_| async {
        !push_requests(&app).await.is_empty()
    })
    .await;
    app.kill();
    app.start(Loops::default(), &[]).await;
    line_text_without_reply_token(&app, "Udied", "are you there").await;
    app.settle_events().await;
    // the restarted service knows its predecessor is dead (PostgreSQL: its advisory lock is
    // gone; SQLite: the new process holds the serving lock): two seconds on, not thirty
    app.advance(chrono::Duration::seconds(2));
    app.wait_until("both answers are sent", |pool| async move {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM outbox WHERE kind = 'messages' AND status = 'sent'")
            .fetch_one(&pool)
            .await
            .is_ok_and(|n| n == 2)
    })
    .await;
    let pushed = pushes_to(&app, Some("Udied")).await;
    assert_eq!(pushed.len(), 3, "the first answer again, then the second");
    assert_eq!(pushed[0], pushed[1], "the first answer again under its retry key");
    assert_ne!(pushed[1], pushed[2]);
}
both_engines!(a_message_being_sent_when_the_service_died_goes_out_soon_after_the_restart);

/// The workers commit without waiting for the disk; a message must not leave before what it says
/// is on disk, or a database crash could forget a row that was sent (an offer's "accept" button
/// could then reach another offer given the same id). The dispatcher claims on a connection
/// whose commit waits for the disk, which makes every earlier commit durable too.
async fn a_message_is_claimed_for_sending_only_on_a_connection_that_commits_to_disk(engine: Engine) {
    use mimamori::clock::Clock;
    use mimamori::store::{Held, outbox};
    let app = TestApp::spawn_with(engine, NO_DISPATCHER, &[]).await;
    app.tg_text(8350, "hello", Some("en")).await;
    app.settle_events().await;
    let db = app.running.as_ref().expect("running").state.db.clone();
    let mut durable = Held::default();
    let instance = app.running.as_ref().expect("running").state.instance.clone();
    let claimed = outbox::claim(
        &db,
        &mut durable,
        &instance,
        app.clock.now(),
        chrono::Duration::minutes(2),
        64,
    )
    .await
    .expect("claim");
    assert_eq!(claimed.len(), 1, "the answer to the patient is claimed");
    // (the connection the claim ran on: a Held hands out the one it keeps)
    let conn = durable.get(&db.relaxed).await.expect("the claim's connection");
    match engine {
        Engine::Postgres => {
            let setting: String = sqlx::query_scalar("SELECT current_setting('synchronous_commit')")
                .fetch_one(&mut *conn)
                .await
                .expect("setting");
            assert_eq!(setting, "on", "the claim's commit waits for the WAL flush");
        }
        Engine::Sqlite => {
            let level: i64 = sqlx::query_scalar("PRAGMA synchronous")
                .fetch_one(&mut *conn)
                .await
                .expect("pragma");
            assert_eq!(level, 2, "the claim's commit syncs the WAL (FULL)");
        }
    }
}
both_engines!(a_message_is_claimed_for_sending_only_on_a_connection_that_commits_to_disk);

async fn two_instances_on_one_database_send_each_message_once(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    // a second instance, same database, same platforms
    // (SQLite serves one process: the second is refused, and this is PostgreSQL's test)
    let Some(second) = app.second_instance().await else {
        return;
    };
    let second_base = format!("http://{}", second.addr);
    for i in 0..40 {
        let update = json!({"update_id": 50_000 + i, "message": {"message_id": i, "date": 1700000000,
            "chat": {"id": 8400 + i, "type": "private", "first_name": "A"},
            "from": {"id": 8400 + i, "is_bot": false, "first_name": "A", "language_code": "en"}, "text": "hello"}});
        // every update goes to both instances, as a retrying platform might do
        for base in [&app.base, &second_base] {
            let r = app
                .http
                .post(format!("{base}/webhooks/telegram"))
                .header("x-telegram-bot-api-secret-token", crate::helpers::TELEGRAM_SECRET)
                .json(&update)
                .send()
                .await
                .expect("post");
            assert_eq!(r.status(), 200);
        }
    }
    app.wait_for_texts(40).await;
    app.settle().await;
    second.wake();
    app.let_run(500).await;
    let sent = app.sent().await;
    let mut chats: Vec<String> = sent.iter().filter_map(|s| s.to.clone()).collect();
    chats.sort();
    let total = chats.len();
    chats.dedup();
    assert_eq!(total, 40, "40 chats, one message each");
    assert_eq!(chats.len(), 40);
    second.stop().await;
}
both_engines!(two_instances_on_one_database_send_each_message_once);

async fn two_instances_fire_each_timer_once(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    // (SQLite serves one process: the second is refused, and this is PostgreSQL's test)
    let Some(second) = app.second_instance().await else {
        return;
    };
    let mut codes = Vec::new();
    for i in 0..10 {
        codes.push(app.add_patient(&format!("P{i}"), &["--language", "en"]).1);
    }
    for (i, code) in codes.iter().enumerate() {
        app.tg_text(8500 + i as i64, code, Some("en")).await;
    }
    app.wait_for_texts(20).await;
    let due = app
        .scalar_i64("SELECT MAX(due_at) FROM timers WHERE kind = 'check_in' AND status = 'pending'")
        .await;
    app.set_time(mimamori::store::from_ms(due));
    second.wake();
    app.wait_for_texts(40).await;
    app.settle().await;
    second.wake();
    app.let_run(300).await;
    let prompts = app
        .texts()
        .await
        .iter()
        .filter(|t| t.contains("time for your health check"))
        .count();
    assert_eq!(prompts, 10, "each patient's check-in fired once");
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM timers WHERE kind = 'check_in' AND status = 'done'")
            .await,
        10
    );
    second.stop().await;
}
both_engines!(two_instances_fire_each_timer_once);

/// The database drops every connection (a PostgreSQL restart, a failover): the next report is
/// still acknowledged, stored and answered at once, not after the poll. The loops keep their
/// connections between rounds, so each must notice a dead one and take a new one.
async fn a_report_after_the_database_dropped_its_connections_is_answered(engine: Engine) {
    let slow_poll = [("MIMAMORI_POLL_INTERVAL_MS", "600000")];
    let app = TestApp::spawn_with(engine, Loops::default(), &slow_poll).await;
    let (_, code) = app.add_patient("切断花子", &[]);
    app.line_text("Udropped", &code).await;
    app.wait_for_texts(2).await;
    app.line_text("Udropped", "SpO2 97 36.5").await;
    let before = app.wait_for_texts(3).await.len();
    if engine == Engine::Postgres {
        let dropped: Vec<(i32, bool)> = sqlx::query_as(
            "SELECT pid, pg_terminate_backend(pid) FROM pg_stat_activity
             WHERE datname = current_database() AND pid <> pg_backend_pid()",
        )
        .fetch_all(&app.pool())
        .await
        .expect("terminate");
        assert!(!dropped.is_empty(), "the service's connections were dropped");
        // (a terminated backend goes a moment later: the report comes once they all have)
        let set = format!(
            "{{{}}}",
            dropped
                .iter()
                .map(|(pid, _)| pid.to_string())
                .collect::<Vec<_>>()
                .join(",")
        );
        app.wait_until("the dropped connections are gone", move |pool| {
            let set = set.clone();
            async move {
                sqlx::query_scalar::<_, i64>(
                    "SELECT COUNT(*) FROM pg_stat_activity WHERE pid = ANY(CAST($1 AS INTEGER[]))",
                )
                .bind(set)
                .fetch_one(&pool)
                .await
                .is_ok_and(|n| n == 0)
            }
        })
        .await;
    }
    app.line_text("Udropped", "SpO2 96 36.8").await;
    let texts = app.wait_for_texts(before + 1).await;
    assert!(
        texts[before].starts_with("SpO2 96%, 体温 36.8℃ — 記録しました。"),
        "{texts:?}"
    );
    let reports = app
        .scalar_i64("SELECT COUNT(*) FROM reports WHERE completed_at IS NOT NULL")
        .await;
    assert_eq!(reports, 2, "both reports stored once");
}
both_engines!(a_report_after_the_database_dropped_its_connections_is_answered);

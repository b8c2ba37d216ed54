//! The patient and provider side: signed LINE and Telegram webhooks as the platforms send them,
//! and the platforms' answers a test mounts.

use serde_json::{Value, json};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use mimamori::clock::ManualClock;

use super::{LINE_SECRET, TELEGRAM_SECRET, TestApp};

impl TestApp {
    pub async fn post_line_raw(&self, body: &[u8], signature: Option<&str>) -> reqwest::Response {
        let mut req = self
            .http
            .post(format!("{}/webhooks/line", self.base))
            .header("content-type", "application/json")
            .body(body.to_vec());
        if let Some(s) = signature {
            req = req.header("x-line-signature", s);
        }
        req.send().await.expect("POST /webhooks/line")
    }

    pub async fn post_line(&self, events: Vec<Value>) -> reqwest::Response {
        let body = json!({"destination": "Ubot", "events": events}).to_string();
        let sig = mimamori::channels::line::sign(LINE_SECRET, body.as_bytes());
        self.post_line_raw(body.as_bytes(), Some(&sig)).await
    }

    pub fn line_event(&self, user: &str, kind: &str, extra: Value) -> Value {
        let mut e = json!({
            "type": kind,
            "mode": "active",
            "timestamp": self.clock_ms(),
            "webhookEventId": ulid_like(),
            "deliveryContext": {"isRedelivery": false},
            "source": {"type": "user", "userId": user},
            "replyToken": format!("rt-{}", uuid::Uuid::new_v4().simple()),
        });
        if let (Some(obj), Some(more)) = (e.as_object_mut(), extra.as_object()) {
            for (k, v) in more {
                obj.insert(k.clone(), v.clone());
            }
        }
        e
    }

    pub fn line_text_event(&self, user: &str, text: &str) -> Value {
        self.line_event(
            user,
            "message",
            json!({"message": {"type": "text", "id": "1", "text": text}}),
        )
    }

    pub async fn line_text(&self, user: &str, text: &str) {
        let r = self.post_line(vec![self.line_text_event(user, text)]).await;
        assert_eq!(r.status(), 200);
    }

    pub async fn line_postback(&self, user: &str, data: &str) {
        let e = self.line_event(user, "postback", json!({"postback": {"data": data}}));
        assert_eq!(self.post_line(vec![e]).await.status(), 200);
    }

    pub async fn post_telegram_raw(&self, body: &[u8], secret: Option<&str>) -> reqwest::Response {
        let mut req = self
            .http
            .post(format!("{}/webhooks/telegram", self.base))
            .header("content-type", "application/json")
            .body(body.to_vec());
        if let Some(s) = secret {
            req = req.header("x-telegram-bot-api-secret-token", s);
        }
        req.send().await.expect("POST /webhooks/telegram")
    }

    pub async fn post_telegram(&self, update: Value) -> reqwest::Response {
        self.post_telegram_raw(update.to_string().as_bytes(), Some(TELEGRAM_SECRET))
            .await
    }

    pub async fn tg_text(&self, chat: i64, text: &str, lang: Option<&str>) {
        let mut from = json!({"id": chat, "is_bot": false, "first_name": "Test"});
        if let Some(l) = lang {
            from["language_code"] = json!(l);
        }
        let update = json!({"update_id": next_update_id(), "message": {
            "message_id": next_update_id(), "date": self.clock.now_secs(),
            "chat": {"id": chat, "type": "private", "first_name": "Test"},
            "from": from, "text": text}});
        assert_eq!(self.post_telegram(update).await.status(), 200);
    }

    pub async fn tg_press(&self, chat: i64, data: &str) -> String {
        let id = format!("cq{}", next_update_id());
        let update = json!({"update_id": next_update_id(), "callback_query": {
            "id": id, "chat_instance": "ci", "data": data,
            "from": {"id": chat, "is_bot": false, "first_name": "Test"},
            "message": {"message_id": 1, "date": self.clock.now_secs(),
                        "chat": {"id": chat, "type": "private", "first_name": "Test"}, "text": "question"}}});
        assert_eq!(self.post_telegram(update).await.status(), 200);
        id
    }

    pub fn clock_ms(&self) -> i64 {
        use mimamori::clock::Clock;
        self.clock.now().timestamp_millis()
    }
}

trait NowSecs {
    fn now_secs(&self) -> i64;
}

impl NowSecs for ManualClock {
    fn now_secs(&self) -> i64 {
        use mimamori::clock::Clock;
        self.now().timestamp()
    }
}

fn ulid_like() -> String {
    uuid::Uuid::new_v4().simple().to_string().to_uppercase()[..26].to_string()
}

fn next_update_id() -> i64 {
    use std::sync::atomic::{AtomicI64, Ordering};
    static NEXT: AtomicI64 = AtomicI64::new(1000);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// Mounts a LINE push answer for the next `times` calls (wiremock picks the first match).
pub async fn line_push_answers(server: &MockServer, status: u16, body: Value, times: u64) {
    line_push_answers_to(server, None, status, body, times).await;
}

/// [`line_push_answers`] for pushes to one user only (`to`), or to anyone.
pub async fn line_push_answers_to(server: &MockServer, to: Option<&str>, status: u16, body: Value, times: u64) {
    let mock = Mock::given(method("POST")).and(path("/v2/bot/message/push"));
    let mock = match to {
        Some(user) => mock.and(wiremock::matchers::body_partial_json(serde_json::json!({ "to": user }))),
        None => mock,
    };
    mock.respond_with(ResponseTemplate::new(status).set_body_json(body))
        .up_to_n_times(times)
        .with_priority(1)
        .mount(server)
        .await;
}

//! LINE Messaging API: webhook signature and events, and the client for reply / push / profile.

use std::time::Duration;

use base64::Engine as _;
use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use serde_json::{Value, json};
use sha2::Sha256;

use super::{
    Decoded, Delivery, Inbound, InboundKind, NewEvent, OutMessage, Platform, Progress, Recorder, SendOutcome,
    split_text,
};
use crate::config::{LineConfig, Secret};

/// At most this many message objects go in one reply or push request.
pub const MAX_MESSAGES_PER_REQUEST: usize = 5;
pub const MAX_TEXT_UTF16: usize = 5000;
pub const MAX_QUICK_REPLIES: usize = 13;
/// A reply token is valid for about a minute; we stop using it earlier.
pub const REPLY_TOKEN_LIFETIME: chrono::Duration = chrono::Duration::seconds(50);

/// Checks `X-Line-Signature` against the raw body, in constant time.
pub fn verify_signature(secret: &Secret, body: &[u8], signature: Option<&str>) -> bool {
    let Some(signature) = signature else {
        return false;
    };
    let Ok(expected) = base64::engine::general_purpose::STANDARD.decode(signature.trim()) else {
        return false;
    };
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret.expose().as_bytes()) else {
        return false;
    };
    mac.update(body);
    mac.verify_slice(&expected).is_ok()
}

/// Signs a body as LINE does (for tests, the quickstart and the load generator).
pub fn sign(secret: &str, body: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes())
        .unwrap_or_else(|_| unreachable!("HMAC takes keys of any length"));
    mac.update(body);
    base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum WebhookError {
    #[error("the body is not a LINE webhook object")]
    Malformed,
}

/// Splits a verified body into one stored event per element of `events`, leaving out those
/// whose own `timestamp` (milliseconds) is before `oldest_ms`: a signed body replayed after the
/// deduplication window would otherwise be acted on again. Returns the events and how many were
/// left out. Events without a `webhookEventId` (not sent by LINE today) are keyed by their
/// content hash.
pub fn split_events(body: &[u8], oldest_ms: i64) -> Result<(Vec<NewEvent>, usize), WebhookError> {
    let value: Value = serde_json::from_slice(body).map_err(|_| WebhookError::Malformed)?;
    let events = value
        .get("events")
        .and_then(Value::as_array)
        .ok_or(WebhookError::Malformed)?;
    let fresh = |event: &&Value| {
        event
            .get("timestamp")
            .and_then(Value::as_i64)
            .is_none_or(|t| t >= oldest_ms)
    };
    let kept: Vec<NewEvent> = events
        .iter()
        .filter(fresh)
        .map(|event| {
            if !event.is_object() {
                return Err(WebhookError::Malformed);
            }
            let payload = event.to_string();
            let key = match event.get("webhookEventId").and_then(Value::as_str) {
                Some(id) => id.to_string(),
                None => {
                    use sha2::Digest;
                    format!("sha256:{:x}", Sha256::digest(payload.as_bytes()))
                }
            };
            let chat_key = source_id(event).map(|id| format!("line:{id}"));
            Ok(NewEvent {
                platform: Platform::Line,
                key,
                chat_key,
                payload,
            })
        })
        .collect::<Result<_, _>>()?;
    let replays = events.len() - kept.len();
    Ok((kept, replays))
}

fn source_id(event: &Value) -> Option<&str> {
    let source = event.get("source")?;
    ["userId", "groupId", "roomId"]
        .iter()
        .find_map(|k| source.get(*k).and_then(Value::as_str))
}

/// Reads a stored event. `received_at` bounds the reply token's life.
pub fn decode(payload: &str, received_at: DateTime<Utc>) -> Decoded {
    let Ok(event) = serde_json::from_str::<Value>(payload) else {
        return Decoded::Ignore("unreadable payload");
    };
    if event.get("mode").and_then(Value::as_str) == Some("standby") {
        return Decoded::Ignore("standby mode");
    }
    let source = event.get("source");
    // a group or a room is not the patient's own chat: nothing said there is about one person,
    // and nothing the service says may be read there
    if source.and_then(|s| s.get("type")).and_then(Value::as_str) != Some("user") {
        return Decoded::Ignore("not a one-to-one chat");
    }
    let Some(user) = source.and_then(|s| s.get("userId")).and_then(Value::as_str) else {
        return Decoded::Ignore("no user source");
    };
    let reply_token = event
        .get("replyToken")
        .and_then(Value::as_str)
        .map(|t| (t.to_string(), received_at + REPLY_TOKEN_LIFETIME));
    let kind = match event.get("type").and_then(Value::as_str) {
        Some("message") => match event.get("message") {
            Some(m) if m.get("type").and_then(Value::as_str) == Some("text") => {
                InboundKind::Text(m.get("text").and_then(Value::as_str).unwrap_or("").to_string())
            }
            Some(_) => InboundKind::Unsupported,
            None => return Decoded::Ignore("message without body"),
        },
        Some("postback") => match event
            .get("postback")
            .and_then(|p| p.get("data"))
            .and_then(Value::as_str)
        {
            Some(data) => InboundKind::Choice {
                data: data.to_string(),
                callback_id: None,
            },
            None => return Decoded::Ignore("postback without data"),
        },
        Some("follow") => InboundKind::Follow,
        Some("unfollow") => InboundKind::Blocked,
        _ => return Decoded::Ignore("event type not used"),
    };
    Decoded::Act(Inbound {
        platform: Platform::Line,
        chat: user.to_string(),
        language_hint: None,
        reply_token,
        kind,
    })
}

/// The message objects for `messages`, long texts split, quick replies on the last one.
pub fn message_objects(messages: &[OutMessage]) -> Vec<Value> {
    let mut objects = Vec::new();
    for m in messages {
        let parts = split_text(&m.text, MAX_TEXT_UTF16, char::len_utf16);
        let last = parts.len() - 1;
        for (i, part) in parts.into_iter().enumerate() {
            let mut object = json!({"type": "text", "text": part});
            if i == last && !m.choices.is_empty() {
                let items: Vec<Value> = m
                    .choices
                    .iter()
                    .take(MAX_QUICK_REPLIES)
                    .map(|c| {
                        let label: String = c.label.chars().take(20).collect();
                        json!({"type": "action", "action": {
                            "type": "postback", "label": label, "data": c.data, "displayText": c.label
                        }})
                    })
                    .collect();
                object["quickReply"] = json!({ "items": items });
            }
            objects.push(object);
        }
    }
    objects
}

pub struct LineClient {
    http: reqwest::Client,
    config: LineConfig,
    /// Profile languages of users not known yet, from the fetch until their event takes it
    /// (the fetch happens outside any transaction; see [`LineClient::fetch_language`]).
    languages: std::sync::Mutex<std::collections::HashMap<String, Language>>,
}

enum Language {
    /// Being fetched (since then): another worker that meets the user's event leaves it waiting.
    Fetching(std::time::Instant),
    /// The profile's language, or none when it had none or could not be read.
    Fetched(Option<String>),
}

/// More fetched languages than this waiting at once means events keep failing: start afresh.
const LANGUAGES_KEPT: usize = 10_000;
/// A fetch not finished after this long (its task gone) does not stop another one.
const FETCH_GIVEN_UP: Duration = Duration::from_secs(30);

impl LineClient {
    pub fn new(config: LineConfig, timeout: Duration) -> anyhow::Result<LineClient> {
        let http = reqwest::Client::builder().timeout(timeout).build()?;
        Ok(LineClient {
            http,
            config,
            languages: Default::default(),
        })
    }

    pub async fn reply(&self, token: &str, messages: &[Value]) -> SendOutcome {
        let body = json!({"replyToken": token, "messages": messages});
        let request = self
            .http
            .post(format!("{}/v2/bot/message/reply", self.config.api_url))
            .bearer_auth(self.config.channel_access_token.expose())
            .json(&body);
        match classify(request.send().await).await {
            // 400 on reply means the token is spent or expired: push instead
            SendOutcome::Failed(_) => SendOutcome::ReplyTokenRefused,
            other => other,
        }
    }

    /// Pushes with `X-Line-Retry-Key`: the same key on every retry, so LINE delivers once.
    /// Sends one outbox row: as a reply while its token is fresh and the row fits one request,
    /// else pushed in requests of at most five messages, each with its own retry key (the row's
    /// own for the first, derived from it after), resuming after the parts already delivered.
    pub async fn deliver(
        &self,
        row: &Delivery<'_>,
        messages: &[OutMessage],
        progress: &dyn Recorder,
    ) -> anyhow::Result<SendOutcome> {
        let objects = message_objects(messages);
        let chunks: Vec<&[Value]> = objects.chunks(MAX_MESSAGES_PER_REQUEST).collect();
        let mut sent = row.parts_sent;
        if sent == 0
            && chunks.len() == 1
            && let Some(token) = row.reply_token
        {
            match self.reply(token, chunks[0]).await {
                // the token is still fresh, yet refused: it was used, by the sender before us
                // whose answer never came back (a crash, a timeout). The reply arrived; a push
                // now would say it twice.
                SendOutcome::ReplyTokenRefused if row.tried_before => return Ok(SendOutcome::Sent),
                SendOutcome::ReplyTokenRefused => progress.record(Progress::ReplyTokenRefused).await?,
                other => return Ok(other),
            }
        }
        let base = uuid::Uuid::parse_str(row.retry_key)?;
        while sent < chunks.len() {
            let key = if sent == 0 {
                base
            } else {
                uuid::Uuid::new_v5(&base, &sent.to_be_bytes())
            };
            match self.push(row.chat, chunks[sent], &key.to_string()).await {
                SendOutcome::Sent => {
                    sent += 1;
                    progress.record(Progress::Sent(sent)).await?;
                }
                other => return Ok(other),
            }
        }
        Ok(SendOutcome::Sent)
    }

    pub async fn push(&self, to: &str, messages: &[Value], retry_key: &str) -> SendOutcome {
        self.send_keyed("push", &json!({"to": to, "messages": messages}), retry_key)
            .await
    }

    /// Posts a message request with `X-Line-Retry-Key`: a 409 says a request with this key
    /// was already accepted, so it counts as sent.
    async fn send_keyed(&self, endpoint: &str, body: &Value, retry_key: &str) -> SendOutcome {
        let request = self
            .http
            .post(format!("{}/v2/bot/message/{endpoint}", self.config.api_url))
            .bearer_auth(self.config.channel_access_token.expose())
            .header("X-Line-Retry-Key", retry_key)
            .json(body);
        match request.send().await {
            Ok(r) if r.status() == reqwest::StatusCode::CONFLICT => SendOutcome::Sent,
            other => classify(other).await,
        }
    }

    /// This month's message quota and what was used of it: `(None, used)` when the plan has no
    /// limit; `None` when LINE could not be asked.
    pub async fn quota(&self) -> Option<(Option<i64>, i64)> {
        let get = |path: &str| {
            self.http
                .get(format!("{}/v2/bot/message/{path}", self.config.api_url))
                .bearer_auth(self.config.channel_access_token.expose())
                .timeout(Duration::from_secs(5))
                .send()
        };
        let quota: Value = get("quota").await.ok()?.json().await.ok()?;
        let used: Value = get("quota/consumption").await.ok()?.json().await.ok()?;
        let limit = match quota.get("type").and_then(Value::as_str) {
            Some("limited") => Some(quota.get("value").and_then(Value::as_i64)?),
            _ => None,
        };
        Some((limit, used.get("totalUsage").and_then(Value::as_i64)?))
    }

    /// Sends the same messages to up to 500 users in one request; the retry key is kept across
    /// retries of the same batch, so LINE delivers it once.
    pub async fn multicast(&self, to: &[String], messages: &[Value], retry_key: &str) -> SendOutcome {
        self.send_keyed("multicast", &json!({"to": to, "messages": messages}), retry_key)
            .await
    }

    /// The kept languages (a map with no invariant between entries: a panic elsewhere while it
    /// was held leaves it usable, and a user's event must not wait for ever on a poisoned lock).
    fn kept(&self) -> std::sync::MutexGuard<'_, std::collections::HashMap<String, Language>> {
        self.languages.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Fetches the user's profile language and keeps it for [`LineClient::fetched_language`];
    /// nothing if it is being fetched or was fetched already (several workers may meet the same
    /// user's event while the profile is on its way). True when this call fetched it.
    pub async fn fetch_language(&self, user_id: &str) -> bool {
        {
            let mut kept = self.kept();
            match kept.get(user_id) {
                Some(Language::Fetched(_)) => return false,
                Some(Language::Fetching(since)) if since.elapsed() < FETCH_GIVEN_UP => return false,
                _ => {}
            }
            if kept.len() >= LANGUAGES_KEPT {
                kept.clear();
            }
            kept.insert(user_id.to_string(), Language::Fetching(std::time::Instant::now()));
        }
        let language = self.profile_language(user_id).await;
        self.kept().insert(user_id.to_string(), Language::Fetched(language));
        true
    }

    /// The language [`LineClient::fetch_language`] found for this user (taken: `Some(None)`
    /// when the profile had none or could not be read), or `None` while it is not at hand.
    pub fn fetched_language(&self, user_id: &str) -> Option<Option<String>> {
        let mut kept = self.kept();
        let Language::Fetched(_) = kept.get(user_id)? else {
            return None; // still on its way
        };
        match kept.remove(user_id) {
            Some(Language::Fetched(language)) => Some(language),
            _ => None,
        }
    }

    /// Links a rich menu to one user (their language's menu).
    pub async fn link_user_menu(&self, user: &str, menu_id: &str) -> SendOutcome {
        let path = format!("/v2/bot/user/{user}/richmenu/{menu_id}");
        classify(self.request(reqwest::Method::POST, false, &path).send().await).await
    }

    /// A request to LINE's API (`data`: the api-data host, for images), authorised.
    pub(crate) fn request(&self, method: reqwest::Method, data: bool, path: &str) -> reqwest::RequestBuilder {
        let base = if data {
            &self.config.data_api_url
        } else {
            &self.config.api_url
        };
        self.http
            .request(method, format!("{base}{path}"))
            .bearer_auth(self.config.channel_access_token.expose())
    }

    /// The user's language from their profile, if LINE gives one.
    async fn profile_language(&self, user_id: &str) -> Option<String> {
        let response = self
            .http
            .get(format!("{}/v2/bot/profile/{user_id}", self.config.api_url))
            .bearer_auth(self.config.channel_access_token.expose())
            .timeout(Duration::from_secs(2))
            .send()
            .await
            .ok()?;
        if !response.status().is_success() {
            return None;
        }
        let profile: Value = response.json().await.ok()?;
        profile.get("language").and_then(Value::as_str).map(str::to_string)
    }
}

async fn classify(result: Result<reqwest::Response, reqwest::Error>) -> SendOutcome {
    let response = match result {
        Ok(r) => r,
        Err(e) if e.is_timeout() => return SendOutcome::Retry("timeout".into()),
        Err(_) => return SendOutcome::Retry("connection failed".into()),
    };
    let status = response.status();
    if status.is_success() {
        return SendOutcome::Sent;
    }
    let body = response.text().await.unwrap_or_default();
    if status == reqwest::StatusCode::TOO_MANY_REQUESTS {
        if body.contains("monthly limit") {
            return SendOutcome::QuotaExhausted;
        }
        return SendOutcome::RateLimited(None);
    }
    if status.is_server_error() {
        return SendOutcome::Retry(format!("HTTP {}", status.as_u16()));
    }
    // LINE's error text names fields, never message content
    let message = serde_json::from_str::<Value>(&body)
        .ok()
        .and_then(|v| v.get("message").and_then(Value::as_str).map(str::to_string))
        .unwrap_or_default();
    SendOutcome::Failed(format!("HTTP {} {message}", status.as_u16()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signature_is_checked_over_the_raw_bytes() {
        let secret = Secret::new("s3cret");
        // escaped emoji: re-serialising would change the bytes and break the MAC
        let body =
            br#"{"destination":"U1","events":[{"type":"message","message":{"type":"text","text":"\uD83D\uDE00"}}]}"#;
        let sig = sign("s3cret", body);
        assert!(verify_signature(&secret, body, Some(&sig)));
        assert!(!verify_signature(&secret, body, None));
        assert!(!verify_signature(&secret, body, Some("bm90IGl0")));
        assert!(!verify_signature(&secret, b"{}", Some(&sig)));
        assert!(!verify_signature(&Secret::new("other"), body, Some(&sig)));
    }

    #[test]
    fn events_are_split_and_keyed_by_webhook_event_id() {
        let body = br#"{"destination":"U0","events":[
            {"type":"message","webhookEventId":"01A","source":{"type":"user","userId":"U1"},"mode":"active","timestamp":1,"message":{"type":"text","id":"1","text":"hi"}},
            {"type":"videoPlayComplete","webhookEventId":"01B","source":{"type":"user","userId":"U1"}}
        ]}"#;
        let (events, replays) = split_events(body, 0).expect("valid");
        assert_eq!((events.len(), replays), (2, 0));
        assert_eq!(events[0].key, "01A");
        assert_eq!(events[0].chat_key.as_deref(), Some("line:U1"));
        assert_eq!(
            split_events(br#"{"destination":"U0","events":[]}"#, 0).map(|(v, _)| v.len()),
            Ok(0)
        );
        assert_eq!(split_events(b"{not json", 0), Err(WebhookError::Malformed));
        assert_eq!(split_events(br#"{"events":"x"}"#, 0), Err(WebhookError::Malformed));
        // an event older than the window is a replay: left out, counted
        let (events, replays) = split_events(body, 2).expect("valid");
        assert_eq!((events.len(), events[0].key.as_str(), replays), (1, "01B", 1));
    }

    #[test]
    fn event_kinds_decode_to_the_neutral_model() {
        let now = Utc::now();
        let text = r#"{"type":"message","mode":"active","replyToken":"r","source":{"type":"user","userId":"U1"},"message":{"type":"text","text":"94 37.8"}}"#;
        match decode(text, now) {
            Decoded::Act(i) => {
                assert_eq!(i.kind, InboundKind::Text("94 37.8".into()));
                assert_eq!(i.reply_token.map(|t| t.0), Some("r".into()));
            }
            other => panic!("{other:?}"),
        }
        let standby = r#"{"type":"message","mode":"standby","source":{"type":"user","userId":"U1"},"message":{"type":"text","text":"x"}}"#;
        assert_eq!(decode(standby, now), Decoded::Ignore("standby mode"));
        let unfollow = r#"{"type":"unfollow","mode":"active","source":{"type":"user","userId":"U1"}}"#;
        assert!(matches!(
            decode(unfollow, now),
            Decoded::Act(Inbound {
                kind: InboundKind::Blocked,
                ..
            })
        ));
        let unknown = r#"{"type":"beacon","mode":"active","source":{"type":"user","userId":"U1"}}"#;
        assert!(matches!(decode(unknown, now), Decoded::Ignore(_)));
    }
}

//! Telegram Bot API: webhook secret and updates (parsed with teloxide's Bot API types), and the
//! client for sendMessage / answerCallbackQuery.
//!
//! Sending uses our own reqwest calls with teloxide's types for the payload: teloxide's `Bot`
//! sleeps 10 s inside the call on a 5xx, and retries belong to the outbox, which owns backoff,
//! `retry_after` and rate limits across instances.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Mutex;
use tokio::time::Instant;

use serde::Deserialize;
use serde_json::{Value, json};
use subtle::ConstantTimeEq;
use teloxide_core::types::{
    ChatMemberKind, InlineKeyboardButton, InlineKeyboardMarkup, MessageKind, Update, UpdateKind,
};

use super::{
    Decoded, Delivery, Inbound, InboundKind, NewEvent, OutMessage, Platform, Progress, Recorder, SendOutcome,
    split_text,
};
use crate::config::{Secret, TelegramConfig};

pub const MAX_TEXT_CHARS: usize = 4096;

/// Checks `X-Telegram-Bot-Api-Secret-Token` in constant time.
pub fn verify_secret(secret: &Secret, header: Option<&[u8]>) -> bool {
    match header {
        Some(given) => bool::from(given.ct_eq(secret.expose().as_bytes())),
        None => false,
    }
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum WebhookError {
    #[error("the body is not a Telegram update")]
    Malformed,
}

/// The stored form of one update: keyed by `update_id`, chat found where the kind has one.
pub fn to_event(body: &[u8]) -> Result<NewEvent, WebhookError> {
    let value: Value = serde_json::from_slice(body).map_err(|_| WebhookError::Malformed)?;
    let id = value
        .get("update_id")
        .and_then(Value::as_i64)
        .ok_or(WebhookError::Malformed)?;
    let chat = value.as_object().and_then(|o| {
        o.values().find_map(|v| {
            v.get("chat")
                .or_else(|| v.get("message").and_then(|m| m.get("chat")))
                .and_then(|c| c.get("id"))
                .and_then(Value::as_i64)
                .or_else(|| v.get("from").and_then(|f| f.get("id")).and_then(Value::as_i64))
        })
    });
    Ok(NewEvent {
        platform: Platform::Telegram,
        key: id.to_string(),
        chat_key: chat.map(|c| format!("telegram:{c}")),
        payload: value.to_string(),
    })
}

/// Reads a stored update.
pub fn decode(payload: &str) -> Decoded {
    let Ok(update) = serde_json::from_str::<Update>(payload) else {
        return Decoded::Ignore("update kind not understood");
    };
    match update.kind {
        UpdateKind::Message(m) => {
            if !m.chat.is_private() {
                return Decoded::Ignore("not a private chat");
            }
            let language_hint = m.from.as_ref().and_then(|u| u.language_code.clone());
            let kind = match (&m.kind, m.text()) {
                (_, Some(text)) => match text.strip_prefix("/start") {
                    Some(rest) if rest.is_empty() || rest.starts_with(' ') => {
                        let payload = rest.trim();
                        InboundKind::Start((!payload.is_empty()).then(|| payload.to_string()))
                    }
                    _ => InboundKind::Text(text.to_string()),
                },
                (MessageKind::Common(_), None) => InboundKind::Unsupported,
                _ => return Decoded::Ignore("service message"),
            };
            Decoded::Act(Inbound {
                platform: Platform::Telegram,
                chat: m.chat.id.0.to_string(),
                language_hint,
                reply_token: None,
                kind,
            })
        }
        UpdateKind::CallbackQuery(q) => {
            // the service puts buttons in private chats only: a press from elsewhere is forged
            if q.message.as_ref().is_some_and(|m| !m.chat().is_private()) {
                return Decoded::AnswerOnly {
                    chat: q.from.id.0.to_string(),
                    callback_id: q.id,
                };
            }
            let chat = q
                .message
                .as_ref()
                .map(|m| m.chat().id.0)
                .unwrap_or(q.from.id.0 as i64)
                .to_string();
            match q.data {
                Some(data) => Decoded::Act(Inbound {
                    platform: Platform::Telegram,
                    chat,
                    language_hint: q.from.language_code.clone(),
                    reply_token: None,
                    kind: InboundKind::Choice {
                        data,
                        callback_id: Some(q.id),
                    },
                }),
                None => Decoded::AnswerOnly {
                    chat,
                    callback_id: q.id,
                },
            }
        }
        UpdateKind::MyChatMember(u) => {
            if !u.chat.is_private() {
                return Decoded::Ignore("not a private chat");
            }
            let kind = match u.new_chat_member.kind {
                ChatMemberKind::Banned(_) | ChatMemberKind::Left => InboundKind::Blocked,
                ChatMemberKind::Member => InboundKind::Follow,
                _ => return Decoded::Ignore("chat member change not used"),
            };
            Decoded::Act(Inbound {
                platform: Platform::Telegram,
                chat: u.chat.id.0.to_string(),
                language_hint: u.from.language_code.clone(),
                reply_token: None,
                kind,
            })
        }
        _ => Decoded::Ignore("update kind not used"),
    }
}

/// The keyboard for a message: up to three buttons a row.
fn keyboard(m: &OutMessage) -> Option<InlineKeyboardMarkup> {
    if m.choices.is_empty() {
        return None;
    }
    let rows: Vec<Vec<InlineKeyboardButton>> = m
        .choices
        .chunks(3)
        .map(|row| {
            row.iter()
                .map(|c| InlineKeyboardButton::callback(c.label.clone(), c.data.clone()))
                .collect()
        })
        .collect();
    Some(InlineKeyboardMarkup::new(rows))
}

/// The sendMessage bodies for `messages`: long texts split, the keyboard on the last part.
pub fn send_bodies(chat_id: &str, messages: &[OutMessage]) -> Vec<Value> {
    let mut bodies = Vec::new();
    for m in messages {
        let parts = split_text(&m.text, MAX_TEXT_CHARS, |_| 1);
        let last = parts.len() - 1;
        for (i, part) in parts.into_iter().enumerate() {
            let mut body = json!({"chat_id": chat_id, "text": part});
            if i == last
                && let Some(k) = keyboard(m)
            {
                body["reply_markup"] = serde_json::to_value(k).unwrap_or(Value::Null);
            }
            bodies.push(body);
        }
    }
    bodies
}

#[derive(Deserialize)]
struct ApiResponse {
    ok: bool,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    parameters: Option<ResponseParameters>,
}

#[derive(Deserialize)]
struct ResponseParameters {
    retry_after: Option<u64>,
    migrate_to_chat_id: Option<i64>,
}

pub struct TelegramClient {
    http: reqwest::Client,
    config: TelegramConfig,
}

impl TelegramClient {
    pub fn new(config: TelegramConfig, timeout: Duration) -> anyhow::Result<TelegramClient> {
        let http = reqwest::Client::builder().timeout(timeout).build()?;
        Ok(TelegramClient { http, config })
    }

    /// Sends one outbox row, a message a turn of this process's pace (about 30 a second), and
    /// texts over Telegram's limit in parts, resuming after the parts already delivered.
    pub async fn deliver(
        &self,
        row: &Delivery<'_>,
        messages: &[OutMessage],
        pace: &GlobalPace,
        progress: &dyn Recorder,
    ) -> anyhow::Result<SendOutcome> {
        let bodies = send_bodies(row.chat, messages);
        let mut sent = row.parts_sent;
        while sent < bodies.len() {
            pace.wait_turn().await;
            match self.call("sendMessage", &bodies[sent]).await {
                SendOutcome::Sent => {
                    sent += 1;
                    progress.record(Progress::Sent(sent)).await?;
                }
                other => return Ok(other),
            }
        }
        Ok(SendOutcome::Sent)
    }

    /// Answers a button press, or the user's client keeps spinning.
    /// This chat's command list (its reader's language), Telegram's per-chat scope.
    pub async fn set_chat_commands(&self, chat: &str, commands: &[(String, String)]) -> SendOutcome {
        let chat_id: Value = chat.parse::<i64>().map_or_else(|_| json!(chat), |id| json!(id));
        self.call(
            "setMyCommands",
            &json!({
                "commands": bot_commands(commands),
                "scope": {"type": "chat", "chat_id": chat_id},
            }),
        )
        .await
    }

    /// The commands of every chat whose Telegram app is in `language_code` (empty: the rest).
    pub async fn set_default_commands(&self, language_code: &str, commands: &[(String, String)]) -> SendOutcome {
        let mut body = json!({"commands": bot_commands(commands), "scope": {"type": "all_private_chats"}});
        if !language_code.is_empty() {
            body["language_code"] = json!(language_code);
        }
        self.call("setMyCommands", &body).await
    }

    /// The menu button of every private chat opens the command list.
    pub async fn set_commands_menu_button(&self) -> SendOutcome {
        self.call("setChatMenuButton", &json!({"menu_button": {"type": "commands"}}))
            .await
    }

    pub async fn answer_callback(&self, callback_id: &str) -> SendOutcome {
        self.call("answerCallbackQuery", &json!({"callback_query_id": callback_id}))
            .await
    }

    pub async fn call(&self, method: &str, body: &Value) -> SendOutcome {
        let url = format!("{}/bot{}/{method}", self.config.api_url, self.config.bot_token.expose());
        let response = match self.http.post(url).json(body).send().await {
            Ok(r) => r,
            Err(e) if e.is_timeout() => return SendOutcome::Retry("timeout".into()),
            // reqwest errors carry the URL, which holds the token: never pass them on
            Err(_) => return SendOutcome::Retry("connection failed".into()),
        };
        let status = response.status();
        let parsed: Option<ApiResponse> = response.json().await.ok();
        if status.is_success() && parsed.as_ref().is_some_and(|p| p.ok) {
            return SendOutcome::Sent;
        }
        let parameters = parsed.as_ref().and_then(|p| p.parameters.as_ref());
        if let Some(to) = parameters.and_then(|p| p.migrate_to_chat_id) {
            return SendOutcome::Moved(to.to_string());
        }
        match status.as_u16() {
            429 => SendOutcome::RateLimited(parameters.and_then(|p| p.retry_after).map(Duration::from_secs)),
            403 => SendOutcome::Unreachable,
            s if s >= 500 => SendOutcome::Retry(format!("HTTP {s}")),
            s => SendOutcome::Failed(format!(
                "HTTP {s} {}",
                parsed.and_then(|p| p.description).unwrap_or_default()
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_secret_token_must_match_exactly() {
        let secret = Secret::new("abc_DEF-123");
        assert!(verify_secret(&secret, Some(b"abc_DEF-123")));
        assert!(!verify_secret(&secret, Some(b"abc_DEF-12")));
        assert!(!verify_secret(&secret, Some(b"")));
        assert!(!verify_secret(&secret, None));
    }

    fn message(text: &str) -> String {
        json!({"update_id": 10, "message": {"message_id": 1, "date": 1700000000,
            "chat": {"id": 42, "type": "private", "first_name": "A"},
            "from": {"id": 42, "is_bot": false, "first_name": "A", "language_code": "en"},
            "text": text}})
        .to_string()
    }

    #[test]
    fn start_with_a_deep_link_payload_is_read() {
        match decode(&message("/start ABCDEFGHJK")) {
            Decoded::Act(i) => {
                assert_eq!(i.kind, InboundKind::Start(Some("ABCDEFGHJK".into())));
                assert_eq!(i.chat, "42");
                assert_eq!(i.language_hint.as_deref(), Some("en"));
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            decode(&message("/start")),
            Decoded::Act(Inbound {
                kind: InboundKind::Start(None),
                ..
            })
        ));
        assert!(matches!(
            decode(&message("94 37.8")),
            Decoded::Act(Inbound {
                kind: InboundKind::Text(_),
                ..
            })
        ));
    }

    #[test]
    fn updates_are_keyed_by_update_id_and_unknown_kinds_are_kept_but_ignored() {
        let e = to_event(message("hi").as_bytes()).expect("valid");
        assert_eq!(e.key, "10");
        assert_eq!(e.chat_key.as_deref(), Some("telegram:42"));
        let odd = json!({"update_id": 11, "some_future_kind": {"x": 1}}).to_string();
        let e = to_event(odd.as_bytes()).expect("stored");
        assert_eq!(e.key, "11");
        assert!(matches!(decode(&e.payload), Decoded::Ignore(_)));
        assert_eq!(to_event(b"[1,2]").map(|e| e.key), Err(WebhookError::Malformed));
    }

    #[test]
    fn long_texts_become_several_messages_with_the_keyboard_last() {
        let m = OutMessage {
            text: "x".repeat(5000),
            choices: vec![super::super::Choice {
                label: "OK".into(),
                data: "ok".into(),
            }],
        };
        let bodies = send_bodies("42", &[m]);
        assert_eq!(bodies.len(), 2);
        assert!(bodies[0].get("reply_markup").is_none());
        assert!(bodies[1].get("reply_markup").is_some());
    }
}

/// Telegram allows about 30 messages a second per bot: the gap between two of this process's.
pub const TELEGRAM_GLOBAL_GAP: std::time::Duration = std::time::Duration::from_millis(34);

/// Paces Telegram sends across all chats in this instance.
#[derive(Clone)]
pub struct GlobalPace(Arc<Mutex<Instant>>);

impl Default for GlobalPace {
    fn default() -> Self {
        GlobalPace(Arc::new(Mutex::new(Instant::now())))
    }
}

impl GlobalPace {
    /// Waits for this process's next turn to send to Telegram.
    pub async fn wait_turn(&self) {
        self.wait(TELEGRAM_GLOBAL_GAP).await
    }

    async fn wait(&self, gap: Duration) {
        let slot = {
            let mut next = self.0.lock().await;
            let now = Instant::now();
            let slot = (*next).max(now);
            *next = slot + gap;
            slot
        };
        tokio::time::sleep_until(slot).await;
    }
}

/// `BotCommand`s as the Bot API takes them: a command is 1–32 of `a-z0-9_`, a description 1–256
/// characters.
pub fn bot_commands(commands: &[(String, String)]) -> Value {
    Value::Array(
        commands
            .iter()
            .map(|(c, d)| json!({"command": c, "description": d.chars().take(256).collect::<String>()}))
            .collect(),
    )
}

//! Channels are adapters (docs/ARCHITECTURE.md invariant 7): LINE and Telegram translate their
//! webhooks into one [`Inbound`] model and send one [`OutMessage`] model. The conversation engine
//! never sees a platform type.

pub mod line;
pub mod line_menu;
pub mod menu;
pub mod send;
pub mod telegram;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

crate::code_enum! {
    /// The messaging platform a chat is on.
    pub enum Platform {
        Line = "line",
        Telegram = "telegram",
    }
}

/// A raw event as the webhook stores it, before the 2xx.
#[derive(Debug, Clone, PartialEq)]
pub struct NewEvent {
    pub platform: Platform,
    /// Deduplication key: LINE `webhookEventId`, Telegram `update_id`.
    pub key: String,
    /// `platform:chat` — events of one chat are processed in order.
    pub chat_key: Option<String>,
    pub payload: String,
}

/// What a user did, in the platform-neutral form the conversation engine reads.
#[derive(Debug, Clone, PartialEq)]
pub struct Inbound {
    pub platform: Platform,
    /// LINE user id or Telegram chat id.
    pub chat: String,
    /// The platform's language hint (Telegram `language_code`; LINE's comes from the profile).
    pub language_hint: Option<String>,
    /// A LINE reply token and when it stops being usable.
    pub reply_token: Option<(String, DateTime<Utc>)>,
    pub kind: InboundKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum InboundKind {
    Text(String),
    /// A button press: LINE postback `data`, Telegram `callback_data` (with the query id to answer).
    Choice {
        data: String,
        callback_id: Option<String>,
    },
    /// Telegram `/start` with its deep-link payload, if any.
    Start(Option<String>),
    /// The user added (or unblocked) the bot.
    Follow,
    /// The user blocked the bot or left: stop sending, tell staff.
    Blocked,
    /// A sticker, photo, location…: the user is told to send text.
    Unsupported,
}

/// The outcome of reading a stored event.
#[derive(Debug, Clone, PartialEq)]
pub enum Decoded {
    Act(Inbound),
    /// Stored, not acted on; the reason is kept with the event (no patient data).
    Ignore(&'static str),
    /// A button press whose kind we ignore still needs its callback answered.
    AnswerOnly {
        chat: String,
        callback_id: String,
    },
}

/// One message to one chat.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutMessage {
    pub text: String,
    /// Buttons: LINE quick replies (≤ 13), Telegram inline keyboard.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<Choice>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    pub label: String,
    /// ≤ 64 bytes (Telegram `callback_data`).
    pub data: String,
}

impl OutMessage {
    pub fn text(text: impl Into<String>) -> OutMessage {
        OutMessage {
            text: text.into(),
            choices: vec![],
        }
    }
}

/// What a platform said to one send.
#[derive(Debug, Clone, PartialEq)]
pub enum SendOutcome {
    Sent,
    /// The LINE reply token was refused: send again as a push.
    ReplyTokenRefused,
    /// A server error or timeout: try again with backoff.
    Retry(String),
    /// Rate limited; wait this long if the platform said (Telegram `retry_after`).
    RateLimited(Option<std::time::Duration>),
    /// LINE's monthly quota is used up: stop and tell staff.
    QuotaExhausted,
    /// The user blocked the bot or no longer exists.
    Unreachable,
    /// The chat moved (Telegram group → supergroup).
    Moved(String),
    /// Refused for good (a bad request): kept as failed for staff to see.
    Failed(String),
}

/// What the dispatcher hands a channel: one outbox row's content.
pub enum Outbound<'a> {
    Messages(&'a [OutMessage]),
    /// The answer a button press needs (Telegram's `answerCallbackQuery`; LINE needs none).
    CallbackAnswer(&'a str),
    /// The chat's menu: the LINE rich menu to link, Telegram's commands for the chat.
    Menu {
        rich_menu_id: Option<&'a str>,
        commands: &'a [(String, String)],
    },
}

/// One outbox row as a channel sends it.
pub struct Delivery<'a> {
    /// The platform's id of the chat.
    pub chat: &'a str,
    /// A reply token still fresh enough to use (LINE).
    pub reply_token: Option<&'a str>,
    /// The row's stable id: LINE's `X-Line-Retry-Key` for its first request.
    pub retry_key: &'a str,
    /// Requests of this row already delivered (a row too long for one request is sent in parts).
    pub parts_sent: usize,
    /// A sender claimed this row before (and died, or got no clear answer): what it sent may
    /// have arrived.
    pub tried_before: bool,
}

/// Where a channel reports its progress with a row (the dispatcher records it at once, so a
/// crash resends only what was not delivered).
pub trait Recorder: Send + Sync {
    fn record(
        &self,
        progress: Progress,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = anyhow::Result<()>> + Send + '_>>;
}

/// What a channel reports while it sends a row, for the dispatcher to record.
pub enum Progress {
    /// This many of the row's requests are delivered.
    Sent(usize),
    /// The reply token was refused; the rest goes as a push.
    ReplyTokenRefused,
}

/// Splits `text` into pieces of at most `max` units (as counted by `units`), preferring line ends.
pub fn split_text(text: &str, max: usize, units: fn(char) -> usize) -> Vec<String> {
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut current_units = 0;
    for line in text.split_inclusive('\n') {
        let line_units: usize = line.chars().map(units).sum();
        if current_units + line_units <= max {
            current.push_str(line);
            current_units += line_units;
            continue;
        }
        if !current.is_empty() {
            parts.push(std::mem::take(&mut current));
            current_units = 0;
        }
        for c in line.chars() {
            if current_units + units(c) > max {
                parts.push(std::mem::take(&mut current));
                current_units = 0;
            }
            current.push(c);
            current_units += units(c);
        }
    }
    if !current.is_empty() || parts.is_empty() {
        parts.push(current);
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_texts_are_split_within_the_limit_and_lose_nothing() {
        let text = format!("{}\n{}", "あ".repeat(3000), "b".repeat(3000));
        let parts = split_text(&text, 4096, |_| 1);
        assert_eq!(parts.len(), 2);
        assert!(parts.iter().all(|p| p.chars().count() <= 4096));
        assert_eq!(parts.concat(), text);
        let one_line = "x".repeat(9000);
        let parts = split_text(&one_line, 4096, |_| 1);
        assert_eq!(parts.len(), 3);
        assert_eq!(parts.concat(), one_line);
        // LINE counts UTF-16 units: an emoji takes two
        let emoji = "😀".repeat(3000);
        let parts = split_text(&emoji, 5000, char::len_utf16);
        assert!(parts.iter().all(|p| p.encode_utf16().count() <= 5000));
        assert_eq!(parts.concat(), emoji);
    }
}

//! What the user saw: the messages LINE and Telegram (wiremock) were asked to send.

use serde_json::Value;
use wiremock::Request;

use super::TestApp;

/// What the user saw: one message sent by the bot.
#[derive(Debug, Clone)]
pub struct Sent {
    /// `reply`, `push`, `sendMessage`, `answerCallbackQuery`
    pub via: String,
    pub to: Option<String>,
    pub text: String,
    pub buttons: Vec<(String, String)>,
    pub retry_key: Option<String>,
}

impl TestApp {
    /// Every message the bot sent, in order, over both platforms.
    pub async fn sent(&self) -> Vec<Sent> {
        let mut out = Vec::new();
        for r in self.line.received_requests().await.unwrap_or_default() {
            let p = r.url.path().to_string();
            let via = match p.as_str() {
                "/v2/bot/message/reply" => "reply",
                "/v2/bot/message/push" => "push",
                "/v2/bot/message/multicast" => "multicast",
                _ => continue,
            };
            let body: Value = serde_json::from_slice(&r.body).unwrap_or(Value::Null);
            // a multicast is one copy to each user it names
            let to: Vec<Option<String>> = match &body["to"] {
                Value::Array(users) => users.iter().map(|u| u.as_str().map(str::to_string)).collect(),
                other => vec![other.as_str().map(str::to_string)],
            };
            for (m, to) in body["messages"]
                .as_array()
                .cloned()
                .unwrap_or_default()
                .into_iter()
                .flat_map(|m| to.clone().into_iter().map(move |t| (m.clone(), t)))
            {
                out.push(Sent {
                    via: via.into(),
                    to,
                    text: m["text"].as_str().unwrap_or("").to_string(),
                    buttons: m["quickReply"]["items"]
                        .as_array()
                        .map(|items| {
                            items
                                .iter()
                                .map(|i| {
                                    (
                                        i["action"]["label"].as_str().unwrap_or("").to_string(),
                                        i["action"]["data"].as_str().unwrap_or("").to_string(),
                                    )
                                })
                                .collect()
                        })
                        .unwrap_or_default(),
                    retry_key: header(&r, "x-line-retry-key"),
                });
            }
        }
        for r in self.telegram.received_requests().await.unwrap_or_default() {
            let method = r.url.path().rsplit('/').next().unwrap_or("").to_string();
            // a chat's menu is not a message (see `menu_calls`)
            if method.starts_with("setMy") || method.starts_with("setChatMenu") {
                continue;
            }
            let body: Value = serde_json::from_slice(&r.body).unwrap_or(Value::Null);
            out.push(Sent {
                via: method,
                to: body["chat_id"]
                    .as_str()
                    .map(str::to_string)
                    .or_else(|| body["callback_query_id"].as_str().map(str::to_string)),
                text: body["text"].as_str().unwrap_or("").to_string(),
                buttons: body["reply_markup"]["inline_keyboard"]
                    .as_array()
                    .map(|rows| {
                        rows.iter()
                            .flat_map(|r| r.as_array().cloned().unwrap_or_default())
                            .map(|b| {
                                (
                                    b["text"].as_str().unwrap_or("").to_string(),
                                    b["callback_data"].as_str().unwrap_or("").to_string(),
                                )
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
                retry_key: None,
            });
        }
        out
    }

    /// Texts sent so far (not callback answers).
    pub async fn texts(&self) -> Vec<String> {
        self.sent()
            .await
            .into_iter()
            .filter(|s| s.via != "answerCallbackQuery")
            .map(|s| s.text)
            .collect()
    }

    /// Texts sent to one chat (LINE user id or Telegram chat id).
    pub async fn texts_to(&self, chat: &str) -> Vec<String> {
        self.sent()
            .await
            .into_iter()
            .filter(|s| s.via != "answerCallbackQuery" && s.to.as_deref() == Some(chat))
            .map(|s| s.text)
            .collect()
    }
}

fn header(r: &Request, name: &str) -> Option<String> {
    r.headers.get(name).and_then(|v| v.to_str().ok()).map(str::to_string)
}

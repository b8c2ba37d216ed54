//! One way to send, whatever the platform: the dispatcher hands a row to [`Channels`] and
//! records the progress it reports; each adapter keeps its platform's rules.

use super::line::LineClient;
use super::telegram::{GlobalPace, TelegramClient};
use super::{Delivery, Outbound, Platform, Recorder, SendOutcome};

/// The channels this process can send through, behind one call: the dispatcher knows no
/// platform's rules (chunking, retry keys, pacing, callback answers).
pub struct Channels<'a> {
    pub line: Option<&'a LineClient>,
    pub telegram: Option<&'a TelegramClient>,
    pub telegram_pace: &'a GlobalPace,
    /// How long a Telegram chat waits after a message before the next (its per-chat limit).
    pub telegram_chat_gap: chrono::Duration,
}

impl Channels<'_> {
    /// How long a chat on `platform` must wait after a message before the next one, where the
    /// platform limits each chat's pace; the dispatcher holds the chat that long (in the
    /// database, so every instance keeps it).
    pub fn chat_gap(&self, platform: Platform) -> Option<chrono::Duration> {
        match platform {
            Platform::Line => None,
            Platform::Telegram => Some(self.telegram_chat_gap),
        }
    }

    /// Sends one row on `platform`, reporting each delivered part through `progress`.
    pub async fn deliver(
        &self,
        platform: Platform,
        what: Outbound<'_>,
        row: &Delivery<'_>,
        progress: &dyn Recorder,
    ) -> anyhow::Result<SendOutcome> {
        match (platform, what) {
            (Platform::Line, Outbound::Messages(messages)) => match self.line {
                Some(client) => client.deliver(row, messages, progress).await,
                None => Ok(SendOutcome::Failed("LINE is not configured".into())),
            },
            // LINE postbacks need no answer
            (Platform::Line, Outbound::CallbackAnswer(_)) => Ok(SendOutcome::Sent),
            (Platform::Telegram, Outbound::Messages(messages)) => match self.telegram {
                Some(client) => client.deliver(row, messages, self.telegram_pace, progress).await,
                None => Ok(SendOutcome::Failed("Telegram is not configured".into())),
            },
            (Platform::Line, Outbound::Menu { rich_menu_id, .. }) => match (self.line, rich_menu_id) {
                (Some(client), Some(id)) => Ok(client.link_user_menu(row.chat, id).await),
                // `line setup` has not made the menus yet: nothing to link
                (Some(_), None) => Ok(SendOutcome::Sent),
                (None, _) => Ok(SendOutcome::Failed("LINE is not configured".into())),
            },
            (Platform::Telegram, Outbound::Menu { commands, .. }) => match self.telegram {
                Some(client) => Ok(client.set_chat_commands(row.chat, commands).await),
                None => Ok(SendOutcome::Failed("Telegram is not configured".into())),
            },
            (Platform::Telegram, Outbound::CallbackAnswer(id)) => match self.telegram {
                Some(client) => Ok(client.answer_callback(id).await),
                None => Ok(SendOutcome::Failed("Telegram is not configured".into())),
            },
        }
    }
}

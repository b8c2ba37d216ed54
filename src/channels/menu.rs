//! The menu under a chat, in the platform-neutral form the channels turn into a LINE rich menu
//! or Telegram's command list (as [`super::OutMessage`] is for messages).

use crate::i18n::Lang;

/// Whose menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    Patient,
    Provider,
}

impl Audience {
    pub const ALL: [Audience; 2] = [Audience::Patient, Audience::Provider];

    pub fn code(self) -> &'static str {
        match self {
            Audience::Patient => "patient",
            Audience::Provider => "provider",
        }
    }

    /// The languages this audience's menu is written in.
    pub fn languages(self) -> Vec<Lang> {
        match self {
            Audience::Patient => Lang::all().collect(),
            Audience::Provider => Lang::with_file("provider").collect(),
        }
    }
}

/// What a button does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MenuAction {
    /// The chat's own button data (`checkin:now`, `kw:worse`, `lang:menu`, `prov:away` …).
    Press(&'static str),
    /// Opens the phone's dialler.
    Call(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MenuButton {
    pub label: String,
    pub action: MenuAction,
    /// The Telegram command that does the same (`report` for /report).
    pub command: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Menu {
    pub audience: Audience,
    pub lang: Lang,
    /// LINE's chat bar text (at most 14 characters).
    pub bar: String,
    pub buttons: Vec<MenuButton>,
}

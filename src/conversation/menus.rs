//! The menus people expect under the chat, per language: a patient's (report now, "I feel
//! worse", call the health centre, language) and a provider's (my open requests, I'm available,
//! I'm off, language). The same four buttons become a LINE rich menu and Telegram's command
//! list; the words come from `locales/`, so a ward's wording change needs no designer.

use crate::care::context::Ctx;
use crate::channels::Platform;
pub use crate::channels::menu::{Audience, Menu, MenuAction, MenuButton};
use crate::i18n::Lang;
use crate::store::chats::Chat;
use crate::store::outbox::{self, Body};
use crate::store::{Conn, menus as stored};

/// The button data that opens the language menu (`language::MENU`).
pub const LANGUAGE_MENU: &str = "lang:menu";

/// Each audience's buttons: (label, the chat's button data, the Telegram command that does the
/// same). One table, so a command and its button cannot drift apart.
fn buttons(audience: Audience) -> [(&'static str, &'static str, &'static str); 4] {
    use super::provider_menu::{AVAILABLE, AWAY, OPEN_REQUESTS};
    match audience {
        Audience::Patient => [
            (msg!("menu-report"), "checkin:now", "report"),
            (msg!("menu-worse"), "kw:worse", "worse"),
            (msg!("menu-call"), CALL, "call"),
            (msg!("menu-language"), LANGUAGE_MENU, "language"),
        ],
        Audience::Provider => [
            (msg!("provider-menu-requests"), OPEN_REQUESTS, "requests"),
            (msg!("provider-menu-available"), AVAILABLE, "available"),
            (msg!("provider-menu-away"), AWAY, "off"),
            (msg!("provider-menu-language"), LANGUAGE_MENU, "language"),
        ],
    }
}

/// "Call the health centre" where no number is set for the dialler: the chat says whom to call.
pub const CALL: &str = "kw:call";

/// A menu command typed in Telegram (`/worse`, `/language@mimamori_bot`): the data of the
/// button it stands for in `audience`'s menu.
pub fn command_data(audience: Audience, text: &str) -> Option<&'static str> {
    let command = text.trim().strip_prefix('/')?.split(['@', ' ']).next()?;
    buttons(audience)
        .into_iter()
        .find(|(_, _, c)| *c == command)
        .map(|(_, data, _)| data)
}

/// The menu of `audience` in `lang`.
pub fn menu(ctx: &Ctx<'_>, audience: Audience, lang: Lang) -> Menu {
    // with a number the call button dials it; without, it tells the patient whom to call
    let dial = match ctx.config.health_centre_phone.trim() {
        "" => None,
        phone => Some(format!("tel:{}", phone.replace([' ', '-', '(', ')'], ""))),
    };
    let buttons = buttons(audience)
        .into_iter()
        .map(|(key, data, command)| MenuButton {
            label: ctx.t(lang, key, &[]),
            action: match (&dial, data) {
                (Some(tel), CALL) => MenuAction::Call(tel.clone()),
                _ => MenuAction::Press(data),
            },
            command,
        })
        .collect();
    let bar = match audience {
        Audience::Patient => ctx.t(lang, msg!("menu-bar"), &[]),
        Audience::Provider => ctx.t(lang, msg!("provider-menu-bar"), &[]),
    };
    Menu {
        audience,
        lang,
        bar,
        buttons,
    }
}

/// Gives a chat the menu of its reader's language: on LINE the rich menu `line setup` made for
/// it (nothing while there is none), on Telegram the chat's own command list. Through the
/// outbox, so it is retried like any message.
pub async fn give(conn: &mut Conn, ctx: &Ctx<'_>, chat: &Chat, audience: Audience, lang: Lang) -> anyhow::Result<()> {
    let body = match chat.platform {
        Platform::Line => {
            let Some(id) = stored::get(conn, audience.code(), lang.code()).await? else {
                return Ok(());
            };
            Body::Menu {
                rich_menu_id: Some(id),
                commands: vec![],
            }
        }
        Platform::Telegram => Body::Menu {
            rich_menu_id: None,
            commands: commands(&menu(ctx, audience, lang)),
        },
    };
    outbox::enqueue(conn, chat.id, &body, None, ctx.now).await?;
    Ok(())
}

/// A menu as Telegram commands: (command, description).
pub fn commands(menu: &Menu) -> Vec<(String, String)> {
    menu.buttons
        .iter()
        .map(|b| (b.command.to_string(), b.label.clone()))
        .collect()
}

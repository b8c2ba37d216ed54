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

/// The menu of `audience` in `lang`.
pub fn menu(ctx: &Ctx<'_>, audience: Audience, lang: Lang) -> Menu {
    let t = |key: &str| ctx.t(lang, key, &[]);
    let button = |key: &str, data: &'static str, command: &'static str| MenuButton {
        label: t(key),
        action: MenuAction::Press(data),
        command,
    };
    let buttons = match audience {
        Audience::Patient => {
            // with a number the button dials it; without, it tells the patient whom to call
            let call = match ctx.config.health_centre_phone.trim() {
                "" => MenuAction::Press("kw:call"),
                phone => MenuAction::Call(format!("tel:{}", phone.replace([' ', '-', '(', ')'], ""))),
            };
            vec![
                button(msg!("menu-report"), "checkin:now", "report"),
                button(msg!("menu-worse"), "kw:worse", "worse"),
                MenuButton {
                    label: t(msg!("menu-call")),
                    action: call,
                    command: "call",
                },
                button(msg!("menu-language"), LANGUAGE_MENU, "language"),
            ]
        }
        Audience::Provider => vec![
            button(
                msg!("provider-menu-requests"),
                super::provider_menu::OPEN_REQUESTS,
                "requests",
            ),
            button(
                msg!("provider-menu-available"),
                super::provider_menu::AVAILABLE,
                "available",
            ),
            button(msg!("provider-menu-away"), super::provider_menu::AWAY, "off"),
            button(msg!("provider-menu-language"), LANGUAGE_MENU, "language"),
        ],
    };
    let bar = match audience {
        Audience::Patient => t(msg!("menu-bar")),
        Audience::Provider => t(msg!("provider-menu-bar")),
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

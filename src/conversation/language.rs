//! Choosing the language a chat is written in: the menu (a patient's "言語" / "language", the
//! welcome's button, the rich menu, Telegram's /language) and the choice, remembered on the
//! patient's or provider's record.

use crate::care::context::Ctx;
use crate::channels::menu::Audience;
use crate::channels::{Choice, OutMessage};
use crate::i18n::Lang;
use crate::store::{Conn, chats, patients, providers};

/// The button data that opens the menu (first page).
pub use super::menus::LANGUAGE_MENU as MENU;
/// LINE shows at most 13 quick replies: a longer list is paged, the last button turning the page.
const PER_PAGE: usize = 12;

/// Whose chat it is: a patient reads any shipped language, a provider those with `provider.ftl`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    Patient(i64),
    Provider(i64),
}

impl Reader {
    fn languages(self) -> Vec<Lang> {
        match self {
            Reader::Patient(_) => Lang::all().collect(),
            Reader::Provider(_) => Lang::with_file("provider").collect(),
        }
    }
}

/// The menu: each language in its own name, so a reader who cannot read the current one finds
/// theirs.
pub fn menu(ctx: &Ctx<'_>, lang: Lang, reader: Reader, page: usize) -> OutMessage {
    let all = reader.languages();
    let mut choices: Vec<Choice> = if all.len() <= PER_PAGE + 1 {
        all.iter().map(|l| button(*l)).collect()
    } else {
        all.iter()
            .skip(page * PER_PAGE)
            .take(PER_PAGE)
            .map(|l| button(*l))
            .collect()
    };
    if all.len() > PER_PAGE + 1 {
        let next = if (page + 1) * PER_PAGE < all.len() { page + 1 } else { 0 };
        choices.push(Choice {
            label: ctx.t(lang, msg!("choice-more-languages"), &[]),
            data: format!("{MENU}:{next}"),
        });
    }
    OutMessage {
        text: ctx.t(lang, msg!("language-ask"), &[]),
        choices,
    }
}

fn button(l: Lang) -> Choice {
    Choice {
        label: l.info().name.clone(),
        data: format!("lang:set:{}", l.code()),
    }
}

/// The welcome's button that opens the menu, labelled in the current language and in English.
pub fn menu_button(ctx: &Ctx<'_>, lang: Lang) -> Choice {
    Choice {
        label: ctx.t(lang, msg!("choice-language"), &[]),
        data: MENU.to_string(),
    }
}

/// A press of the menu or of one of its languages; `None` when `data` is not one.
pub async fn on_choice(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    lang: Lang,
    reader: Reader,
    data: &str,
) -> anyhow::Result<Option<Vec<OutMessage>>> {
    if let Some(rest) = data.strip_prefix(MENU) {
        let page = rest.strip_prefix(':').and_then(|p| p.parse().ok()).unwrap_or(0);
        return Ok(Some(vec![menu(ctx, lang, reader, page)]));
    }
    let Some(code) = data.strip_prefix("lang:set:") else {
        return Ok(None);
    };
    // a forged or stale button names a language this reader cannot have: show the menu again
    let Some(chosen) = Lang::from_code(code).filter(|l| reader.languages().contains(l)) else {
        return Ok(Some(vec![menu(ctx, lang, reader, 0)]));
    };
    let (chat, audience) = match reader {
        Reader::Patient(id) => {
            patients::set_language(conn, id, chosen.code()).await?;
            (chats::for_patient(conn, id).await?, Audience::Patient)
        }
        Reader::Provider(id) => {
            providers::set_language(conn, id, chosen.code()).await?;
            (chats::for_provider(conn, id).await?, Audience::Provider)
        }
    };
    if let Some(chat) = chat {
        super::menus::give(conn, ctx, &chat, audience, chosen).await?;
    }
    Ok(Some(vec![OutMessage::text(ctx.t(chosen, msg!("language-set"), &[]))]))
}

//! `mimamori line setup` and `mimamori telegram setup`: the menus people expect under the chat,
//! in every language, made once and safe to run again.

use std::collections::BTreeSet;

use clap::Subcommand;
use serde_json::json;
use sha2::{Digest, Sha256};

use crate::care::context::{Ctx, language, provider_language};
use crate::channels::line::LineClient;
use crate::channels::line_menu;
use crate::channels::telegram::TelegramClient;
use crate::channels::{Platform, SendOutcome};
use crate::clock::{Clock, SystemClock};
use crate::config::Config;
use crate::conversation::menus::{self, Audience};
use crate::i18n::Lang;
use crate::store::{chats, menus as stored, patients, providers};

#[derive(Subcommand)]
pub enum PlatformCommand {
    /// Make the menus of every language (checked against the platform's limits first), give
    /// each enrolled patient and provider theirs, and remove menus of an earlier setup. Run it
    /// again after a wording change in locales/: what is unchanged is kept.
    Setup {
        #[arg(long)]
        json: bool,
    },
}

/// The rich menus: one per audience and language, named by a hash of what it shows, so an
/// unchanged one is found and kept, and a changed one replaces it.
pub async fn line(config: Config, command: PlatformCommand) -> anyhow::Result<()> {
    let PlatformCommand::Setup { json: as_json } = command;
    let Some(line) = config.line.clone() else {
        anyhow::bail!(
            "LINE is not configured: set MIMAMORI_LINE_CHANNEL_SECRET and MIMAMORI_LINE_CHANNEL_ACCESS_TOKEN"
        );
    };
    let client = LineClient::new(line, config.platform_timeout)?;
    let (db, locales) = super::common::connect(&config).await?;
    let ctx = Ctx {
        config: &config,
        locales: &locales,
        now: SystemClock.now(),
    };
    let existing = client.rich_menus().await?;
    let (mut created, mut kept) = (0, 0);
    let mut current = BTreeSet::new();
    let mut tx = db.begin().await?;
    for audience in Audience::ALL {
        let image = line_menu::image(audience)?;
        for lang in audience.languages() {
            let menu = menus::menu(&ctx, audience, lang);
            let mut body = line_menu::rich_menu("", &menu);
            let mut hash = Sha256::new();
            hash.update(body.to_string());
            hash.update(&image);
            let digest: String = hash.finalize().iter().take(5).map(|b| format!("{b:02x}")).collect();
            let name = format!("mimamori {}/{} {digest}", audience.code(), lang.code());
            body["name"] = json!(name);
            let id = match existing.iter().find(|(_, n)| *n == name) {
                Some((id, _)) => {
                    kept += 1;
                    id.clone()
                }
                None => {
                    created += 1;
                    client.create_rich_menu(&body, image.clone()).await?
                }
            };
            stored::put(&mut tx, audience.code(), lang.code(), &id, &name, ctx.now).await?;
            current.insert(id);
        }
    }
    tx.commit().await?;
    // those who have not enrolled see the patients' menu in Japanese
    let mut conn = db.pool.acquire().await?;
    if let Some(id) = stored::get(&mut conn, Audience::Patient.code(), Lang::JA.code()).await? {
        client.set_default_rich_menu(&id).await?;
    }
    drop(conn);
    let linked = give_every_chat(&db, &ctx, Platform::Line).await?;
    // only now that everyone has their new menu do the old ones go
    let mut removed = 0;
    for (id, name) in &existing {
        if name.starts_with("mimamori ") && !current.contains(id) {
            client.delete_rich_menu(id).await?;
            removed += 1;
        }
    }
    report(
        as_json,
        json!({"platform": "line", "menus": current.len(), "created": created, "kept": kept,
               "removed": removed, "chats_queued": linked}),
    );
    Ok(())
}

/// Telegram's command lists: the patients' commands for every private chat, in each language
/// Telegram names with two letters (the rest read Japanese); the menu button opens them; each
/// enrolled chat gets its reader's own list (a provider's, or a patient's chosen language).
pub async fn telegram(config: Config, command: PlatformCommand) -> anyhow::Result<()> {
    let PlatformCommand::Setup { json: as_json } = command;
    let Some(telegram) = config.telegram.clone() else {
        anyhow::bail!(
            "Telegram is not configured: set MIMAMORI_TELEGRAM_BOT_TOKEN and MIMAMORI_TELEGRAM_WEBHOOK_SECRET"
        );
    };
    let client = TelegramClient::new(telegram, config.platform_timeout)?;
    let (db, locales) = super::common::connect(&config).await?;
    let ctx = Ctx {
        config: &config,
        locales: &locales,
        now: SystemClock.now(),
    };
    let mut languages = vec![];
    for lang in Audience::Patient.languages() {
        let commands = menus::commands(&menus::menu(&ctx, Audience::Patient, lang));
        check_commands(&commands).map_err(|e| anyhow::anyhow!("{}: {e}", lang.code()))?;
        // Telegram's language_code is ISO 639-1: easy Japanese has none (its readers get
        // their own list per chat)
        let code = match lang {
            Lang::JA => "",
            l if l.code().len() == 2 => l.code(),
            _ => continue,
        };
        expect_sent(client.set_default_commands(code, &commands).await, "setMyCommands")?;
        languages.push(if code.is_empty() { "default (ja)" } else { code });
    }
    expect_sent(client.set_commands_menu_button().await, "setChatMenuButton")?;
    let queued = give_every_chat(&db, &ctx, Platform::Telegram).await?;
    report(
        as_json,
        json!({"platform": "telegram", "command_lists": languages, "menu_button": "commands", "chats_queued": queued}),
    );
    Ok(())
}

/// The Bot API's limits on `BotCommand`: a command of 1–32 `a-z0-9_`, a description of 1–256.
pub fn check_commands(commands: &[(String, String)]) -> Result<(), String> {
    for (c, d) in commands {
        let ok = (1..=32).contains(&c.len())
            && c.chars()
                .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '_');
        if !ok {
            return Err(format!("command {c:?} is not 1–32 of a-z, 0-9 and _"));
        }
        if !(1..=256).contains(&d.chars().count()) {
            return Err(format!("description of /{c} must be 1–256 characters"));
        }
    }
    Ok(())
}

fn expect_sent(outcome: SendOutcome, method: &str) -> anyhow::Result<()> {
    match outcome {
        SendOutcome::Sent => Ok(()),
        other => anyhow::bail!("Telegram refused {method}: {other:?}"),
    }
}

/// Queues every enrolled chat of `platform` its reader's menu; how many.
async fn give_every_chat(db: &crate::store::Db, ctx: &Ctx<'_>, platform: Platform) -> anyhow::Result<usize> {
    let mut tx = db.begin().await?;
    let all = chats::active_on(&mut tx, platform).await?;
    let mut n = 0;
    for chat in &all {
        if let Some(id) = chat.patient_id {
            let patient = patients::get(&mut tx, id).await?;
            let lang = language(patient.as_ref(), chat.language_hint.as_deref());
            menus::give(&mut tx, ctx, chat, Audience::Patient, lang).await?;
            n += 1;
        } else if let Some(id) = chat.provider_id
            && let Some(provider) = providers::get(&mut tx, id).await?
        {
            let lang = provider_language(&provider, chat.language_hint.as_deref());
            menus::give(&mut tx, ctx, chat, Audience::Provider, lang).await?;
            n += 1;
        }
    }
    tx.commit().await?;
    Ok(n)
}

fn report(as_json: bool, out: serde_json::Value) {
    if as_json {
        println!("{out}");
    } else {
        println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
    }
}

//! What several commands share: reading a phone number or a local time, checking a provider
//! id, printing an enrolment code.

use crate::config::Config;
use crate::store::providers::{self};
use serde_json::json;

/// "2026-11-23T10:00", "2026-11-23 10:00" or with seconds.
pub(super) fn local_time(s: &str) -> Result<chrono::NaiveDateTime, String> {
    [
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M:%S",
    ]
    .iter()
    .find_map(|f| chrono::NaiveDateTime::parse_from_str(s.trim(), f).ok())
    .ok_or_else(|| "expected a local time like 2026-11-23T10:00".to_string())
}

pub(super) fn validate_phone(phone: &str, flag: &str) -> Result<(), String> {
    if !crate::domain::patient::is_phone(phone) {
        return Err(format!("{flag} must be a telephone number, for example 090-1234-5678"));
    }
    Ok(())
}

/// Prints a new enrolment code of a `who` ("patient" / "provider") with the Telegram deep link
/// when the bot's username is configured.
pub(super) fn print_code(
    config: &Config,
    who: &str,
    id: i64,
    code: &crate::domain::enrolment::EnrolmentCode,
    expires_at: chrono::DateTime<chrono::Utc>,
    as_json: bool,
) {
    let link = config
        .telegram
        .as_ref()
        .and_then(|t| t.bot_username.as_ref())
        .map(|bot| format!("https://t.me/{bot}?start={}", code.as_payload()));
    if as_json {
        let mut out = json!({
            format!("{who}_id"): id,
            "enrolment_code": code.display(),
            "expires_at": expires_at.to_rfc3339(),
        });
        if let Some(link) = &link {
            out["telegram_link"] = json!(link);
        }
        println!("{out}");
        return;
    }
    println!("{:<17}{id}", format!("{who} id:"));
    println!("enrolment code:  {}", code.display());
    println!(
        "valid until:     {}",
        expires_at.with_timezone(&config.timezone).format("%Y-%m-%d %H:%M %Z")
    );
    if let Some(link) = link {
        println!("Telegram link:   {link}");
    }
    println!("The {who} sends this code to the LINE account or the Telegram bot.");
}

/// A provider named on a patient's record exists and has the right role.
pub(super) async fn check_provider(
    conn: &mut crate::store::Conn,
    id: Option<i64>,
    flag: &str,
    roles: &[&str],
) -> anyhow::Result<()> {
    let Some(id) = id else { return Ok(()) };
    match providers::get(conn, id).await? {
        None => anyhow::bail!("{flag}: no provider with id {id}"),
        Some(p) if !roles.contains(&p.role.as_str()) => {
            anyhow::bail!("{flag}: provider {id} is a {}, not a {}", p.role, roles.join(" or "))
        }
        Some(_) => Ok(()),
    }
}

/// The database and the messages, for a command that acts as the service would.
pub(super) async fn connect(
    config: &crate::config::Config,
) -> anyhow::Result<(crate::store::Db, crate::i18n::Locales)> {
    let db = crate::store::Db::connect(&config.database_url).await?;
    let locales = crate::i18n::Locales::load().map_err(anyhow::Error::msg)?;
    Ok((db, locales))
}

//! `mimamori broadcast …`: compose, send, approve, cancel and follow broadcasts from the
//! server, as a named member of staff (`--as LOGIN`: the author, or the second who approves).

use std::collections::BTreeMap;

use clap::Subcommand;
use serde_json::json;

use crate::care::broadcast::{self, Draft, Refused};
use crate::care::context::Ctx;
use crate::clock::{Clock, SystemClock};
use crate::config::Config;
use crate::domain::access::Action;
use crate::domain::broadcast::Segment;
use crate::store::broadcasts;
use crate::store::staff::{self, Staff};

#[derive(Subcommand)]
pub enum BroadcastCommand {
    /// Compose a draft and show who would get it.
    Create {
        /// The staff member composing it (their login).
        #[arg(long = "as")]
        login: String,
        #[arg(long)]
        title: String,
        /// LANG=TEXT, once per language: --text ja=… --text en=…
        #[arg(long = "text", required = true)]
        texts: Vec<String>,
        /// The language sent where a recipient's has no text.
        #[arg(long)]
        fallback: Option<String>,
        /// Adds a "check in now" button.
        #[arg(long)]
        check_in_button: bool,
        /// Who gets it, as JSON (see the README): {"audience": "patients", "areas": ["Nerima"]}
        #[arg(long, default_value = r#"{"audience": "patients"}"#)]
        segment: String,
        /// Start then (RFC 3339) rather than when sent.
        #[arg(long)]
        send_at: Option<chrono::DateTime<chrono::Utc>>,
    },
    /// Send a draft (over the threshold it waits for a second member of staff).
    Send {
        id: i64,
        #[arg(long = "as")]
        login: String,
    },
    /// Approve a large broadcast (not its author).
    Approve {
        id: i64,
        #[arg(long = "as")]
        login: String,
    },
    /// Cancel: what was sent stays sent, nothing more goes.
    Cancel {
        id: i64,
        #[arg(long = "as")]
        login: String,
        #[arg(long, default_value = "")]
        reason: String,
    },
    /// A broadcast with its counts (and who would get it, until it starts).
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
}

fn said(r: Refused) -> anyhow::Error {
    anyhow::anyhow!(match r {
        Refused::NotFound => "no such broadcast".to_string(),
        Refused::Empty => "a title and a text are required".into(),
        Refused::MissingText(l) => format!(
            "recipients read {} and there is no text in it (or use --fallback)",
            l.join(", ")
        ),
        Refused::NotNow => "the broadcast is not in a state for this".into(),
        Refused::OwnApproval => "a second member of staff must approve it".into(),
        Refused::OutsideAreas => "areas outside the account's own".into(),
        Refused::OverQuota(q) => format!("LINE's monthly quota cannot hold the {} LINE copies", q.needed),
    })
}

/// The named account, if it may broadcast.
async fn acting(conn: &mut crate::store::Conn, login: &str) -> anyhow::Result<Staff> {
    let Some(who) = staff::by_login(conn, login).await?.filter(|c| !c.disabled) else {
        anyhow::bail!("no enabled staff account with login {login:?}");
    };
    if !who.staff.role.allows(Action::Broadcast) {
        anyhow::bail!("{login} ({}) may not broadcast", who.staff.role.code());
    }
    Ok(who.staff)
}

pub(super) async fn run(config: Config, command: BroadcastCommand) -> anyhow::Result<()> {
    let (db, locales) = super::common::connect(&config).await?;
    let ctx = Ctx {
        config: &config,
        locales: &locales,
        now: SystemClock.now(),
    };
    // LINE's quota is checked before a send, as the API does, asked before the transaction
    let quota = match (&command, &config.line) {
        (BroadcastCommand::Send { .. }, Some(c)) => {
            let line = crate::channels::line::LineClient::new(c.clone(), config.platform_timeout)?;
            broadcast::line_quota(Some(&line)).await
        }
        _ => None,
    };
    let mut tx = db.begin().await?;
    let id = match command {
        BroadcastCommand::Create {
            login,
            title,
            texts,
            fallback,
            check_in_button,
            segment,
            send_at,
        } => {
            let who = acting(&mut tx, &login).await?;
            let mut by_lang = BTreeMap::new();
            for t in texts {
                let Some((lang, text)) = t.split_once('=') else {
                    anyhow::bail!("--text takes LANG=TEXT, e.g. --text ja=お知らせ");
                };
                by_lang.insert(lang.trim().to_string(), text.to_string());
            }
            let segment: Segment =
                serde_json::from_str(&segment).map_err(|e| anyhow::anyhow!("--segment is not a segment: {e}"))?;
            let draft = Draft {
                title,
                texts: by_lang,
                fallback,
                check_in_button,
                segment,
                send_at,
            };
            broadcast::compose(&mut tx, &ctx, &who, draft).await?.map_err(said)?
        }
        BroadcastCommand::Send { id, login } => {
            let who = acting(&mut tx, &login).await?;
            broadcast::send(&mut tx, &ctx, &who, id, quota).await?.map_err(said)?;
            id
        }
        BroadcastCommand::Approve { id, login } => {
            let who = acting(&mut tx, &login).await?;
            broadcast::approve(&mut tx, &ctx, &who, id).await?.map_err(said)?;
            id
        }
        BroadcastCommand::Cancel { id, login, reason } => {
            let who = acting(&mut tx, &login).await?;
            broadcast::cancel(&mut tx, &ctx, &who, id, &reason)
                .await?
                .map_err(said)?;
            id
        }
        BroadcastCommand::Show { id, json: as_json } => {
            staff::audit(
                &mut tx,
                None,
                "broadcast.read",
                Some(&format!("broadcast:{id}")),
                ctx.now,
            )
            .await?;
            let Some(b) = broadcasts::get(&mut tx, id).await? else {
                anyhow::bail!("no such broadcast");
            };
            let counts = broadcasts::counts(&mut tx, id).await?;
            tx.commit().await?;
            if as_json {
                println!(
                    "{}",
                    json!({"id": b.id, "title": b.title, "status": b.status.code(), "counts": counts})
                );
            } else {
                let total: i64 = counts.values().sum();
                let sent = counts.get("sent").copied().unwrap_or(0);
                println!(
                    "#{} {} — {} — {sent}/{total} sent {counts:?}",
                    b.id,
                    b.title,
                    b.status.code()
                );
            }
            return Ok(());
        }
    };
    let b = broadcasts::get(&mut tx, id)
        .await?
        .ok_or_else(|| said(Refused::NotFound))?;
    let preview = broadcast::preview(&mut tx, &ctx, &b, None).await?;
    tx.commit().await?;
    println!(
        "{}",
        json!({
            "id": b.id, "status": b.status.code(),
            "recipients": preview.total, "by_language": preview.by_language,
            "by_platform": preview.by_platform, "missing_languages": preview.missing,
            "needs_approval": preview.needs_approval,
        })
    );
    Ok(())
}

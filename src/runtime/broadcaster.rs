//! Sends broadcasts: starts those due (their lists frozen), then takes copies batch by batch —
//! a LINE multicast of up to 500 with a retry key kept across retries and restarts, a Telegram
//! message a turn of the process's pace — always after the one-to-one messages due now, so a
//! notice never delays a patient's answer or a provider's offer.

use chrono::Duration;

use super::state::AppState;
use crate::channels::{OutMessage, SendOutcome};
use crate::domain::broadcast::{BroadcastStatus, RecipientStatus};
use crate::domain::enrolment::ChatStatus;
use crate::store::broadcast_sends::{self as sends, Batch};
use crate::store::broadcasts;
use crate::store::{chats, outbox};

/// How long a claimed batch is a sender's before another may take it (with the same key).
const LEASE: Duration = Duration::seconds(60);
/// How long the broadcaster stands back while one-to-one messages are due.
const CLINICAL_FIRST: std::time::Duration = std::time::Duration::from_millis(50);
/// How long a batch waits after a rate limit or a server error.
const BACKOFF: Duration = Duration::seconds(5);

/// One round: returns whether there may be more to send at once.
pub async fn run_once(state: &AppState) -> anyhow::Result<bool> {
    // reads first: an idle round, the usual one, writes nothing
    let now = state.clock.now();
    let (due, sending, clinical, stranded) = {
        let mut conn = state.db.pool.acquire().await?;
        (
            !broadcasts::due(&mut conn, now).await?.is_empty(),
            broadcasts::sending_any(&mut conn).await?,
            outbox::has_due(&mut conn, now).await?,
            sends::stranded_any(&mut conn, now).await?,
        )
    };
    if stranded {
        let mut tx = state.db.begin().await?;
        sends::withdraw_stranded(&mut tx, now).await?;
        tx.commit().await?;
    }
    if due {
        let ctx = state.ctx();
        let mut tx = state.db.begin().await?;
        crate::care::broadcast::start_due(&mut tx, &ctx).await?;
        tx.commit().await?;
    } else if !sending {
        return Ok(false);
    }
    if clinical {
        // one-to-one messages first: look again shortly
        tokio::time::sleep(CLINICAL_FIRST).await;
        return Ok(true);
    }
    let mut busy = false;
    if state.line.is_some() {
        busy |= send_batch(state, "line", 500).await?;
    }
    if state.telegram.is_some() {
        busy |= send_batch(state, "telegram", 1).await?;
    }
    if !busy {
        // nothing left to claim: close what is settled
        let mut tx = state.db.begin().await?;
        sends::finish(&mut tx, state.clock.now()).await?;
        tx.commit().await?;
    }
    Ok(busy)
}

async fn send_batch(state: &AppState, platform: &str, size: usize) -> anyhow::Result<bool> {
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    let batch = sends::claim(&mut tx, platform, size, now, LEASE).await?;
    let b = match &batch {
        Some(batch) => broadcasts::get(&mut tx, batch.broadcast_id).await?,
        None => None,
    };
    tx.commit().await?;
    let (Some(batch), Some(b)) = (batch, b) else {
        return Ok(false);
    };
    let ids: Vec<i64> = batch.to.iter().map(|(id, _, _)| *id).collect();
    let ctx = state.ctx();
    let outcome = match crate::care::broadcast::copy(&ctx, &b, &batch.lang) {
        _ if b.status != BroadcastStatus::Sending => SendOutcome::Failed("the broadcast was cancelled".into()),
        None => SendOutcome::Failed("no text in this language".into()),
        Some(m) => deliver(state, &batch, &m).await,
    };
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    match outcome {
        SendOutcome::Sent => sends::settle(&mut tx, &ids, RecipientStatus::Sent, None, now).await?,
        SendOutcome::RateLimited(after) => {
            let wait = after.and_then(|d| Duration::from_std(d).ok()).unwrap_or(BACKOFF);
            sends::retry_at(&mut tx, &batch.key, now + wait).await?;
        }
        SendOutcome::Retry(_) | SendOutcome::ReplyTokenRefused => {
            sends::retry_at(&mut tx, &batch.key, now + BACKOFF).await?;
        }
        SendOutcome::QuotaExhausted => {
            sends::settle(
                &mut tx,
                &ids,
                RecipientStatus::Failed,
                Some("LINE monthly limit reached"),
                now,
            )
            .await?;
            broadcasts::stop(&mut tx, b.id, "LINE's monthly message limit is reached", now).await?;
            let detail = format!(
                "broadcast {} stopped: LINE's monthly message limit is reached; the rest were not sent",
                b.id
            );
            chats::alert_staff(&mut tx, "broadcast_stopped", None, None, &detail, now).await?;
        }
        SendOutcome::Unreachable => {
            sends::settle(
                &mut tx,
                &ids,
                RecipientStatus::Unreachable,
                Some("blocked the bot"),
                now,
            )
            .await?;
            // as for any message: the chat is marked, and staff see it
            for (_, chat, _) in &batch.to {
                chats::set_status(&mut tx, *chat, ChatStatus::Unreachable).await?;
            }
        }
        SendOutcome::Moved(_) => {
            sends::settle(&mut tx, &ids, RecipientStatus::Failed, Some("the chat moved"), now).await?;
        }
        SendOutcome::Failed(why) => {
            let status = if b.status == BroadcastStatus::Sending {
                RecipientStatus::Failed
            } else {
                RecipientStatus::Withdrawn
            };
            sends::settle(&mut tx, &ids, status, Some(&why), now).await?;
        }
    }
    tx.commit().await?;
    Ok(true)
}

async fn deliver(state: &AppState, batch: &Batch, m: &OutMessage) -> SendOutcome {
    match batch.platform.as_str() {
        "line" => match &state.line {
            Some(line) => {
                let to: Vec<String> = batch.to.iter().map(|(_, _, ext)| ext.clone()).collect();
                let objects = crate::channels::line::message_objects(std::slice::from_ref(m));
                line.multicast(&to, &objects, &batch.key).await
            }
            None => SendOutcome::Failed("LINE is not configured".into()),
        },
        _ => match (&state.telegram, batch.to.first()) {
            (Some(telegram), Some((_, _, chat))) => {
                for body in crate::channels::telegram::send_bodies(chat, std::slice::from_ref(m)) {
                    // Telegram's global limit, kept by every instance together, then this
                    // process's own pace (which its one-to-one messages share)
                    if let Err(e) = shared_turn(state).await {
                        return SendOutcome::Retry(format!("pace: {e}"));
                    }
                    state.telegram_pace.wait_turn().await;
                    match telegram.call("sendMessage", &body).await {
                        SendOutcome::Sent => {}
                        other => return other,
                    }
                }
                SendOutcome::Sent
            }
            _ => SendOutcome::Failed("Telegram is not configured".into()),
        },
    }
}

/// Waits for this instance's turn on Telegram's shared global pace (wall-clock time: the
/// database holds when the next message may go, for every instance).
async fn shared_turn(state: &AppState) -> anyhow::Result<()> {
    let gap = crate::channels::telegram::TELEGRAM_GLOBAL_GAP;
    let now = chrono::Utc::now().timestamp_millis();
    let slot = {
        let mut tx = state.db.begin().await?;
        let slot = sends::take_turn(&mut tx, "telegram", gap.as_millis() as i64, now).await?;
        tx.commit().await?;
        slot
    };
    if slot > now {
        tokio::time::sleep(std::time::Duration::from_millis((slot - now) as u64)).await;
    }
    Ok(())
}

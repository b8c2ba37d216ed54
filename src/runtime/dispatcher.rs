//! The dispatcher: sends outbox rows to LINE and Telegram.
//!
//! Delivery is at-least-once from our side and exactly-once where the platform helps: every row
//! has a stable UUID that is LINE's `X-Line-Retry-Key` on each attempt (409 = already delivered).
//! A row is leased before sending, so two instances never send it at the same time; a process
//! killed after the commit and before the send leaves the row pending and it is sent on restart.
//! The claim commits durably (see [`outbox::claim`]): a row is sent only once it, and everything
//! it was derived from, is on disk.
//! Rows of one chat go in order; a chat whose platform limits its pace is held between messages
//! (shared through the database), as its channel says.

use std::time::Duration;

use chrono::{DateTime, Utc};
use tokio::time::Instant;

use super::state::AppState;
use crate::channels::send::Channels;
use crate::channels::{Delivery, Outbound, Platform, Progress, Recorder, SendOutcome};
use crate::domain::enrolment::ChatStatus;
use crate::store::outbox::{self, Body, Claimed};
use crate::store::{Conn, Db, Held, chats};

/// How long a claimed row is ours before another instance may take it over (sooner when this
/// process is seen to have died, see `runtime::heartbeat::Beat`).
const LEASE: chrono::Duration = chrono::Duration::seconds(120);
/// After this many attempts a row is failed and staff are told.
pub const MAX_ATTEMPTS: i64 = 12;

/// Backoff for the n-th attempt: 2 s, 4 s, 8 s … capped at 10 min.
pub fn backoff(attempt: i64) -> chrono::Duration {
    chrono::Duration::seconds(2i64.pow(attempt.clamp(1, 10) as u32).min(600))
}

/// Rows leased per round.
const BATCH: usize = 64;

/// Under load the dispatcher lets a wake's messages gather for a moment before it claims them:
/// at 500 reports a second a round took one or two messages, and each round is a claim and a
/// mark on the database. A wake that comes this soon after the last round counts as load.
const BUSY_WITHIN: Duration = Duration::from_millis(100);
/// How long a wake under load waits (a patient does not notice 10 ms; LINE's delivery takes
/// longer). A quiet ward's wake claims at once.
pub const LINGER: Duration = Duration::from_millis(10);

/// When the dispatcher's last round started (see [`LINGER`]).
#[derive(Default)]
pub struct Pace(Option<Instant>);

impl Pace {
    /// Whether a round starting at `now` waits [`LINGER`] first; `woken`: a wake started it (a
    /// round that goes on at once, or on the poll, has its messages due already).
    pub fn lingers(&self, woken: bool, now: Instant) -> bool {
        woken
            && self
                .0
                .is_some_and(|last| now.saturating_duration_since(last) < BUSY_WITHIN)
    }

    pub fn started(&mut self, now: Instant) {
        self.0 = Some(now);
    }
}

/// Sends what is due. Rows are sent concurrently (they are of different chats, or callback
/// answers); their outcomes are recorded in one transaction. More may be due at once when the
/// batch was full, a chat has a message waiting behind one sent now, or a row was not sent:
/// returns whether it may.
/// `durable`: the dispatcher's connection for the claim, whose commit waits for the disk (see
/// [`outbox::claim`]); `held`: its connection for marking rows sent, which need not wait.
pub async fn run_once(state: &AppState, durable: &mut Held, held: &mut Held) -> anyhow::Result<bool> {
    let now = state.clock.now();
    let rows = match outbox::claim(&state.db, durable, &state.instance, now, LEASE, BATCH as i64).await {
        Ok(rows) => rows,
        Err(e) => {
            // (as the loop does with `held`: the next claim checks a new connection first)
            durable.release();
            return Err(e.into());
        }
    };
    let n = rows.len();
    if n == 0 {
        return Ok(false);
    }
    let mut more = n == BATCH || rows.iter().any(|r| r.queued_behind);
    let mut tasks = tokio::task::JoinSet::new();
    for row in rows {
        let state = state.clone();
        tasks.spawn(async move {
            let outcome = deliver(&state, &row).await;
            (row, outcome)
        });
    }
    let mut results = Vec::with_capacity(n);
    while let Some(joined) = tasks.join_next().await {
        results.push(joined?);
    }
    let now = state.clock.now();
    // the usual outcome for all rows in one statement
    let sent: Vec<i64> = results
        .iter()
        .filter(|(_, o)| matches!(o, Ok(SendOutcome::Sent)))
        .map(|(row, _)| row.id)
        .collect();
    let channels = channels(state);
    let paced = |row: &Claimed| row.platform.and_then(|p| channels.chat_gap(p)).is_some();
    if sent.len() == n && !results.iter().any(|(row, _)| paced(row)) {
        // the usual round: every row went out, and none of their chats is held after a
        // message: that one statement, without a transaction
        outbox::mark_sent_alone(&state.db, held, &sent, now).await?;
        for (row, _) in &results {
            state.metrics.sent(label(row), "sent");
        }
        return Ok(more);
    }
    let mut tx = state.db.begin_worker().await?;
    outbox::mark_sent(&mut tx, state.db.engine, &sent, now).await?;
    // a row not sent may be due again at once (a refused reply token, a moved chat)
    more |= sent.len() < n;
    for (row, outcome) in &results {
        let outcome = match outcome {
            Ok(o) => o.clone(),
            Err(e) => SendOutcome::Retry(format!("internal: {e}")),
        };
        settle(state, &mut tx, row, outcome, now).await?;
    }
    tx.commit().await?;
    Ok(more)
}

/// Sends one row through its channel; the platform's answer is returned, not yet recorded.
async fn deliver(state: &AppState, row: &Claimed) -> anyhow::Result<SendOutcome> {
    let body: Body = serde_json::from_str(&row.body)?;
    let Some(platform) = row.platform else {
        return Ok(SendOutcome::Failed("unknown platform".into()));
    };
    if row.chat_status != Some(ChatStatus::Active) && matches!(body, Body::Messages { .. }) {
        return Ok(SendOutcome::Failed("chat unreachable".into()));
    }
    let now = state.clock.now();
    let delivery = Delivery {
        chat: &row.external_id,
        reply_token: row
            .reply_token
            .as_deref()
            .filter(|_| row.reply_expires_at.is_some_and(|at| at > now)),
        retry_key: &row.retry_key,
        parts_sent: row.parts_sent as usize,
        tried_before: row.attempts > 1,
    };
    let what = match &body {
        Body::Messages { messages } => Outbound::Messages(messages),
        Body::CallbackAnswer { callback_id } => Outbound::CallbackAnswer(callback_id),
        Body::Menu { rich_menu_id, commands } => Outbound::Menu {
            rich_menu_id: rich_menu_id.as_deref(),
            commands,
        },
    };
    let channels = channels(state);
    let recorder = RowProgress {
        db: &state.db,
        row: row.id,
    };
    channels.deliver(platform, what, &delivery, &recorder).await
}

fn channels(state: &AppState) -> Channels<'_> {
    Channels {
        line: state.line.as_deref(),
        telegram: state.telegram.as_deref(),
        telegram_pace: &state.telegram_pace,
        telegram_chat_gap: state.config.telegram_chat_gap,
    }
}

/// The platform's name for metrics.
fn label(row: &Claimed) -> &'static str {
    row.platform.map_or("unknown", Platform::code)
}

/// Records a channel's progress with one row at once: a crash resends only what was not sent.
struct RowProgress<'a> {
    db: &'a Db,
    row: i64,
}

impl Recorder for RowProgress<'_> {
    fn record(
        &self,
        progress: Progress,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = anyhow::Result<()>> + Send + '_>> {
        Box::pin(async move {
            match progress {
                Progress::Sent(parts) => outbox::record_progress(self.db, self.row, parts as i64).await?,
                Progress::ReplyTokenRefused => {
                    let mut tx = self.db.begin_worker().await?;
                    outbox::drop_reply_token(&mut tx, self.row).await?;
                    tx.commit().await?
                }
            }
            Ok(())
        })
    }
}

/// Records what the platform said about one row.
async fn settle(
    state: &AppState,
    tx: &mut Conn,
    row: &Claimed,
    outcome: SendOutcome,
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    let label = label(row);
    let result = match outcome {
        SendOutcome::Sent => {
            // (marked sent by the caller, with the others)
            if let Some(gap) = row.platform.and_then(|p| channels(state).chat_gap(p)) {
                chats::hold_until(tx, row.chat_id, now + gap).await?;
            }
            "sent"
        }
        SendOutcome::RateLimited(Some(wait)) => {
            // Telegram said exactly how long: hold the whole chat, not just this row
            let until = now + chrono::Duration::from_std(wait).unwrap_or(chrono::Duration::seconds(60));
            chats::hold_until(tx, row.chat_id, until).await?;
            outbox::retry_at(tx, row.id, until, "rate limited").await?;
            "rate_limited"
        }
        SendOutcome::RateLimited(None) => {
            retry_or_fail(tx, row, now, "rate limited").await?;
            "rate_limited"
        }
        SendOutcome::Retry(reason) => {
            retry_or_fail(tx, row, now, &reason).await?;
            "retry"
        }
        SendOutcome::QuotaExhausted => {
            // do not hammer: try again in an hour, and make sure staff know
            outbox::retry_at(
                tx,
                row.id,
                now + chrono::Duration::hours(1),
                "LINE monthly quota used up",
            )
            .await?;
            chats::alert_staff(
                tx,
                "line_quota_exhausted",
                None,
                Some(row.chat_id),
                "LINE refused a push: the channel's monthly message quota is used up",
                now,
            )
            .await?;
            "quota_exhausted"
        }
        SendOutcome::Unreachable => {
            chats::set_status(tx, row.chat_id, ChatStatus::Unreachable).await?;
            let patient = chats_patient(tx, row.chat_id).await?;
            chats::alert_staff(
                tx,
                "patient_unreachable",
                patient,
                Some(row.chat_id),
                "the platform refused delivery: the user blocked the bot or the account is gone",
                now,
            )
            .await?;
            outbox::mark_failed(tx, row.id, "unreachable").await?;
            "unreachable"
        }
        SendOutcome::Moved(new_id) => {
            chats::rekey(tx, row.chat_id, &new_id).await?;
            outbox::retry_at(tx, row.id, now, "chat moved").await?;
            "moved"
        }
        SendOutcome::ReplyTokenRefused => {
            outbox::drop_reply_token(tx, row.id).await?;
            outbox::retry_at(tx, row.id, now, "reply token refused").await?;
            "retry"
        }
        SendOutcome::Failed(reason) => {
            fail(tx, row, &reason, now).await?;
            "failed"
        }
    };
    state.metrics.sent(label, result);
    Ok(())
}

async fn retry_or_fail(tx: &mut Conn, row: &Claimed, now: DateTime<Utc>, reason: &str) -> anyhow::Result<()> {
    if row.attempts >= MAX_ATTEMPTS {
        return fail(tx, row, reason, now).await;
    }
    outbox::retry_at(tx, row.id, now + backoff(row.attempts), reason).await?;
    Ok(())
}

/// Gives up on a row: kept as failed, and staff are told.
async fn fail(tx: &mut Conn, row: &Claimed, reason: &str, now: DateTime<Utc>) -> anyhow::Result<()> {
    outbox::mark_failed(tx, row.id, reason).await?;
    let patient = chats_patient(tx, row.chat_id).await?;
    chats::alert_staff(
        tx,
        "delivery_failed",
        patient,
        Some(row.chat_id),
        &format!("a message could not be delivered: {reason}"),
        now,
    )
    .await?;
    Ok(())
}

async fn chats_patient(conn: &mut Conn, chat_id: i64) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar("SELECT patient_id FROM chats WHERE id = $1")
        .bind(chat_id)
        .fetch_one(&mut *conn)
        .await
}

#[cfg(test)]
mod tests {
    use super::{BUSY_WITHIN, Pace};
    use std::time::Duration;
    use tokio::time::Instant;

    #[test]
    fn only_a_wake_under_load_lingers() {
        let start = Instant::now();
        let mut pace = Pace::default();
        assert!(!pace.lingers(true, start), "the first wake claims at once");
        pace.started(start);
        let soon = start + Duration::from_millis(30);
        assert!(pace.lingers(true, soon), "a wake soon after the last round waits");
        assert!(
            !pace.lingers(false, soon),
            "a round that goes on, or the poll, does not"
        );
        assert!(
            !pace.lingers(true, start + BUSY_WITHIN),
            "a quiet ward's wake claims at once"
        );
    }
}

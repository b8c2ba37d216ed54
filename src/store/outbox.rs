//! The outbox: outbound messages written in the transaction of the change that caused them
//! (docs/ARCHITECTURE.md invariants 2 and 5), sent by the dispatcher.

use std::sync::LazyLock;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sqlx::Row;

use super::{Conn, Db, Engine, Held, from_ms, ms};
use crate::channels::{OutMessage, Platform};
use crate::domain::enrolment::ChatStatus;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Body {
    Messages {
        messages: Vec<OutMessage>,
    },
    CallbackAnswer {
        callback_id: String,
    },
    /// The chat's menu in its reader's language: a LINE rich menu linked to the user, or
    /// Telegram commands for this chat ((command, description)).
    Menu {
        rich_menu_id: Option<String>,
        commands: Vec<(String, String)>,
    },
}

impl Body {
    fn kind(&self) -> &'static str {
        match self {
            Body::Messages { .. } => "messages",
            Body::CallbackAnswer { .. } => "callback_answer",
            Body::Menu { .. } => "menu",
        }
    }
}

/// A row for the outbox: what [`enqueue`] writes, or a dialogue step writes with its other
/// statements (`DialogueStep::push`).
pub struct Push {
    chat_id: i64,
    kind: &'static str,
    body: String,
    /// LINE's reply token for the message this answers, and when it expires (ms).
    reply: Option<(String, i64)>,
}

impl Push {
    pub fn new(chat_id: i64, body: &Body) -> sqlx::Result<Push> {
        Ok(Push {
            chat_id,
            kind: body.kind(),
            body: serde_json::to_string(body).map_err(|e| sqlx::Error::Encode(Box::new(e)))?,
            reply: None,
        })
    }

    /// The same row, sent with `token` while it lasts (a reply costs no push quota on LINE).
    pub fn replying(mut self, token: Option<&(String, DateTime<Utc>)>) -> Push {
        self.reply = token.map(|(token, expires)| (token.clone(), ms(*expires)));
        self
    }

    /// The INSERT, its parameters numbered by `param`; bound by [`Push::bind`] in that order.
    pub fn insert(param: &mut impl FnMut() -> String) -> String {
        let (chat, kind, body, token, expires, key, now) =
            (param(), param(), param(), param(), param(), param(), param());
        format!(
            "INSERT INTO outbox (chat_id, kind, body, reply_token, reply_expires_at, retry_key, next_attempt_at, created_at)
             VALUES ({chat}, {kind}, {body}, {token}, {expires}, {key}, {now}, {now})"
        )
    }

    pub fn bind<'q>(
        &'q self,
        query: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
        now: DateTime<Utc>,
    ) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
        query
            .bind(self.chat_id)
            .bind(self.kind)
            .bind(self.body.as_str())
            .bind(self.reply.as_ref().map(|(token, _)| token.as_str()))
            .bind(self.reply.as_ref().map(|(_, expires)| *expires))
            .bind(uuid::Uuid::new_v4().to_string())
            .bind(ms(now))
    }
}

/// [`Push::insert`] numbered from $1, returning the row's id.
static ENQUEUE: LazyLock<String> = LazyLock::new(|| {
    let mut next = 0;
    let insert = Push::insert(&mut || {
        next += 1;
        format!("${next}")
    });
    format!("{insert} RETURNING id")
});

pub async fn enqueue(
    conn: &mut Conn,
    chat_id: i64,
    body: &Body,
    reply_token: Option<&(String, DateTime<Utc>)>,
    now: DateTime<Utc>,
) -> sqlx::Result<i64> {
    let push = Push::new(chat_id, body)?.replying(reply_token);
    push.bind(sqlx::query(ENQUEUE.as_str()), now)
        .fetch_one(&mut *conn)
        .await?
        .try_get(0)
}

/// An outbox row as leased.
#[derive(sqlx::FromRow)]
struct Leased {
    id: i64,
    chat_id: i64,
    body: String,
    reply_token: Option<String>,
    reply_expires_at: Option<i64>,
    retry_key: String,
    parts_sent: i64,
    attempts: i64,
    platform: Option<String>,
    external_id: Option<String>,
    chat_status: Option<String>,
    /// messages of the same chat waiting behind this one
    queued_behind: i64,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Claimed {
    pub id: i64,
    pub chat_id: i64,
    pub body: String,
    pub reply_token: Option<String>,
    pub reply_expires_at: Option<DateTime<Utc>>,
    pub retry_key: String,
    pub parts_sent: i64,
    pub attempts: i64,
    /// `None`: a platform this build does not know (the row fails; the others go on).
    pub platform: Option<Platform>,
    pub external_id: String,
    /// `None`: a status this build does not know, taken as not reachable.
    pub chat_status: Option<ChatStatus>,
    /// Another message of this chat waits behind this one (it can go once this one is sent).
    pub queued_behind: bool,
}

/// Leases due rows: for messages, only the oldest pending one of each chat and only when the
/// chat's rate limit allows; callback answers go at once.
/// On `durable`, the dispatcher's connection whose commits wait for the disk: the claim's
/// commit makes everything committed before it durable too, the rows it claims included
/// (workers commit without waiting, see [`Db::connect`]). So a message goes out only once what
/// it says has been written to disk: a database crash can no longer forget a row that was sent
/// and give its id to another (a doctor's tap on a sent "accept" button reaching a different
/// offer), nor have a worker write the same answer again.
/// `instance`: the claiming process (see `instances::beat`).
pub async fn claim(
    db: &Db,
    durable: &mut Held,
    instance: &str,
    now: DateTime<Utc>,
    lease: chrono::Duration,
    limit: i64,
) -> sqlx::Result<Vec<Claimed>> {
    take(db, durable, instance, now, Some(lease), limit).await
}

/// [`claim`] for a sender that cannot fail (the simulator's synthetic people): the rows are
/// marked sent in the claim's statement, not leased and marked once sent.
pub async fn claim_sent(
    db: &Db,
    held: &mut Held,
    instance: &str,
    now: DateTime<Utc>,
    limit: i64,
) -> sqlx::Result<Vec<Claimed>> {
    take(db, held, instance, now, None, limit).await
}

/// The due rows, leased for `lease` or (`None`) marked sent.
async fn take(
    db: &Db,
    durable: &mut Held,
    instance: &str,
    now: DateTime<Utc>,
    lease: Option<chrono::Duration>,
    limit: i64,
) -> sqlx::Result<Vec<Claimed>> {
    let _gate = db.gate().await;
    // the head of each chat's queue of messages, and every callback answer (they go at once):
    // one grouped pass over the pending rows, from the oldest one on (entries of rows sent since
    // the last vacuum stay under 'pending' on PostgreSQL, and sent rows are mostly older than
    // that). A probe of the chat's queue for every pending row walked them all whenever the
    // heads were in flight: with 6,000 offers to a few doctors, seconds per claim.
    let heads = "SELECT MIN(p.id) FROM outbox p
                 WHERE p.status = 'pending' AND p.id >= (SELECT MIN(m.id) FROM outbox m WHERE m.status = 'pending')
                 GROUP BY p.chat_id, CASE WHEN p.kind = 'messages' THEN 0 ELSE p.id END";
    let due = format!(
        "SELECT o.id FROM outbox o
         WHERE o.status = 'pending' AND {}
           AND o.next_attempt_at <= $2 AND o.claimed_until <= $2
           -- the chat by its key, row by row: as a join, PostgreSQL's plan read every chat (a
           -- sequential scan of all patients' chats per claim)
           AND (o.kind = 'callback_answer' OR (SELECT c.send_after FROM chats c WHERE c.id = o.chat_id) <= $2)
         ORDER BY o.id LIMIT $3 {}",
        db.engine.in_subquery("o.id", heads),
        db.skip_locked()
    );
    let sql = format!(
        "UPDATE outbox {} SET claimed_until = $1, attempts = attempts + 1, claimed_by = $4{}
         WHERE status = 'pending' AND {} AND claimed_until <= $2
         RETURNING id, chat_id, body, reply_token, reply_expires_at, retry_key, parts_sent, attempts,
                   -- the chat's address with the row: no second round trip to read the chats
                   (SELECT c.platform FROM chats c WHERE c.id = outbox.chat_id) AS platform,
                   (SELECT c.external_id FROM chats c WHERE c.id = outbox.chat_id) AS external_id,
                   (SELECT c.status FROM chats c WHERE c.id = outbox.chat_id) AS chat_status,
                   CASE WHEN outbox.kind = 'messages'
                             AND (SELECT MAX(n.id) FROM outbox n WHERE n.chat_id = outbox.chat_id
                                     AND n.status = 'pending' AND n.kind = 'messages') > outbox.id
                        THEN 1 ELSE 0 END AS queued_behind",
        db.by_id(),
        match lease {
            Some(_) => "",
            None => ", status = 'sent', sent_at = $2, reply_token = NULL",
        },
        db.engine.in_subquery("id", &due),
    );
    let leased: Vec<Leased> = sqlx::query_as(&sql)
        .bind(ms(now + lease.unwrap_or_default()))
        .bind(ms(now))
        .bind(limit)
        .bind(instance)
        .fetch_all(durable.get(&db.pool).await?)
        .await?;
    let mut rows: Vec<Claimed> = leased
        .into_iter()
        .filter_map(|r| {
            // (a chat is never deleted while it has outbox rows: the foreign key)
            Some(Claimed {
                id: r.id,
                chat_id: r.chat_id,
                body: r.body,
                reply_token: r.reply_token,
                reply_expires_at: r.reply_expires_at.map(from_ms),
                retry_key: r.retry_key,
                parts_sent: r.parts_sent,
                attempts: r.attempts,
                queued_behind: r.queued_behind > 0,
                platform: Platform::from_code(&r.platform?),
                external_id: r.external_id?,
                chat_status: ChatStatus::from_code(&r.chat_status?),
            })
        })
        .collect();
    rows.sort_by_key(|r| r.id);
    Ok(rows)
}

/// Marks rows sent (their reply tokens are spent).
pub async fn mark_sent(conn: &mut Conn, engine: Engine, ids: &[i64], now: DateTime<Utc>) -> sqlx::Result<()> {
    if ids.is_empty() {
        return Ok(());
    }
    // one statement for the whole batch
    sqlx::query(&format!(
        "UPDATE outbox SET status = 'sent', sent_at = $1, reply_token = NULL WHERE {}",
        engine.in_id_set("id", "$2")
    ))
    .bind(ms(now))
    .bind(engine.id_set(ids))
    .persistent(engine.keeps_id_set_plans())
    .execute(&mut *conn)
    .await
    .map(|_| ())
}

/// [`mark_sent`] as a statement of its own, on a background worker's connection: it commits
/// without waiting for the disk, as the dispatcher's transaction does (see [`Db::connect`]). A
/// mark lost in a database crash sends the row again: a push under the same LINE retry key is
/// the same delivery, a reply may arrive twice.
pub async fn mark_sent_alone(db: &Db, held: &mut Held, ids: &[i64], now: DateTime<Utc>) -> sqlx::Result<()> {
    let _gate = db.gate().await;
    mark_sent(held.get(&db.relaxed).await?, db.engine, ids, now).await
}

/// Records how many parts went out, so a retry continues after them.
pub async fn record_progress(db: &Db, id: i64, parts_sent: i64) -> sqlx::Result<()> {
    let _gate = db.gate().await;
    sqlx::query("UPDATE outbox SET parts_sent = $1 WHERE id = $2")
        .bind(parts_sent)
        .bind(id)
        .execute(&db.pool)
        .await
        .map(|_| ())
}

/// The reply token is no longer usable: later attempts push.
pub async fn drop_reply_token(conn: &mut Conn, id: i64) -> sqlx::Result<()> {
    sqlx::query("UPDATE outbox SET reply_token = NULL WHERE id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await
        .map(|_| ())
}

pub async fn retry_at(conn: &mut Conn, id: i64, at: DateTime<Utc>, error: &str) -> sqlx::Result<()> {
    sqlx::query("UPDATE outbox SET next_attempt_at = $1, claimed_until = 0, last_error = $2 WHERE id = $3")
        .bind(ms(at))
        .bind(error)
        .bind(id)
        .execute(&mut *conn)
        .await
        .map(|_| ())
}

pub async fn mark_failed(conn: &mut Conn, id: i64, error: &str) -> sqlx::Result<()> {
    sqlx::query("UPDATE outbox SET status = 'failed', last_error = $1 WHERE id = $2")
        .bind(error)
        .bind(id)
        .execute(&mut *conn)
        .await
        .map(|_| ())
}

/// One message sent (or to be sent) to a chat, as staff read the conversation.
#[derive(Debug, Clone)]
pub struct Sent {
    pub at: DateTime<Utc>,
    pub text: String,
    pub status: String,
}

/// The latest `limit` messages to a chat, newest first.
pub async fn messages_to(conn: &mut Conn, chat_id: i64, limit: i64) -> sqlx::Result<Vec<Sent>> {
    let rows: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT created_at, body, status FROM outbox WHERE chat_id = $1 AND kind = 'messages' ORDER BY id DESC LIMIT $2",
    )
    .bind(chat_id)
    .bind(limit)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(at, body, status)| match serde_json::from_str::<Body>(&body).ok()? {
            Body::Messages { messages } => Some(Sent {
                at: from_ms(at),
                text: messages.into_iter().map(|m| m.text).collect::<Vec<_>>().join("\n\n"),
                status,
            }),
            Body::CallbackAnswer { .. } | Body::Menu { .. } => None,
        })
        .collect())
}

/// Whether a one-to-one message is due to go (a broadcast waits for it).
pub async fn has_due(conn: &mut Conn, now: DateTime<Utc>) -> sqlx::Result<bool> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM (SELECT 1 FROM outbox WHERE status = 'pending' AND next_attempt_at <= $1
                                AND claimed_until <= $1 LIMIT 1) due",
    )
    .bind(ms(now))
    .fetch_one(&mut *conn)
    .await?;
    Ok(n > 0)
}

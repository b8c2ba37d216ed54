//! Chats (a LINE user or Telegram chat) and their binding to patients.

use chrono::{DateTime, Utc};

use sqlx::any::AnyRow;
use sqlx::{FromRow, Row};

use super::columns::Columns;
use super::patients::{self, Patient};
use super::{Conn, Engine, ms};
use crate::channels::Platform;
use crate::domain::enrolment::ChatStatus;

#[derive(Debug, Clone)]
pub struct Chat {
    pub id: i64,
    pub platform: Platform,
    pub external_id: String,
    pub patient_id: Option<i64>,
    pub language_hint: Option<String>,
    pub status: ChatStatus,
    pub provider_id: Option<i64>,
    /// A staff member's chat: pages arrive here.
    pub staff_id: Option<i64>,
}

impl FromRow<'_, AnyRow> for Chat {
    fn from_row(row: &AnyRow) -> sqlx::Result<Self> {
        Ok(Chat {
            id: row.try_get("id")?,
            platform: row.code("platform")?,
            external_id: row.try_get("external_id")?,
            patient_id: row.try_get("patient_id")?,
            language_hint: row.try_get("language_hint")?,
            status: row.code("status")?,
            provider_id: row.try_get("provider_id")?,
            staff_id: row.try_get("staff_id")?,
        })
    }
}

const COLUMNS: &str = "id, platform, external_id, patient_id, language_hint, status, provider_id, staff_id";

/// The chat for this platform user, created on first contact.
pub async fn upsert(conn: &mut Conn, platform: Platform, external_id: &str, now: DateTime<Utc>) -> sqlx::Result<Chat> {
    match find(conn, platform, external_id).await? {
        Some(chat) => Ok(chat),
        None => create(conn, platform, external_id, now).await,
    }
}

/// The chat for a platform user that [`find`] found none for: created (or, should another
/// worker have created it meanwhile, that one).
pub async fn create(conn: &mut Conn, platform: Platform, external_id: &str, now: DateTime<Utc>) -> sqlx::Result<Chat> {
    sqlx::query(
        "INSERT INTO chats (platform, external_id, created_at) VALUES ($1, $2, $3)
         ON CONFLICT (platform, external_id) DO NOTHING",
    )
    .bind(platform.code())
    .bind(external_id)
    .bind(ms(now))
    .execute(&mut *conn)
    .await?;
    find(conn, platform, external_id).await?.ok_or(sqlx::Error::RowNotFound)
}

/// The chat for this platform user and, when `contact_at` is given and the chat is a patient's,
/// their row with that contact recorded ([`patients::touch`]); one round trip.
pub async fn find_touching(
    conn: &mut Conn,
    platform: Platform,
    external_id: &str,
    contact_at: Option<DateTime<Utc>>,
) -> sqlx::Result<Option<(Chat, Option<Patient>)>> {
    let Some(at) = contact_at else {
        return Ok(find(conn, platform, external_id).await?.map(|chat| (chat, None)));
    };
    if Engine::of(conn) == Engine::Sqlite {
        // the patient's row (if the chat has one), then the chat's, in one round trip
        let sql = format!(
            "{} WHERE id = (SELECT patient_id FROM chats WHERE platform = $2 AND external_id = $3) RETURNING {};
             SELECT {COLUMNS} FROM chats WHERE platform = $2 AND external_id = $3",
            patients::TOUCH,
            patients::COLUMNS
        );
        let rows = sqlx::query(&sql)
            .bind(ms(at))
            .bind(platform.code())
            .bind(external_id)
            .fetch_all(&mut *conn)
            .await?;
        return Ok(match rows.as_slice() {
            [chat] => Some((Chat::from_row(chat)?, None)),
            [patient, chat] => Some((Chat::from_row(chat)?, Some(Patient::from_row(patient)?))),
            _ => None,
        });
    }
    // the chat's columns renamed (the patient's have the same names), the patient's as they are
    let renamed: Vec<String> = COLUMNS.split(", ").map(|c| format!("c.{c} AS chat_{c}")).collect();
    let sql = format!(
        "WITH c AS (SELECT {COLUMNS} FROM chats WHERE platform = $2 AND external_id = $3),
              p AS ({} WHERE id = (SELECT patient_id FROM c) RETURNING {})
         SELECT {}, p.* FROM c LEFT JOIN p ON TRUE",
        patients::TOUCH,
        patients::COLUMNS,
        renamed.join(", ")
    );
    let row = sqlx::query(&sql)
        .bind(ms(at))
        .bind(platform.code())
        .bind(external_id)
        .fetch_optional(&mut *conn)
        .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let chat = Chat {
        id: row.try_get("chat_id")?,
        platform: row.code("chat_platform")?,
        external_id: row.try_get("chat_external_id")?,
        patient_id: row.try_get("chat_patient_id")?,
        language_hint: row.try_get("chat_language_hint")?,
        status: row.code("chat_status")?,
        provider_id: row.try_get("chat_provider_id")?,
        staff_id: row.try_get("chat_staff_id")?,
    };
    let patient = match row.try_get::<Option<i64>, _>("id")? {
        Some(_) => Some(Patient::from_row(&row)?),
        None => None,
    };
    Ok(Some((chat, patient)))
}

pub async fn find(conn: &mut Conn, platform: Platform, external_id: &str) -> sqlx::Result<Option<Chat>> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM chats WHERE platform = $1 AND external_id = $2"
    ))
    .bind(platform.code())
    .bind(external_id)
    .fetch_optional(&mut *conn)
    .await
}

/// The chat a patient is reached on: the most recently bound one.
pub async fn for_patient(conn: &mut Conn, patient_id: i64) -> sqlx::Result<Option<Chat>> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM chats WHERE patient_id = $1 ORDER BY id DESC LIMIT 1"
    ))
    .bind(patient_id)
    .fetch_optional(&mut *conn)
    .await
}

pub async fn set_language_hint(conn: &mut Conn, id: i64, hint: &str) -> sqlx::Result<()> {
    sqlx::query("UPDATE chats SET language_hint = $1 WHERE id = $2")
        .bind(hint)
        .bind(id)
        .execute(&mut *conn)
        .await
        .map(|_| ())
}

pub async fn set_status(conn: &mut Conn, id: i64, status: ChatStatus) -> sqlx::Result<()> {
    sqlx::query("UPDATE chats SET status = $1 WHERE id = $2")
        .bind(status.code())
        .bind(id)
        .execute(&mut *conn)
        .await
        .map(|_| ())
}

pub async fn bind(conn: &mut Conn, id: i64, patient_id: i64) -> sqlx::Result<()> {
    sqlx::query("UPDATE chats SET patient_id = $1, status = 'active' WHERE id = $2")
        .bind(patient_id)
        .bind(id)
        .execute(&mut *conn)
        .await
        .map(|_| ())
}

/// The provider's most recent chat.
pub async fn for_provider(conn: &mut Conn, provider_id: i64) -> sqlx::Result<Option<Chat>> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM chats WHERE provider_id = $1 ORDER BY id DESC LIMIT 1"
    ))
    .bind(provider_id)
    .fetch_optional(&mut *conn)
    .await
}

/// Every reachable chat on `platform` that belongs to a patient or a provider.
pub async fn active_on(conn: &mut Conn, platform: crate::channels::Platform) -> sqlx::Result<Vec<Chat>> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM chats WHERE platform = $1 AND status = 'active'
         AND (patient_id IS NOT NULL OR provider_id IS NOT NULL) ORDER BY id"
    ))
    .bind(platform.code())
    .fetch_all(&mut *conn)
    .await
}

/// Binds the chat to a provider (their enrolment code).
pub async fn bind_provider(conn: &mut Conn, id: i64, provider_id: i64) -> sqlx::Result<()> {
    sqlx::query("UPDATE chats SET provider_id = $1, status = 'active' WHERE id = $2")
        .bind(provider_id)
        .bind(id)
        .execute(&mut *conn)
        .await
        .map(|_| ())
}

/// The chat becomes a staff member's: pages arrive here.
pub async fn bind_staff(conn: &mut Conn, id: i64, staff_id: i64) -> sqlx::Result<()> {
    sqlx::query("UPDATE chats SET staff_id = $1, status = 'active' WHERE id = $2")
        .bind(staff_id)
        .bind(id)
        .execute(&mut *conn)
        .await
        .map(|_| ())
}

/// Telegram moved the chat (group → supergroup): keep everything, change the address.
pub async fn rekey(conn: &mut Conn, id: i64, new_external_id: &str) -> sqlx::Result<()> {
    sqlx::query("UPDATE chats SET external_id = $1 WHERE id = $2")
        .bind(new_external_id)
        .bind(id)
        .execute(&mut *conn)
        .await
        .map(|_| ())
}

/// Holds sends to this chat until `at` (Telegram: about one message a second per chat).
pub async fn hold_until(conn: &mut Conn, id: i64, at: DateTime<Utc>) -> sqlx::Result<()> {
    sqlx::query("UPDATE chats SET send_after = $1 WHERE id = $2")
        .bind(ms(at))
        .bind(id)
        .execute(&mut *conn)
        .await
        .map(|_| ())
}

pub async fn failures_since(conn: &mut Conn, chat_id: i64, since: DateTime<Utc>) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT COUNT(*) FROM enrolment_failures WHERE chat_id = $1 AND at >= $2")
        .bind(chat_id)
        .bind(ms(since))
        .fetch_one(&mut *conn)
        .await
}

pub async fn record_failure(conn: &mut Conn, chat_id: i64, now: DateTime<Utc>) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO enrolment_failures (chat_id, at) VALUES ($1, $2)")
        .bind(chat_id)
        .bind(ms(now))
        .execute(&mut *conn)
        .await
        .map(|_| ())
}

/// A staff alert's INSERT, up to its VALUES: (kind, patient, chat, detail, time).
pub(super) const INSERT_ALERT: &str = "INSERT INTO staff_alerts (kind, patient_id, chat_id, detail, created_at) VALUES";

/// The log line of a staff alert: which kind, for whom; never the detail.
pub(super) fn log_alert(kind: &str, patient_id: Option<i64>, chat_id: Option<i64>) {
    tracing::warn!(kind, patient_id, chat_id, "staff alert");
}

/// Something staff must see. `detail` names what happened, never what the patient wrote.
pub async fn alert_staff(
    conn: &mut Conn,
    kind: &str,
    patient_id: Option<i64>,
    chat_id: Option<i64>,
    detail: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    log_alert(kind, patient_id, chat_id);
    sqlx::query(&format!("{INSERT_ALERT} ($1, $2, $3, $4, $5)"))
        .bind(kind)
        .bind(patient_id)
        .bind(chat_id)
        .bind(detail)
        .bind(ms(now))
        .execute(&mut *conn)
        .await
        .map(|_| ())
}

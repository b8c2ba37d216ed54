//! Patient data has a lifetime: once an episode has been over long enough, what names the person
//! or holds their words is erased — name, phone, address, the day of birth (its year is kept for
//! age bands), the texts of their reports, the bodies of messages to and from their chat, the
//! chat's platform id, notes about them — while the numbers the ward's reports count (readings,
//! assessments, requests and their outcomes) stay, tied to a patient id that no longer names
//! anyone. The audit log is kept.

use chrono::{DateTime, Utc};

use super::{Conn, ms};

/// Released patients whose episode ended before `before` and who are not erased yet.
pub async fn due(conn: &mut Conn, before: DateTime<Utc>) -> sqlx::Result<Vec<i64>> {
    sqlx::query_scalar(
        "SELECT id FROM patients WHERE status = 'released' AND erased_at IS NULL AND released_at < $1
         ORDER BY id LIMIT 500",
    )
    .bind(ms(before))
    .fetch_all(&mut *conn)
    .await
}

/// Erases one patient's personal data (see the module). False when there is no such patient,
/// or their episode has not ended (a patient under observation keeps what observing needs).
pub async fn erase(conn: &mut Conn, patient_id: i64, now: DateTime<Utc>) -> sqlx::Result<bool> {
    let erased = sqlx::query(
        "UPDATE patients SET name = 'erased', phone = '', address = NULL, episode_note = NULL, dialogue = NULL,
                birth_date = SUBSTR(birth_date, 1, 4) || '-01-01', erased_at = $1
         WHERE id = $2 AND status = 'released'",
    )
    .bind(ms(now))
    .bind(patient_id)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    if erased == 0 {
        return Ok(false);
    }
    let chats: Vec<(i64, String, String)> =
        sqlx::query_as("SELECT id, platform, external_id FROM chats WHERE patient_id = $1")
            .bind(patient_id)
            .fetch_all(&mut *conn)
            .await?;
    for (chat, platform, external) in chats {
        sqlx::query("UPDATE outbox SET body = '{}', reply_token = NULL WHERE chat_id = $1")
            .bind(chat)
            .execute(&mut *conn)
            .await?;
        sqlx::query("UPDATE inbound_events SET payload = '{}' WHERE chat_key = $1")
            .bind(format!("{platform}:{external}"))
            .execute(&mut *conn)
            .await?;
        sqlx::query(
            "UPDATE chats SET external_id = 'erased:' || CAST(id AS TEXT), language_hint = NULL, status = 'unreachable'
             WHERE id = $1",
        )
        .bind(chat)
        .execute(&mut *conn)
        .await?;
    }
    for sql in [
        "UPDATE reports SET source_text = '', understood = NULL WHERE patient_id = $1",
        "UPDATE care_requests SET outcome_note = NULL WHERE patient_id = $1",
        "UPDATE care_request_notes SET text = '' WHERE care_request_id IN (SELECT id FROM care_requests WHERE patient_id = $1)",
        "DELETE FROM enrolment_codes WHERE patient_id = $1",
    ] {
        sqlx::query(sql).bind(patient_id).execute(&mut *conn).await?;
    }
    Ok(true)
}

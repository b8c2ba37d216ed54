//! Notes staff write on a care request while they work it.

use chrono::{DateTime, Utc};
use sqlx::any::AnyRow;
use sqlx::{FromRow, Row};

use super::columns::Columns;
use super::{Conn, ms};

#[derive(Debug, Clone)]
pub struct Note {
    pub care_request_id: i64,
    pub staff_name: String,
    pub text: String,
    pub created_at: DateTime<Utc>,
}

impl FromRow<'_, AnyRow> for Note {
    fn from_row(row: &AnyRow) -> sqlx::Result<Self> {
        Ok(Note {
            care_request_id: row.try_get("care_request_id")?,
            staff_name: row.try_get("staff_name")?,
            text: row.try_get("text")?,
            created_at: row.at("created_at")?,
        })
    }
}

pub async fn add(conn: &mut Conn, request_id: i64, staff_id: i64, text: &str, now: DateTime<Utc>) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO care_request_notes (care_request_id, staff_id, text, created_at) VALUES ($1, $2, $3, $4)")
        .bind(request_id)
        .bind(staff_id)
        .bind(text)
        .bind(ms(now))
        .execute(&mut *conn)
        .await
        .map(|_| ())
}

/// The notes of the requests still open, oldest first.
pub async fn of_open(conn: &mut Conn) -> sqlx::Result<Vec<Note>> {
    sqlx::query_as(&format!(
        "SELECT n.care_request_id, s.name AS staff_name, n.text, n.created_at
         FROM care_request_notes n JOIN staff s ON s.id = n.staff_id
         WHERE n.care_request_id IN (SELECT id FROM care_requests WHERE status IN {})
         ORDER BY n.id",
        super::sql::LIVE
    ))
    .fetch_all(&mut *conn)
    .await
}

/// The notes of one patient's requests, oldest first.
pub async fn of_patient(conn: &mut Conn, patient_id: i64) -> sqlx::Result<Vec<Note>> {
    sqlx::query_as(
        "SELECT n.care_request_id, s.name AS staff_name, n.text, n.created_at
         FROM care_request_notes n JOIN staff s ON s.id = n.staff_id
         WHERE n.care_request_id IN (SELECT id FROM care_requests WHERE patient_id = $1)
         ORDER BY n.id",
    )
    .bind(patient_id)
    .fetch_all(&mut *conn)
    .await
}

//! Safety questions: an urgent sign a patient's words left unsure, asked back with Yes / No.

use chrono::{DateTime, Utc};

use sqlx::any::AnyRow;
use sqlx::{FromRow, Row};

use super::columns::Columns;
use super::{Conn, ms};
use crate::domain::symptom::Symptom;

#[derive(Debug, Clone)]
pub struct SafetyQuestion {
    pub id: i64,
    pub patient_id: i64,
    pub report_id: Option<i64>,
    pub symptom: Symptom,
    pub asked_at: DateTime<Utc>,
    pub due_at: DateTime<Utc>,
    pub answer: Option<Settled>,
    pub answered_at: Option<DateTime<Utc>>,
}

impl FromRow<'_, AnyRow> for SafetyQuestion {
    fn from_row(row: &AnyRow) -> sqlx::Result<Self> {
        Ok(SafetyQuestion {
            id: row.try_get("id")?,
            patient_id: row.try_get("patient_id")?,
            report_id: row.try_get("report_id")?,
            symptom: row.code("symptom")?,
            asked_at: row.at("asked_at")?,
            due_at: row.at("due_at")?,
            answer: row.code_opt("answer")?,
            answered_at: row.at_opt("answered_at")?,
        })
    }
}

crate::code_enum! {
    /// How a question was settled.
    pub enum Settled {
        Yes = "yes",
        No = "no",
        /// Not answered in time: taken as yes.
        Assumed = "assumed",
    }
}

const COLUMNS: &str = "id, patient_id, report_id, symptom, asked_at, due_at, answer, answered_at";

pub async fn ask(
    conn: &mut Conn,
    patient_id: i64,
    report_id: Option<i64>,
    symptom: Symptom,
    now: DateTime<Utc>,
    due: DateTime<Utc>,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO safety_questions (patient_id, report_id, symptom, asked_at, due_at) VALUES ($1, $2, $3, $4, $5)
         RETURNING id",
    )
    .bind(patient_id)
    .bind(report_id)
    .bind(symptom.code())
    .bind(ms(now))
    .bind(ms(due))
    .fetch_one(&mut *conn)
    .await
}

pub async fn get(conn: &mut Conn, id: i64) -> sqlx::Result<Option<SafetyQuestion>> {
    sqlx::query_as(&format!("SELECT {COLUMNS} FROM safety_questions WHERE id = $1"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await
}

/// The patient's unanswered questions, oldest first.
pub async fn open_for(conn: &mut Conn, patient_id: i64) -> sqlx::Result<Vec<SafetyQuestion>> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM safety_questions WHERE patient_id = $1 AND answer IS NULL ORDER BY id"
    ))
    .bind(patient_id)
    .fetch_all(&mut *conn)
    .await
}

/// Every question of a patient, newest first (for staff).
pub async fn for_patient(conn: &mut Conn, patient_id: i64) -> sqlx::Result<Vec<SafetyQuestion>> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM safety_questions WHERE patient_id = $1 ORDER BY id DESC"
    ))
    .bind(patient_id)
    .fetch_all(&mut *conn)
    .await
}

/// How many questions were settled each way (`open`: not yet).
pub async fn counts(db: &super::Db) -> sqlx::Result<Vec<(String, i64)>> {
    let rows: Vec<(Option<String>, i64)> =
        sqlx::query_as("SELECT answer, COUNT(*) FROM safety_questions GROUP BY answer")
            .fetch_all(&db.pool)
            .await?;
    let mut out: Vec<(String, i64)> = ["yes", "no", "assumed", "open"]
        .iter()
        .map(|a| (a.to_string(), 0))
        .collect();
    for (answer, n) in rows {
        let key = answer.unwrap_or_else(|| "open".into());
        if let Some(slot) = out.iter_mut().find(|(a, _)| *a == key) {
            slot.1 = n;
        }
    }
    Ok(out)
}

/// Settles an open question; false if it was already settled (a second press, a late timer).
pub async fn settle(conn: &mut Conn, id: i64, how: Settled, now: DateTime<Utc>) -> sqlx::Result<bool> {
    let done =
        sqlx::query("UPDATE safety_questions SET answer = $1, answered_at = $2 WHERE id = $3 AND answer IS NULL")
            .bind(how.code())
            .bind(ms(now))
            .bind(id)
            .execute(&mut *conn)
            .await?;
    Ok(done.rows_affected() == 1)
}

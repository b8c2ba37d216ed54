//! Patients and their enrolment codes.

use chrono::{DateTime, NaiveDate, Utc};

use sqlx::any::AnyRow;
use sqlx::{FromRow, Row};

use super::columns::Columns;
use super::{Conn, Engine, ms};
use crate::domain::patient::PatientStatus;

#[derive(Debug, Clone)]
pub struct Patient {
    pub id: i64,
    pub name: String,
    pub phone: String,
    pub birth_date: String,
    pub onset_date: String,
    pub test_date: Option<String>,
    pub language: Option<String>,
    pub risk_factors: String,
    pub area: Option<String>,
    pub status: PatientStatus,
    pub dialogue: Option<String>,
    pub last_contact_at: Option<DateTime<Utc>>,
    pub extra_check_ins: i64,
    pub stable_streak: i64,
    pub asymptomatic: bool,
    pub released_at: Option<DateTime<Utc>>,
    pub release_not_before: Option<DateTime<Utc>>,
    pub family_doctor_id: Option<i64>,
    pub pharmacy_id: Option<i64>,
    /// Independent in daily living (ADL); `None`: not recorded.
    pub independent: Option<bool>,
    /// Where lent equipment is delivered.
    pub address: Option<String>,
    /// Why staff ended or extended the episode.
    pub episode_note: Option<String>,
    /// Observed by a visiting nurse instead of reporting themselves.
    pub nurse_observed: bool,
}

impl FromRow<'_, AnyRow> for Patient {
    fn from_row(row: &AnyRow) -> sqlx::Result<Self> {
        Ok(Patient {
            id: row.try_get("id")?,
            name: row.try_get("name")?,
            phone: row.try_get("phone")?,
            birth_date: row.try_get("birth_date")?,
            onset_date: row.try_get("onset_date")?,
            test_date: row.try_get("test_date")?,
            language: row.try_get("language")?,
            risk_factors: row.try_get("risk_factors")?,
            area: row.try_get("area")?,
            status: row.code("status")?,
            dialogue: row.try_get("dialogue")?,
            last_contact_at: row.at_opt("last_contact_at")?,
            extra_check_ins: row.try_get("extra_check_ins")?,
            stable_streak: row.try_get("stable_streak")?,
            asymptomatic: row.flag("asymptomatic")?,
            released_at: row.at_opt("released_at")?,
            release_not_before: row.at_opt("release_not_before")?,
            family_doctor_id: row.try_get("family_doctor_id")?,
            pharmacy_id: row.try_get("pharmacy_id")?,
            independent: row.try_get::<Option<i64>, _>("independent")?.map(|v| v != 0),
            address: row.try_get("address")?,
            episode_note: row.try_get("episode_note")?,
            nurse_observed: row.flag("nurse_observed")?,
        })
    }
}

impl Patient {
    pub fn birth(&self) -> NaiveDate {
        NaiveDate::parse_from_str(&self.birth_date, "%Y-%m-%d").unwrap_or_default()
    }
    pub fn has_risk_factor(&self) -> bool {
        !self.risk_factors.trim().is_empty()
    }
}

pub struct NewPatient<'a> {
    pub name: &'a str,
    pub phone: &'a str,
    pub birth_date: NaiveDate,
    pub onset_date: NaiveDate,
    pub test_date: Option<NaiveDate>,
    pub language: Option<&'a str>,
    pub risk_factors: String,
    pub area: Option<&'a str>,
    pub asymptomatic: bool,
    /// Pillar 1: the patient's own family doctor and usual pharmacy (provider ids).
    pub family_doctor_id: Option<i64>,
    pub pharmacy_id: Option<i64>,
    pub independent: Option<bool>,
    pub address: Option<&'a str>,
}

/// Records a contact at `$1` (see [`touch`]); the caller adds which row.
pub(super) const TOUCH: &str =
    "UPDATE patients SET last_contact_at = CASE WHEN status = 'active' THEN $1 ELSE last_contact_at END";

pub(super) const COLUMNS: &str = "id, name, phone, birth_date, onset_date, test_date, language, risk_factors, area, status, dialogue, \
     last_contact_at, extra_check_ins, stable_streak, asymptomatic, released_at, release_not_before, family_doctor_id, \
     pharmacy_id, independent, address, episode_note, nurse_observed";

pub async fn insert(conn: &mut Conn, p: &NewPatient<'_>, now: DateTime<Utc>) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO patients (name, phone, birth_date, onset_date, test_date, language, risk_factors, area, created_at,
                               asymptomatic, family_doctor_id, pharmacy_id, independent, address)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id",
    )
    .bind(p.name)
    .bind(p.phone)
    .bind(p.birth_date.to_string())
    .bind(p.onset_date.to_string())
    .bind(p.test_date.map(|d| d.to_string()))
    .bind(p.language)
    .bind(&p.risk_factors)
    .bind(p.area)
    .bind(ms(now))
    .bind(i64::from(p.asymptomatic))
    .bind(p.family_doctor_id)
    .bind(p.pharmacy_id)
    .bind(p.independent.map(i64::from))
    .bind(p.address)
    .fetch_one(&mut *conn)
    .await
}

pub async fn get(conn: &mut Conn, id: i64) -> sqlx::Result<Option<Patient>> {
    sqlx::query_as(&format!("SELECT {COLUMNS} FROM patients WHERE id = $1"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await
}

/// Several patients' rows, in no particular order (one statement).
pub async fn get_all(conn: &mut Conn, ids: &[i64]) -> sqlx::Result<Vec<Patient>> {
    let engine = Engine::of(conn);
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM patients WHERE {}",
        engine.in_id_set("id", "$1")
    ))
    .bind(engine.id_set(ids))
    .persistent(engine.keeps_id_set_plans())
    .fetch_all(&mut *conn)
    .await
}

/// The patient wrote: their row, with the contact recorded if their episode is active (one
/// statement for both).
pub async fn touch(conn: &mut Conn, id: i64, at: DateTime<Utc>) -> sqlx::Result<Option<Patient>> {
    sqlx::query_as(&format!("{TOUCH} WHERE id = $2 RETURNING {COLUMNS}"))
        .bind(ms(at))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await
}

pub async fn set_dialogue(conn: &mut Conn, id: i64, dialogue: Option<&str>) -> sqlx::Result<()> {
    sqlx::query("UPDATE patients SET dialogue = $1 WHERE id = $2")
        .bind(dialogue)
        .bind(id)
        .execute(&mut *conn)
        .await
        .map(|_| ())
}

/// The language the patient reads (a `locales/` folder name), chosen by them or by staff.
pub async fn set_language(conn: &mut Conn, id: i64, language: &str) -> sqlx::Result<()> {
    sqlx::query("UPDATE patients SET language = $1 WHERE id = $2")
        .bind(language)
        .bind(id)
        .execute(&mut *conn)
        .await
        .map(|_| ())
}

pub async fn set_last_contact(conn: &mut Conn, id: i64, at: DateTime<Utc>) -> sqlx::Result<()> {
    sqlx::query("UPDATE patients SET last_contact_at = $1 WHERE id = $2")
        .bind(ms(at))
        .bind(id)
        .execute(&mut *conn)
        .await
        .map(|_| ())
}

/// A patient's cadence and the timer that goes with it.
pub struct Cadence {
    pub extra_check_ins: bool,
    pub stable_streak: i64,
    /// the timer's kind
    pub timer: super::timers::TimerKind,
    /// the pending timer of that kind is cancelled
    pub cancel: bool,
    /// a new one is due then
    pub schedule: Option<DateTime<Utc>>,
}

/// Sets the patient's cadence, cancels and schedules its timer, in one statement (the cancel
/// does not touch the timer scheduled with it).
pub async fn set_cadence(conn: &mut Conn, id: i64, c: &Cadence, now: DateTime<Utc>) -> sqlx::Result<()> {
    if let Some(due) = c.schedule {
        super::timers::note_scheduled(due);
    }
    let sql = Engine::of(conn).join_writes(&[
        "UPDATE patients SET extra_check_ins = $1, stable_streak = $2 WHERE id = $3".into(),
        "UPDATE timers SET status = 'cancelled' WHERE $4 AND patient_id = $3 AND kind = $5 AND status = 'pending'"
            .into(),
        "INSERT INTO timers (kind, patient_id, due_at, created_at) SELECT $5, $3, $6, $7 WHERE $8".into(),
    ]);
    sqlx::query(&sql)
        .bind(i64::from(c.extra_check_ins))
        .bind(c.stable_streak)
        .bind(id)
        .bind(c.cancel)
        .bind(c.timer.code())
        .bind(c.schedule.map(ms))
        .bind(ms(now))
        .bind(c.schedule.is_some())
        .execute(&mut *conn)
        .await
        .map(|_| ())
}

/// Ends the episode: released (by the criteria or by staff), with an optional staff note.
pub async fn release(conn: &mut Conn, id: i64, note: Option<&str>, now: DateTime<Utc>) -> sqlx::Result<u64> {
    Ok(sqlx::query(
        "UPDATE patients SET status = 'released', released_at = $1, dialogue = NULL, episode_note = COALESCE($2, episode_note)
         WHERE id = $3 AND status = 'active'",
    )
    .bind(ms(now))
    .bind(note)
    .bind(id)
    .execute(&mut *conn)
    .await?
    .rows_affected())
}

/// Staff extend the episode: not released before `until`.
pub async fn extend(conn: &mut Conn, id: i64, until: DateTime<Utc>, note: &str) -> sqlx::Result<u64> {
    Ok(sqlx::query(
        "UPDATE patients SET release_not_before = $1, episode_note = $2 WHERE id = $3 AND status = 'active'",
    )
    .bind(ms(until))
    .bind(note)
    .bind(id)
    .execute(&mut *conn)
    .await?
    .rows_affected())
}

/// Symptoms came back in an asymptomatic patient: the clock restarts from the new onset.
pub async fn new_onset(conn: &mut Conn, id: i64, onset: chrono::NaiveDate) -> sqlx::Result<()> {
    sqlx::query("UPDATE patients SET asymptomatic = 0, onset_date = $1 WHERE id = $2")
        .bind(onset.to_string())
        .bind(id)
        .execute(&mut *conn)
        .await
        .map(|_| ())
}

/// Staff put the patient under a visiting nurse's observation, or back to reporting themselves.
pub async fn set_nurse_observed(conn: &mut Conn, id: i64, nurse: bool) -> sqlx::Result<u64> {
    Ok(
        sqlx::query("UPDATE patients SET nurse_observed = $1 WHERE id = $2 AND status = 'active'")
            .bind(i64::from(nurse))
            .bind(id)
            .execute(&mut *conn)
            .await?
            .rows_affected(),
    )
}

//! Reports of readings.

use chrono::{DateTime, Utc};

use sqlx::any::AnyArguments;
use sqlx::query::Query;
use sqlx::{Any, FromRow, Row};

use sqlx::any::AnyRow;

use super::columns::Columns;
use super::{Conn, Engine, ms};
use crate::domain::vitals::Spo2;

#[derive(Debug, Clone)]
pub struct Report {
    pub id: i64,
    pub patient_id: i64,
    pub spo2: Option<Spo2>,
    pub temperature: Option<i64>,
    pub pulse: Option<i64>,
    pub symptoms: Option<String>,
    pub feeling: Option<String>,
    pub source: String,
    pub source_text: String,
    pub warned: bool,
    pub created_at: DateTime<Utc>,
    pub completed_at: Option<DateTime<Utc>>,
    pub harder_to_breathe: bool,
    pub asks_to_talk: bool,
    pub spo2_remeasured: Option<Spo2>,
    pub cannot_eat_or_drink: bool,
    pub respiratory_rate: Option<i64>,
    /// What each phrase of the patient's words was understood as (JSON, see [`Understood`]).
    pub understood: Option<String>,
    /// When the patient said this report was misread ("違う"): kept, but no rule reads it.
    pub corrected_at: Option<DateTime<Utc>>,
}

impl FromRow<'_, AnyRow> for Report {
    fn from_row(row: &AnyRow) -> sqlx::Result<Self> {
        Ok(Report {
            id: row.try_get("id")?,
            patient_id: row.try_get("patient_id")?,
            spo2: row.spo2_opt("spo2")?,
            temperature: row.try_get("temperature")?,
            pulse: row.try_get("pulse")?,
            symptoms: row.try_get("symptoms")?,
            feeling: row.try_get("feeling")?,
            source: row.try_get("source")?,
            source_text: row.try_get("source_text")?,
            warned: row.flag("warned")?,
            created_at: row.at("created_at")?,
            completed_at: row.at_opt("completed_at")?,
            harder_to_breathe: row.flag("harder_to_breathe")?,
            asks_to_talk: row.flag("asks_to_talk")?,
            spo2_remeasured: row.spo2_opt("spo2_remeasured")?,
            cannot_eat_or_drink: row.flag("cannot_eat_or_drink")?,
            respiratory_rate: row.try_get("respiratory_rate")?,
            understood: row.try_get("understood")?,
            corrected_at: row.at_opt("corrected_at")?,
        })
    }
}

/// One phrase of a report's words and what it was understood as, for staff.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Understood {
    /// The patient's own words.
    pub text: String,
    /// A concept code of the lexicon (`chest_pain`, `worse`, …).
    pub concept: String,
    pub polarity: crate::domain::lexicon::Polarity,
}

impl Report {
    /// Adds what a message's words were understood as.
    pub fn add_understood(&mut self, findings: &[crate::domain::lexicon::Finding]) {
        if findings.is_empty() {
            return;
        }
        let mut all = self.understood_list();
        all.extend(findings.iter().map(|f| Understood {
            text: f.text.clone(),
            concept: f.concept.code().to_string(),
            polarity: f.polarity,
        }));
        self.understood = serde_json::to_string(&all).ok();
    }

    /// What this report says, as a new report not stored yet (`source`, created `now`): its
    /// words, storage and completion are the new one's own.
    pub fn reopened_as(self, source: &str, now: DateTime<Utc>) -> Report {
        let fresh = Report::new(self.patient_id, source, now);
        Report {
            id: fresh.id,
            source: fresh.source,
            source_text: fresh.source_text,
            warned: fresh.warned,
            created_at: fresh.created_at,
            completed_at: fresh.completed_at,
            understood: fresh.understood,
            corrected_at: fresh.corrected_at,
            ..self
        }
    }

    pub fn understood_list(&self) -> Vec<Understood> {
        self.understood
            .as_deref()
            .and_then(|u| serde_json::from_str(u).ok())
            .unwrap_or_default()
    }
}

impl Report {
    /// The SpO2 that counts: the lower of the reading and its re-measure.
    pub fn counted_spo2(&self) -> Option<Spo2> {
        match (self.spo2, self.spo2_remeasured) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }
}

const COLUMNS: &str = "id, patient_id, spo2, temperature, pulse, symptoms, feeling, source, source_text, warned, created_at, completed_at, harder_to_breathe, asks_to_talk, spo2_remeasured, cannot_eat_or_drink, respiratory_rate, understood, corrected_at";

/// The columns an INSERT gives: what a report says ($1 … $14, see [`bind_fields`]), then the
/// patient, the source and the time.
const INSERTED: &str = "spo2, temperature, pulse, symptoms, feeling, source_text, warned, completed_at,
    harder_to_breathe, asks_to_talk, spo2_remeasured, cannot_eat_or_drink, respiratory_rate, understood,
    patient_id, source, created_at";
/// What a report says, set from $1 … $14 (see [`bind_fields`]).
const UPDATED: &str = "spo2 = $1, temperature = $2, pulse = $3, symptoms = $4, feeling = $5, source_text = $6,
    warned = $7, completed_at = $8, harder_to_breathe = $9, asks_to_talk = $10, spo2_remeasured = $11,
    cannot_eat_or_drink = $12, respiratory_rate = $13, understood = $14";

impl Report {
    /// A report not stored yet (`id` 0): [`store`] inserts it with everything known, in one
    /// statement.
    pub fn new(patient_id: i64, source: &str, now: DateTime<Utc>) -> Report {
        Report {
            id: 0,
            patient_id,
            spo2: None,
            temperature: None,
            pulse: None,
            symptoms: None,
            feeling: None,
            source: source.to_string(),
            source_text: String::new(),
            warned: false,
            created_at: now,
            completed_at: None,
            harder_to_breathe: false,
            asks_to_talk: false,
            spo2_remeasured: None,
            cannot_eat_or_drink: false,
            respiratory_rate: None,
            understood: None,
            corrected_at: None,
        }
    }
}

/// Inserts a new report (setting its `id`) or saves a stored one.
pub async fn store(conn: &mut Conn, r: &mut Report) -> sqlx::Result<()> {
    if r.id != 0 {
        return save(conn, r).await;
    }
    let row = bind_fields(
        sqlx::query(&format!(
            "INSERT INTO reports ({INSERTED}) VALUES ({}) RETURNING id",
            params(17)
        )),
        r,
    )
    .bind(r.patient_id)
    .bind(&r.source)
    .bind(ms(r.created_at))
    .fetch_one(&mut *conn)
    .await?;
    r.id = row.try_get(0)?;
    Ok(())
}

/// A patient's completed reports, oldest first, as [`complete`] read them with the one it stored.
pub struct History {
    pub reports: Vec<Report>,
    /// When the patient's pending timer of the kind [`complete`] was asked about is due
    /// (`Some(None)`: none is pending), where the statement that stored the report read it too;
    /// `None`: not read.
    pub timer_due: Option<Option<i64>>,
}

impl History {
    /// Reports read on their own (no timer read with them).
    pub fn of(reports: Vec<Report>) -> History {
        History {
            reports,
            timer_due: None,
        }
    }
}

/// Stores a completed report (inserting it, setting its `id`, or saving it) and returns the
/// patient's completed reports, oldest first, this one included as stored: what the rules and
/// the release date read, with when the patient's pending timer of `timer_kind` is due (the
/// release date's, which the caller compares with the date the reports give). One round trip.
pub async fn complete(conn: &mut Conn, r: &mut Report, timer_kind: super::timers::TimerKind) -> sqlx::Result<History> {
    let timer = |patient: usize, kind: usize| {
        format!(
            "(SELECT MIN(due_at) FROM timers WHERE patient_id = ${patient} AND kind = ${kind} AND status = 'pending') AS timer_due"
        )
    };
    if Engine::of(conn) == Engine::Sqlite {
        // the write, then every completed report as it now is, the one written marked (one
        // round trip): the fields are $1 … $14, the patient $15, then the source and the time
        // of a new one or the id of a stored one; the timer's kind is the last parameter
        let (write, fresh, kind) = if r.id == 0 {
            (
                format!("INSERT INTO reports ({INSERTED}) VALUES ({})", params(17)),
                "last_insert_rowid()",
                18,
            )
        } else {
            (format!("UPDATE reports SET {UPDATED} WHERE id = $16"), "$16", 17)
        };
        let sql = format!(
            "{write};
             SELECT {COLUMNS}, id = {fresh} AS fresh, {} FROM reports
             WHERE patient_id = $15 AND completed_at IS NOT NULL AND corrected_at IS NULL ORDER BY id",
            timer(15, kind)
        );
        let query = bind_fields(sqlx::query(&sql), r).bind(r.patient_id);
        let query = if r.id == 0 {
            query.bind(&r.source).bind(ms(r.created_at))
        } else {
            query.bind(r.id)
        };
        let rows = query.bind(timer_kind.code()).fetch_all(&mut *conn).await?;
        return history(&rows, Some(r));
    }
    // the stored row from RETURNING, the others as they were (the statement's snapshot does not
    // hold this one's new version): the fields are $1 … $14, the patient $15; the timer's kind
    // is the last parameter
    let others = format!(
        "SELECT 0, {COLUMNS} FROM reports WHERE patient_id = $15 AND completed_at IS NOT NULL AND corrected_at IS NULL"
    );
    let rows = if r.id == 0 {
        let sql = format!(
            "WITH r AS (INSERT INTO reports ({INSERTED}) VALUES ({}) RETURNING {COLUMNS})
             SELECT u.*, {} FROM (SELECT 1 AS fresh, {COLUMNS} FROM r UNION ALL {others}) u ORDER BY id",
            params(17),
            timer(15, 18)
        );
        bind_fields(sqlx::query(&sql), r)
            .bind(r.patient_id)
            .bind(&r.source)
            .bind(ms(r.created_at))
            .bind(timer_kind.code())
            .fetch_all(&mut *conn)
            .await?
    } else {
        let sql = format!(
            "WITH r AS (UPDATE reports SET {UPDATED} WHERE id = $16 RETURNING {COLUMNS})
             SELECT u.*, {} FROM (SELECT 1 AS fresh, {COLUMNS} FROM r UNION ALL {others} AND id <> $16) u ORDER BY id",
            timer(15, 17)
        );
        bind_fields(sqlx::query(&sql), r)
            .bind(r.patient_id)
            .bind(r.id)
            .bind(timer_kind.code())
            .fetch_all(&mut *conn)
            .await?
    };
    history(&rows, Some(r))
}

/// The reports and the timer [`complete`] read; `fresh`: the report whose row is marked as the
/// one it stored, which takes that row's id.
fn history(rows: &[AnyRow], mut fresh: Option<&mut Report>) -> sqlx::Result<History> {
    let mut all = Vec::with_capacity(rows.len());
    let mut timer_due = None;
    for row in rows {
        let report = Report::from_row(row)?;
        if let Some(r) = fresh.as_deref_mut()
            && row.try_get::<i64, _>("fresh")? == 1
        {
            r.id = report.id;
        }
        timer_due = Some(row.try_get::<Option<i64>, _>("timer_due")?);
        all.push(report);
    }
    Ok(History {
        reports: all,
        timer_due,
    })
}

/// `$1, …, $n`.
fn params(n: usize) -> String {
    (1..=n).map(|p| format!("${p}")).collect::<Vec<_>>().join(", ")
}

/// Binds what a report says, as $1 … $14 of [`store`] and [`save`].
fn bind_fields<'q>(q: Query<'q, Any, AnyArguments<'q>>, r: &'q Report) -> Query<'q, Any, AnyArguments<'q>> {
    let percent = |s: Option<Spo2>| s.map(|s| i64::from(s.percent()));
    q.bind(percent(r.spo2))
        .bind(r.temperature)
        .bind(r.pulse)
        .bind(&r.symptoms)
        .bind(&r.feeling)
        .bind(&r.source_text)
        .bind(i64::from(r.warned))
        .bind(r.completed_at.map(ms))
        .bind(i64::from(r.harder_to_breathe))
        .bind(i64::from(r.asks_to_talk))
        .bind(percent(r.spo2_remeasured))
        .bind(i64::from(r.cannot_eat_or_drink))
        .bind(r.respiratory_rate)
        .bind(&r.understood)
}

pub async fn get(conn: &mut Conn, id: i64) -> sqlx::Result<Option<Report>> {
    sqlx::query_as(&format!("SELECT {COLUMNS} FROM reports WHERE id = $1"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await
}

pub async fn save(conn: &mut Conn, r: &Report) -> sqlx::Result<()> {
    bind_fields(sqlx::query(&format!("UPDATE reports SET {UPDATED} WHERE id = $15")), r)
        .bind(r.id)
        .execute(&mut *conn)
        .await
        .map(|_| ())
}

/// Whether the patient completed a report at or after `since`.
pub async fn completed_since(conn: &mut Conn, patient_id: i64, since: DateTime<Utc>) -> sqlx::Result<bool> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM reports WHERE patient_id = $1 AND completed_at >= $2")
        .bind(patient_id)
        .bind(ms(since))
        .fetch_one(&mut *conn)
        .await?;
    Ok(n > 0)
}

/// A patient's reports, newest first.
pub async fn for_patient(conn: &mut Conn, patient_id: i64, limit: i64) -> sqlx::Result<Vec<Report>> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM reports WHERE patient_id = $1 ORDER BY id DESC LIMIT $2"
    ))
    .bind(patient_id)
    .bind(limit)
    .fetch_all(&mut *conn)
    .await
}

/// Every completed report of a patient that the rules read, oldest first (an episode holds a
/// few dozen; one the patient said was misread is not among them).
pub async fn completed(conn: &mut Conn, patient_id: i64) -> sqlx::Result<Vec<Report>> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM reports WHERE patient_id = $1 AND completed_at IS NOT NULL AND corrected_at IS NULL
         ORDER BY id"
    ))
    .bind(patient_id)
    .fetch_all(&mut *conn)
    .await
}

/// The patient's latest completed report that was not set aside, if completed at or after
/// `since` (what "that's wrong" refers to).
pub async fn latest_completed(conn: &mut Conn, patient_id: i64, since: DateTime<Utc>) -> sqlx::Result<Option<Report>> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM reports WHERE patient_id = $1 AND completed_at >= $2 AND corrected_at IS NULL
         ORDER BY id DESC LIMIT 1"
    ))
    .bind(patient_id)
    .bind(ms(since))
    .fetch_optional(&mut *conn)
    .await
}

/// The patient said the report was misread: it is kept for staff, and no rule reads it again.
pub async fn set_aside(conn: &mut Conn, id: i64, now: DateTime<Utc>) -> sqlx::Result<()> {
    sqlx::query("UPDATE reports SET corrected_at = $1 WHERE id = $2")
        .bind(ms(now))
        .bind(id)
        .execute(&mut *conn)
        .await
        .map(|_| ())
}

/// The latest completed report that has no assessment yet (one waiting for its re-measure).
pub async fn awaiting_assessment(conn: &mut Conn, patient_id: i64) -> sqlx::Result<Option<Report>> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM reports r WHERE patient_id = $1 AND completed_at IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM assessments a WHERE a.report_id = r.id)
         ORDER BY id DESC LIMIT 1"
    ))
    .bind(patient_id)
    .fetch_optional(&mut *conn)
    .await
}

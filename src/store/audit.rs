//! The audit log: who read or changed what, and when; for a list or an export, its filter and
//! the patients it returned ("who saw patient X" has an answer); for the command line, the
//! operator. The database refuses to change or delete an entry (triggers), and each entry
//! carries the hash of the one before it, so an entry changed or removed behind the service's
//! back breaks the chain ([`verify`]).

use std::sync::OnceLock;

use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};
use sqlx::Row;

use super::columns::Columns;
use super::{Conn, ms};

/// Who runs this process's command-line actions (`--as` or the OS user); `None` in the server.
static OPERATOR: OnceLock<String> = OnceLock::new();

/// Names the operator of this process's command-line actions (once, at the start).
pub fn set_operator(name: &str) {
    let _ = OPERATOR.set(name.to_string());
}

/// One audited act.
#[derive(Debug, Default)]
pub struct Entry<'a> {
    pub staff_id: Option<i64>,
    pub action: &'a str,
    pub subject: Option<&'a str>,
    /// The reason staff gave for a change.
    pub reason: Option<&'a str>,
    /// A list's or an export's filter.
    pub detail: Option<&'a str>,
    /// The patients a list or an export returned.
    pub patients: &'a [i64],
}

/// The hash of an entry, over the previous entry's hash and every field.
fn hash_of(prev: &str, at: i64, staff_id: Option<i64>, operator: Option<&str>, e: &Entry<'_>) -> String {
    let mut ids = e.patients.to_vec();
    ids.sort_unstable();
    let patients: Vec<String> = ids.iter().map(i64::to_string).collect();
    let fields = [
        prev.to_string(),
        at.to_string(),
        staff_id.map(|s| s.to_string()).unwrap_or_default(),
        operator.unwrap_or_default().to_string(),
        e.action.to_string(),
        e.subject.unwrap_or_default().to_string(),
        e.reason.unwrap_or_default().to_string(),
        e.detail.unwrap_or_default().to_string(),
        patients.join(","),
    ];
    let mut h = Sha256::new();
    for f in fields {
        // length-prefixed: no two different entries hash the same bytes
        h.update((f.len() as u64).to_be_bytes());
        h.update(f.as_bytes());
    }
    format!("{:x}", h.finalize())
}

/// Appends an entry to the chain.
pub async fn record(conn: &mut Conn, e: &Entry<'_>, now: DateTime<Utc>) -> sqlx::Result<()> {
    if conn.backend_name() == "PostgreSQL" {
        // one writer of the chain at a time (SQLite has one writer anyway)
        sqlx::query("SELECT pg_advisory_xact_lock(727001)")
            .execute(&mut *conn)
            .await?;
    }
    let prev: Option<String> = sqlx::query_scalar("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1")
        .fetch_optional(&mut *conn)
        .await?
        .flatten();
    let prev = prev.unwrap_or_default();
    let operator = if e.staff_id.is_none() {
        OPERATOR.get().map(String::as_str)
    } else {
        None
    };
    let at = ms(now);
    let hash = hash_of(&prev, at, e.staff_id, operator, e);
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO audit_log (staff_id, action, subject, reason, at, operator, detail, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(e.staff_id)
    .bind(e.action)
    .bind(e.subject)
    .bind(e.reason)
    .bind(at)
    .bind(operator)
    .bind(e.detail)
    .bind(&prev)
    .bind(&hash)
    .fetch_one(&mut *conn)
    .await?;
    for chunk in e.patients.chunks(500) {
        // the list holds patient ids we read, never input
        let rows: Vec<String> = chunk.iter().map(|p| format!("({id}, {p})")).collect();
        sqlx::query(&format!(
            "INSERT INTO audit_patients (audit_id, patient_id) VALUES {}",
            rows.join(", ")
        ))
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// What [`verify`] found.
#[derive(Debug, PartialEq, Eq)]
pub enum Chain {
    /// Every chained entry follows the one before and hashes to what it says.
    Intact { entries: u64 },
    /// The first entry that does not (changed, or one before it removed).
    BrokenAt { id: i64 },
}

/// Walks the chain in order. Entries from before the chain began (no hash) are skipped.
pub async fn verify(conn: &mut Conn) -> sqlx::Result<Chain> {
    let mut last_id = 0i64;
    let mut prev: Option<String> = None;
    let mut entries = 0u64;
    loop {
        let rows = sqlx::query(
            "SELECT id, staff_id, action, subject, reason, at, operator, detail, prev_hash, hash
             FROM audit_log WHERE id > $1 ORDER BY id LIMIT 1000",
        )
        .bind(last_id)
        .fetch_all(&mut *conn)
        .await?;
        if rows.is_empty() {
            return Ok(Chain::Intact { entries });
        }
        // the patients of the whole page in one read
        let first = last_id;
        let last: i64 = rows.last().map(|r| r.try_get("id")).transpose()?.unwrap_or(first);
        let seen: Vec<(i64, i64)> =
            sqlx::query_as("SELECT audit_id, patient_id FROM audit_patients WHERE audit_id > $1 AND audit_id <= $2")
                .bind(first)
                .bind(last)
                .fetch_all(&mut *conn)
                .await?;
        let mut patients_of: std::collections::HashMap<i64, Vec<i64>> = std::collections::HashMap::new();
        for (audit_id, patient_id) in seen {
            patients_of.entry(audit_id).or_default().push(patient_id);
        }
        for r in &rows {
            let id: i64 = r.try_get("id")?;
            last_id = id;
            let Some(hash) = r.try_get::<Option<String>, _>("hash")? else {
                continue;
            };
            let patients = patients_of.remove(&id).unwrap_or_default();
            let stated_prev: String = r.try_get::<Option<String>, _>("prev_hash")?.unwrap_or_default();
            let action: String = r.try_get("action")?;
            let subject: Option<String> = r.try_get("subject")?;
            let reason: Option<String> = r.try_get("reason")?;
            let detail: Option<String> = r.try_get("detail")?;
            let operator: Option<String> = r.try_get("operator")?;
            let e = Entry {
                staff_id: r.try_get("staff_id")?,
                action: &action,
                subject: subject.as_deref(),
                reason: reason.as_deref(),
                detail: detail.as_deref(),
                patients: &patients,
            };
            let follows = prev.as_ref().is_none_or(|p| *p == stated_prev);
            let at: i64 = r.try_get("at")?;
            if !follows || hash_of(&stated_prev, at, e.staff_id, operator.as_deref(), &e) != hash {
                return Ok(Chain::BrokenAt { id });
            }
            prev = Some(hash);
            entries += 1;
        }
    }
}

/// One line of the audit log as an admin reads it.
#[derive(Debug, Clone)]
pub struct AuditLine {
    pub at: DateTime<Utc>,
    pub staff: Option<String>,
    pub action: String,
    pub subject: Option<String>,
    pub reason: Option<String>,
}

/// Every entry about a patient — their record read, or a list or an export that returned them —
/// oldest first.
pub async fn touching(conn: &mut Conn, patient_id: i64) -> sqlx::Result<Vec<AuditLine>> {
    let rows = sqlx::query(
        "SELECT a.at, COALESCE(s.name, a.operator) AS name, a.action, a.subject, a.reason
         FROM audit_log a LEFT JOIN staff s ON s.id = a.staff_id
         WHERE a.subject = $1 OR a.id IN (SELECT audit_id FROM audit_patients WHERE patient_id = $2)
         ORDER BY a.id",
    )
    .bind(format!("patient:{patient_id}"))
    .bind(patient_id)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter().map(line).collect()
}

fn line(r: &sqlx::any::AnyRow) -> sqlx::Result<AuditLine> {
    Ok(AuditLine {
        at: r.at("at")?,
        staff: r.try_get("name")?,
        action: r.try_get("action")?,
        subject: r.try_get("subject")?,
        reason: r.try_get("reason")?,
    })
}

/// The latest `limit` lines, newest first; `action` narrows to actions starting with it.
pub async fn audit_log(conn: &mut Conn, action: Option<&str>, limit: i64) -> sqlx::Result<Vec<AuditLine>> {
    let rows = sqlx::query(
        "SELECT a.at, COALESCE(s.name, a.operator) AS name, a.action, a.subject, a.reason
         FROM audit_log a LEFT JOIN staff s ON s.id = a.staff_id
         WHERE ($1 IS NULL OR a.action LIKE $1 || '%') ORDER BY a.id DESC LIMIT $2",
    )
    .bind(action)
    .bind(limit)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter().map(line).collect()
}

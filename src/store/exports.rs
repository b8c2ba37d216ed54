//! The records a ward exports for Excel: patients, reports, care requests, oxygen units and
//! station admissions, for a period and an area, read row by row so 100,000 rows never sit in
//! memory at once.

use futures_util::TryStreamExt;
use sqlx::Row;
use sqlx::any::AnyRow;

use super::Conn;

/// How a column's value is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Int,
    /// Milliseconds since the epoch, written in the ward's time zone.
    Time,
    /// A temperature in tenths of a degree.
    Tenths,
    /// A comma-separated list written as `a; b` (symptoms, risk factors).
    List,
}

/// One export: its name, its columns (key, how written) and the query that reads it.
pub struct Export {
    pub name: &'static str,
    pub columns: &'static [(&'static str, Kind)],
    /// `$1`/`$2`: the period (ms, either may be NULL); `$3`: the area (NULL for all).
    sql: &'static str,
}

use Kind::*;

pub const EXPORTS: &[Export] = &[
    Export {
        name: "patients",
        columns: &[
            ("patient_id", Int),
            ("name", Text),
            ("phone", Text),
            ("birth_date", Text),
            ("area", Text),
            ("language", Text),
            ("status", Text),
            ("onset_date", Text),
            ("test_date", Text),
            ("risk_factors", List),
            ("registered_at", Time),
            ("released_at", Time),
        ],
        sql: "SELECT p.id AS patient_id, p.name, p.phone, p.birth_date, p.area, p.language, p.status,
                     p.onset_date, p.test_date, p.risk_factors, p.created_at AS registered_at, p.released_at
              FROM patients p
              WHERE ($1 IS NULL OR p.created_at >= $1) AND ($2 IS NULL OR p.created_at < $2)
                AND ($3 IS NULL OR p.area = $3)
              ORDER BY p.id",
    },
    Export {
        name: "reports",
        columns: &[
            ("report_id", Int),
            ("patient_id", Int),
            ("name", Text),
            ("reported_at", Time),
            ("spo2", Int),
            ("temperature", Tenths),
            ("pulse", Int),
            ("respiratory_rate", Int),
            ("symptoms", List),
            ("feeling", Text),
            ("words", Text),
        ],
        sql: "SELECT r.id AS report_id, r.patient_id, p.name, r.created_at AS reported_at, r.spo2, r.temperature,
                     r.pulse, r.respiratory_rate, r.symptoms, r.feeling, r.source_text AS words
              FROM reports r JOIN patients p ON p.id = r.patient_id
              WHERE r.corrected_at IS NULL
                AND ($1 IS NULL OR r.created_at >= $1) AND ($2 IS NULL OR r.created_at < $2)
                AND ($3 IS NULL OR p.area = $3)
              ORDER BY r.id",
    },
    Export {
        name: "care_requests",
        columns: &[
            ("request_id", Int),
            ("patient_id", Int),
            ("name", Text),
            ("kind", Text),
            ("urgency", Int),
            ("status", Text),
            ("opened_at", Time),
            ("deadline", Time),
            ("provider", Text),
            ("outcome", Text),
            ("closed_reason", Text),
        ],
        sql: "SELECT c.id AS request_id, c.patient_id, p.name, c.kind, c.urgency, c.status, c.created_at AS opened_at,
                     c.target_at AS deadline, v.name AS provider, c.outcome, c.closed_reason
              FROM care_requests c JOIN patients p ON p.id = c.patient_id
                   LEFT JOIN providers v ON v.id = c.provider_id
              WHERE ($1 IS NULL OR c.created_at >= $1) AND ($2 IS NULL OR c.created_at < $2)
                AND ($3 IS NULL OR p.area = $3)
              ORDER BY c.id",
    },
    Export {
        name: "oxygen_units",
        columns: &[
            ("unit_id", Int),
            ("kind", Text),
            ("serial", Text),
            ("state", Text),
            ("patient_id", Int),
            ("name", Text),
            ("updated_at", Time),
        ],
        sql: "SELECT u.id AS unit_id, u.kind, u.serial, u.state, u.patient_id, p.name, u.updated_at
              FROM equipment_units u LEFT JOIN patients p ON p.id = u.patient_id
              WHERE ($1 IS NULL OR u.updated_at >= $1) AND ($2 IS NULL OR u.updated_at < $2)
                AND ($3 IS NULL OR p.area = $3)
              ORDER BY u.id",
    },
    Export {
        name: "admissions",
        columns: &[
            ("admission_id", Int),
            ("patient_id", Int),
            ("name", Text),
            ("station", Text),
            ("bed_kind", Text),
            ("source", Text),
            ("status", Text),
            ("requested_at", Time),
            ("updated_at", Time),
            ("note", Text),
        ],
        sql: "SELECT a.id AS admission_id, a.patient_id, p.name, s.name AS station, a.bed_kind, a.source, a.status,
                     a.created_at AS requested_at, a.updated_at, a.note
              FROM admissions a JOIN patients p ON p.id = a.patient_id JOIN stations s ON s.id = a.station_id
              WHERE ($1 IS NULL OR a.created_at >= $1) AND ($2 IS NULL OR a.created_at < $2)
                AND ($3 IS NULL OR p.area = $3)
              ORDER BY a.id",
    },
];

/// The export called `name`.
pub fn export(name: &str) -> Option<&'static Export> {
    EXPORTS.iter().find(|e| e.name == name)
}

/// Days as the ward counts them (from the first day's midnight to the midnight after the last),
/// in ms; refused when `from` is after `to`.
pub fn period(
    tz: chrono_tz::Tz,
    from: Option<chrono::NaiveDate>,
    to: Option<chrono::NaiveDate>,
) -> Result<(Option<i64>, Option<i64>), &'static str> {
    if let (Some(f), Some(t)) = (from, to)
        && f > t
    {
        return Err("from is after to");
    }
    let midnight = |d: chrono::NaiveDate| {
        d.and_hms_opt(0, 0, 0)
            .and_then(|t| t.and_local_timezone(tz).earliest())
            .map(|t| super::ms(t.with_timezone(&chrono::Utc)))
    };
    Ok((
        from.and_then(midnight),
        to.and_then(|d| d.succ_opt()).and_then(midnight),
    ))
}

/// Which rows: a period (ms, from inclusive, to exclusive) and an area.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub from: Option<i64>,
    pub to: Option<i64>,
    pub area: Option<String>,
}

/// The audit entry of an export: who, which, its filter (`from=… to=… area=…`) and the
/// patients it holds ("who saw patient X" finds it), recorded before a row leaves.
pub async fn audit(
    conn: &mut Conn,
    staff_id: Option<i64>,
    export: &Export,
    filter: &Filter,
    described: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> sqlx::Result<()> {
    let patients: Vec<i64> = sqlx::query_scalar(&format!(
        "SELECT DISTINCT x.patient_id FROM ({}) x WHERE x.patient_id IS NOT NULL ORDER BY x.patient_id",
        export.sql
    ))
    .bind(filter.from)
    .bind(filter.to)
    .bind(filter.area.as_deref())
    .fetch_all(&mut *conn)
    .await?;
    let action = format!("export.{}", export.name);
    let entry = super::audit::Entry {
        staff_id,
        action: &action,
        detail: Some(described),
        patients: &patients,
        ..super::audit::Entry::default()
    };
    super::audit::record(conn, &entry, now).await
}

/// The patients registered, or who reported, since `since` (ms): a FHIR export's batch.
pub async fn patients_active_since(conn: &mut Conn, since: i64) -> sqlx::Result<Vec<i64>> {
    sqlx::query_scalar(
        "SELECT p.id FROM patients p WHERE p.created_at >= $1
            OR EXISTS (SELECT 1 FROM reports r WHERE r.patient_id = p.id AND r.created_at >= $1)
         ORDER BY p.id",
    )
    .bind(since)
    .fetch_all(&mut *conn)
    .await
}

/// A value as read, before it is written.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Text(String),
    Int(i64),
}

/// The rows of `export`, read one at a time as the stream is polled.
pub fn rows<'c>(
    conn: &'c mut Conn,
    export: &'static Export,
    filter: &'c Filter,
) -> impl futures_util::Stream<Item = anyhow::Result<Vec<Value>>> + Send + 'c {
    sqlx::query(export.sql)
        .bind(filter.from)
        .bind(filter.to)
        .bind(filter.area.as_deref())
        .fetch(&mut *conn)
        .map_err(anyhow::Error::from)
        .and_then(move |row| async move { Ok(values(&row, export)?) })
}

fn values(row: &AnyRow, export: &Export) -> sqlx::Result<Vec<Value>> {
    export
        .columns
        .iter()
        .map(|(key, kind)| {
            Ok(match kind {
                Int | Time | Tenths => row.try_get::<Option<i64>, _>(*key)?.map_or(Value::Null, Value::Int),
                Text | List => row.try_get::<Option<String>, _>(*key)?.map_or(Value::Null, Value::Text),
            })
        })
        .collect()
}

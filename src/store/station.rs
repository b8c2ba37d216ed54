//! The oxygen/medical station: its beds and the admissions that hold them. A bed is taken by a
//! conditional update of its row, so it is never given twice; an admission's state decides its
//! bed's ([`AdmissionStatus::bed`]).

use chrono::{DateTime, Utc};

pub use super::MoveError;
use sqlx::any::AnyRow;
use sqlx::{FromRow, Row};

use super::columns::Columns;
use super::{Conn, ms};
use crate::domain::equipment::Refused;
use crate::domain::station::{AdmissionStatus, BedKind, BedState, admission_move};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Station {
    pub id: i64,
    pub name: String,
}

#[derive(Debug, Clone)]
pub struct Bed {
    pub id: i64,
    pub station_id: i64,
    pub kind: BedKind,
    pub label: String,
    pub state: BedState,
    pub admission_id: Option<i64>,
}

impl FromRow<'_, AnyRow> for Bed {
    fn from_row(row: &AnyRow) -> sqlx::Result<Self> {
        Ok(Bed {
            id: row.try_get("id")?,
            station_id: row.try_get("station_id")?,
            kind: row.code("kind")?,
            label: row.try_get("label")?,
            state: row.code("state")?,
            admission_id: row.try_get("admission_id")?,
        })
    }
}

/// Beds of one station, kind and state.
#[derive(Debug, Clone)]
pub struct Occupancy {
    pub station_id: i64,
    pub kind: BedKind,
    pub state: BedState,
    pub beds: i64,
}

impl FromRow<'_, AnyRow> for Occupancy {
    fn from_row(row: &AnyRow) -> sqlx::Result<Self> {
        Ok(Occupancy {
            station_id: row.try_get("station_id")?,
            kind: row.code("kind")?,
            state: row.code("state")?,
            beds: row.try_get("beds")?,
        })
    }
}

/// Creates a station with its beds (labelled O-01…, T-01…); `None` when the name is taken.
pub async fn add(
    conn: &mut Conn,
    name: &str,
    beds: &[(BedKind, u32)],
    now: DateTime<Utc>,
) -> sqlx::Result<Option<i64>> {
    let taken: Option<i64> = sqlx::query_scalar("SELECT id FROM stations WHERE name = $1")
        .bind(name)
        .fetch_optional(&mut *conn)
        .await?;
    if taken.is_some() {
        return Ok(None);
    }
    let id: i64 = sqlx::query_scalar("INSERT INTO stations (name, created_at) VALUES ($1, $2) RETURNING id")
        .bind(name)
        .bind(ms(now))
        .fetch_one(&mut *conn)
        .await?;
    for (kind, n) in beds {
        let prefix = match kind {
            BedKind::Oxygen => "O",
            BedKind::Therapy => "T",
        };
        for i in 1..=*n {
            sqlx::query("INSERT INTO beds (station_id, kind, label, updated_at) VALUES ($1, $2, $3, $4)")
                .bind(id)
                .bind(kind.code())
                .bind(format!("{prefix}-{i:02}"))
                .bind(ms(now))
                .execute(&mut *conn)
                .await?;
        }
    }
    Ok(Some(id))
}

pub async fn list(conn: &mut Conn) -> sqlx::Result<Vec<Station>> {
    sqlx::query_as("SELECT id, name FROM stations ORDER BY id")
        .fetch_all(&mut *conn)
        .await
}

pub async fn get(conn: &mut Conn, id: i64) -> sqlx::Result<Option<Station>> {
    sqlx::query_as("SELECT id, name FROM stations WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await
}

pub async fn occupancy(conn: &mut Conn) -> sqlx::Result<Vec<Occupancy>> {
    sqlx::query_as(
        "SELECT station_id, kind, state, COUNT(*) AS beds FROM beds GROUP BY station_id, kind, state
         ORDER BY station_id, kind, state",
    )
    .fetch_all(&mut *conn)
    .await
}

pub async fn beds(conn: &mut Conn, station_id: i64) -> sqlx::Result<Vec<Bed>> {
    sqlx::query_as(
        "SELECT id, station_id, kind, label, state, admission_id FROM beds WHERE station_id = $1 ORDER BY kind, label",
    )
    .bind(station_id)
    .fetch_all(&mut *conn)
    .await
}

/// Whether a bed of `kind` is free (at `station`, or at any station).
pub async fn bed_free(conn: &mut Conn, station: Option<i64>, kind: BedKind) -> sqlx::Result<bool> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM beds WHERE kind = $1 AND state = 'free' AND ($2 IS NULL OR station_id = $2)",
    )
    .bind(kind.code())
    .bind(station)
    .fetch_one(&mut *conn)
    .await?;
    Ok(n > 0)
}

#[derive(Debug, Clone)]
pub struct Admission {
    pub id: i64,
    pub patient_id: i64,
    pub station_id: i64,
    pub bed_id: i64,
    pub bed_kind: BedKind,
    pub source: String,
    pub status: AdmissionStatus,
    pub care_request_id: Option<i64>,
    pub note: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub pickup_request_id: Option<i64>,
    pub return_request_id: Option<i64>,
}

impl FromRow<'_, AnyRow> for Admission {
    fn from_row(row: &AnyRow) -> sqlx::Result<Self> {
        Ok(Admission {
            id: row.try_get("id")?,
            patient_id: row.try_get("patient_id")?,
            station_id: row.try_get("station_id")?,
            bed_id: row.try_get("bed_id")?,
            bed_kind: row.code("bed_kind")?,
            source: row.try_get("source")?,
            status: row.code("status")?,
            care_request_id: row.try_get("care_request_id")?,
            note: row.try_get("note")?,
            created_at: row.at("created_at")?,
            updated_at: row.at("updated_at")?,
            pickup_request_id: row.try_get("pickup_request_id")?,
            return_request_id: row.try_get("return_request_id")?,
        })
    }
}

const ADMISSION: &str = "SELECT id, patient_id, station_id, bed_id, bed_kind, source, status, care_request_id, note,
        created_at, updated_at, pickup_request_id, return_request_id FROM admissions";

/// Which way a transport job goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leg {
    /// Home → station.
    Pickup,
    /// Station → home.
    Return,
}

impl Leg {
    pub fn code(self) -> &'static str {
        match self {
            Leg::Pickup => "pickup",
            Leg::Return => "return",
        }
    }
}

pub async fn set_transport(conn: &mut Conn, admission_id: i64, leg: Leg, request_id: i64) -> sqlx::Result<()> {
    let sql = match leg {
        Leg::Pickup => "UPDATE admissions SET pickup_request_id = $1 WHERE id = $2",
        Leg::Return => "UPDATE admissions SET return_request_id = $1 WHERE id = $2",
    };
    sqlx::query(sql)
        .bind(request_id)
        .bind(admission_id)
        .execute(&mut *conn)
        .await
        .map(|_| ())
}

/// The admission a transport job belongs to, and which way it goes.
pub async fn by_transport(conn: &mut Conn, request_id: i64) -> sqlx::Result<Option<(Admission, Leg)>> {
    let a: Option<Admission> = sqlx::query_as(&format!(
        "{ADMISSION} WHERE pickup_request_id = $1 OR return_request_id = $1"
    ))
    .bind(request_id)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(a.map(|a| {
        let leg = if a.pickup_request_id == Some(request_id) {
            Leg::Pickup
        } else {
            Leg::Return
        };
        (a, leg)
    }))
}

pub struct NewAdmission<'a> {
    pub patient_id: i64,
    /// A given station, or the first with a free bed.
    pub station_id: Option<i64>,
    pub kind: BedKind,
    pub source: &'a str,
    pub care_request_id: Option<i64>,
    pub note: Option<&'a str>,
}

/// Holds a free bed for a new admission request. `None`: no bed of that kind is free.
pub async fn request(conn: &mut Conn, a: &NewAdmission<'_>, now: DateTime<Utc>) -> sqlx::Result<Option<Admission>> {
    for _ in 0..8 {
        let bed: Option<(i64, i64)> = sqlx::query_as(
            "UPDATE beds SET state = 'held', updated_at = $1
             WHERE id = (SELECT id FROM beds WHERE kind = $2 AND state = 'free' AND ($3 IS NULL OR station_id = $3)
                         ORDER BY station_id, id LIMIT 1)
               AND state = 'free'
             RETURNING id, station_id",
        )
        .bind(ms(now))
        .bind(a.kind.code())
        .bind(a.station_id)
        .fetch_optional(&mut *conn)
        .await?;
        if let Some((bed_id, station_id)) = bed {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO admissions (patient_id, station_id, bed_id, bed_kind, source, care_request_id, note, created_at, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id",
            )
            .bind(a.patient_id)
            .bind(station_id)
            .bind(bed_id)
            .bind(a.kind.code())
            .bind(a.source)
            .bind(a.care_request_id)
            .bind(a.note)
            .bind(ms(now))
            .fetch_one(&mut *conn)
            .await?;
            sqlx::query("UPDATE beds SET admission_id = $1 WHERE id = $2")
                .bind(id)
                .bind(bed_id)
                .execute(&mut *conn)
                .await?;
            return admission(conn, id).await;
        }
        if !bed_free(conn, a.station_id, a.kind).await? {
            return Ok(None);
        }
    }
    Ok(None)
}

pub async fn admission(conn: &mut Conn, id: i64) -> sqlx::Result<Option<Admission>> {
    sqlx::query_as(&format!("{ADMISSION} WHERE id = $1"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await
}

/// Admissions, newest first; only open ones (a bed held or occupied) when `open_only`.
pub async fn admissions(conn: &mut Conn, open_only: bool) -> sqlx::Result<Vec<Admission>> {
    let filter = if open_only {
        "WHERE status IN ('requested', 'accepted', 'admitted', 'treated')"
    } else {
        ""
    };
    sqlx::query_as(&format!("{ADMISSION} {filter} ORDER BY id DESC"))
        .fetch_all(&mut *conn)
        .await
}

/// Every admission of a patient, newest first.
pub async fn admissions_of(conn: &mut Conn, patient_id: i64) -> sqlx::Result<Vec<Admission>> {
    sqlx::query_as(&format!("{ADMISSION} WHERE patient_id = $1 ORDER BY id DESC"))
        .bind(patient_id)
        .fetch_all(&mut *conn)
        .await
}

/// The patient's open admission, if any.
pub async fn open_for(conn: &mut Conn, patient_id: i64) -> sqlx::Result<Option<Admission>> {
    sqlx::query_as(&format!(
        "{ADMISSION} WHERE patient_id = $1 AND status IN ('requested', 'accepted', 'admitted', 'treated') ORDER BY id DESC LIMIT 1"
    ))
    .bind(patient_id)
    .fetch_optional(&mut *conn)
    .await
}

/// Moves an admission (and its bed) if the machine allows it from where it is.
pub async fn move_admission(
    conn: &mut Conn,
    id: i64,
    to: AdmissionStatus,
    note: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Admission, MoveError> {
    let Some(a) = admission(conn, id).await? else {
        return Err(MoveError::Missing);
    };
    let from = a.status;
    admission_move(from, to).map_err(MoveError::Refused)?;
    let moved = sqlx::query(
        "UPDATE admissions SET status = $1, note = COALESCE($2, note), updated_at = $3 WHERE id = $4 AND status = $5",
    )
    .bind(to.code())
    .bind(note)
    .bind(ms(now))
    .bind(id)
    .bind(from.code())
    .execute(&mut *conn)
    .await?
    .rows_affected();
    if moved == 0 {
        return Err(MoveError::Refused(Refused {
            what: "station admission",
            from: "changing",
            to: to.code(),
        }));
    }
    let bed = to.bed();
    sqlx::query(
        "UPDATE beds SET state = $1, admission_id = CASE WHEN $1 = 'free' THEN NULL ELSE admission_id END, updated_at = $2
         WHERE id = $3",
    )
    .bind(bed.code())
    .bind(ms(now))
    .bind(a.bed_id)
    .execute(&mut *conn)
    .await?;
    admission(conn, id).await?.ok_or(MoveError::Missing)
}

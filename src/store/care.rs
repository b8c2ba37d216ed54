//! Assessments and care requests.

use super::sql::LIVE;
use crate::domain::request::RequestStatus;
use chrono::{DateTime, Utc};

use super::equipment::{capacity_of, capacity_sql, route_sql};
use super::offers::Request;
use super::{Conn, Engine, ms};
use crate::domain::triage::{Assessment, Level, Reason, RequestKind};
use sqlx::Arguments;
use sqlx::any::AnyArguments;

async fn insert_assessment(
    conn: &mut Conn,
    patient_id: i64,
    report_id: Option<i64>,
    a: &Assessment,
    now: DateTime<Utc>,
) -> anyhow::Result<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO assessments (patient_id, report_id, level, reasons, ruleset_version, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(patient_id)
    .bind(report_id)
    .bind(a.level.code())
    .bind(serde_json::to_string(&a.reasons)?)
    .bind(&a.ruleset_version)
    .bind(ms(now))
    .fetch_one(&mut *conn)
    .await?)
}

/// What happened to a request the assessment asked for.
#[derive(Debug, Clone)]
pub enum Opened {
    /// A new request: its row as stored.
    New(Request),
    /// One of the same kind was open and is at least as urgent: it was kept as it is.
    Existing(i64),
    /// One of the same kind was open and less urgent: its urgency, target time and reasons
    /// were raised to this assessment's instead (see `care::chain::raised`).
    Raised(i64),
}

impl Opened {
    pub fn id(&self) -> i64 {
        match self {
            Opened::New(r) => r.id,
            Opened::Existing(id) | Opened::Raised(id) => *id,
        }
    }
}

/// A care request an assessment asks for.
pub struct NewRequest<'a> {
    pub patient_id: i64,
    pub assessment_id: Option<i64>,
    pub kind: RequestKind,
    pub level: Level,
    pub target_at: DateTime<Utc>,
    pub reasons: &'a [Reason],
    /// An oxygen request routed as it is opened: the route for every capacity there can be,
    /// indexed by `[bed free][kit in stock]` (see [`super::equipment::route_by_capacity`]); the
    /// database stores the one it sees, and the opened request says which that was.
    pub oxygen_routes: Option<[[&'static str; 2]; 2]>,
}

/// Opens a care request of `kind`, or raises the urgency of the open one of the same kind.
pub async fn open(conn: &mut Conn, r: &NewRequest<'_>, now: DateTime<Utc>) -> anyhow::Result<Opened> {
    let mut opened = open_all(conn, std::slice::from_ref(r), now).await?;
    opened.pop().ok_or_else(|| anyhow::anyhow!("no request opened"))
}

/// [`open`] for several requests, in order: the new ones (the usual case) in one statement.
pub async fn open_all(conn: &mut Conn, all: &[NewRequest<'_>], now: DateTime<Utc>) -> anyhow::Result<Vec<Opened>> {
    let reasons = reasons_of(all)?;
    let mut inserted = Vec::new();
    if !all.is_empty() {
        // $1 is the time; each row's values follow
        let sql = insert_requests(all, None, 2);
        let mut args = AnyArguments::default();
        add(&mut args, ms(now))?;
        bind_requests(&mut args, all, &reasons, true)?;
        inserted = sqlx::query_as_with(&sql, args).fetch_all(&mut *conn).await?;
    }
    settle(conn, all, &reasons, inserted, now).await
}

/// Stores the assessment of a report (`report_id`) and opens (or raises) the care requests it
/// asks for, in order, each given the assessment's id. On PostgreSQL (a data-modifying `WITH`) the
/// assessment and the new requests are one statement.
pub async fn record(
    conn: &mut Conn,
    patient_id: i64,
    report_id: Option<i64>,
    a: &Assessment,
    requests: &mut [NewRequest<'_>],
    now: DateTime<Utc>,
) -> anyhow::Result<Vec<Opened>> {
    if requests.is_empty() || Engine::of(conn) == Engine::Sqlite {
        let id = insert_assessment(conn, patient_id, report_id, a, now).await?;
        requests.iter_mut().for_each(|r| r.assessment_id = Some(id));
        return open_all(conn, requests, now).await;
    }
    let reasons = reasons_of(requests)?;
    // $1 the time, $2–$6 the assessment, then each request's values; one row whatever was
    // inserted (none when every kind was open already), with the assessment's id
    let sql = format!(
        "WITH a AS (INSERT INTO assessments (patient_id, report_id, level, reasons, ruleset_version, created_at)
                    VALUES ($2, $3, $4, $5, $6, $1) RETURNING id),
              r AS ({})
         SELECT (SELECT id FROM a), r.id, r.patient_id, r.kind, r.capacity FROM (SELECT 1 AS one) o LEFT JOIN r ON TRUE",
        insert_requests(requests, Some("(SELECT id FROM a)"), 7)
    );
    let mut args = AnyArguments::default();
    add(&mut args, ms(now))?;
    add(&mut args, patient_id)?;
    add(&mut args, report_id)?;
    add(&mut args, a.level.code())?;
    add(&mut args, serde_json::to_string(&a.reasons)?)?;
    add(&mut args, a.ruleset_version.clone())?;
    bind_requests(&mut args, requests, &reasons, false)?;
    type Row = (i64, Option<i64>, Option<i64>, Option<String>, Option<i64>);
    let rows: Vec<Row> = sqlx::query_as_with(&sql, args).fetch_all(&mut *conn).await?;
    let id = rows
        .first()
        .map(|r| r.0)
        .ok_or_else(|| anyhow::anyhow!("the assessment was not stored"))?;
    requests.iter_mut().for_each(|r| r.assessment_id = Some(id));
    let inserted = rows
        .into_iter()
        .filter_map(|(_, id, patient, kind, capacity)| Some((id?, patient?, kind?, capacity?)))
        .collect();
    settle(conn, requests, &reasons, inserted, now).await
}

/// Adds a value to bind ([`AnyArguments::add`], its error as ours).
fn add<'q, T: 'q + sqlx::Encode<'q, sqlx::Any> + sqlx::Type<sqlx::Any>>(
    args: &mut AnyArguments<'q>,
    value: T,
) -> anyhow::Result<()> {
    args.add(value).map_err(anyhow::Error::msg)
}

fn reasons_of(all: &[NewRequest<'_>]) -> serde_json::Result<Vec<String>> {
    all.iter().map(|r| serde_json::to_string(r.reasons)).collect()
}

/// The INSERT of `all`'s new requests: the time is `$1`, each row's values follow from
/// `$first` on (an oxygen request routed as it is opened with its four routes after them), and
/// each row's assessment is `assessment` (SQL) or bound with its values. One open request of a
/// kind per patient is a unique index (migration 0015): a kind already open, or asked for twice
/// here, is not inserted again. A routed request returns the capacity its route was chosen by
/// (one snapshot for the whole statement on both engines: what is stored is what is
/// returned), -1 for the others.
fn insert_requests(all: &[NewRequest<'_>], assessment: Option<&str>, first: usize) -> String {
    let mut next = first;
    let values = all
        .iter()
        .map(|r| {
            let patient = next;
            next += 1;
            let assessment = match assessment {
                Some(sql) => sql.to_owned(),
                None => {
                    next += 1;
                    format!("${}", next - 1)
                }
            };
            let rest: Vec<String> = (next..next + 4).map(|p| format!("${p}")).collect();
            next += 4;
            let route = match r.oxygen_routes {
                Some(_) => {
                    next += 4;
                    route_sql(next - 4)
                }
                None => "NULL".to_owned(),
            };
            format!("(${patient}, {assessment}, {}, $1, $1, {route})", rest.join(", "))
        })
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "INSERT INTO care_requests (patient_id, assessment_id, kind, urgency, target_at, reasons, created_at, updated_at, route)
         VALUES {values}
         ON CONFLICT (patient_id, kind) WHERE status IN {LIVE} DO NOTHING
         RETURNING id, patient_id, kind,
                   CASE WHEN route IS NULL THEN -1 ELSE {} END AS capacity",
        capacity_sql()
    )
}

/// Binds [`insert_requests`]'s values for `all` (with each one's assessment, or not).
fn bind_requests(
    args: &mut AnyArguments<'_>,
    all: &[NewRequest<'_>],
    reasons: &[String],
    with_assessment: bool,
) -> anyhow::Result<()> {
    for (r, reasons) in all.iter().zip(reasons) {
        add(args, r.patient_id)?;
        if with_assessment {
            add(args, r.assessment_id)?;
        }
        add(args, r.kind.code())?;
        add(args, r.level.rank())?;
        add(args, ms(r.target_at))?;
        add(args, reasons.clone())?;
        for route in r.oxygen_routes.iter().flatten().flatten() {
            add(args, *route)?;
        }
    }
    Ok(())
}

/// What became of each of `all`: the rows `inserted` (id, patient, kind, capacity) are the new
/// ones; a kind that was open already is raised.
async fn settle(
    conn: &mut Conn,
    all: &[NewRequest<'_>],
    reasons: &[String],
    mut inserted: Vec<(i64, i64, String, i64)>,
    now: DateTime<Utc>,
) -> anyhow::Result<Vec<Opened>> {
    let mut out = Vec::with_capacity(all.len());
    for (i, r) in all.iter().enumerate() {
        // each inserted row is the first request of its kind; a second one raises it
        let new = inserted
            .iter()
            .position(|(_, p, k, _)| *p == r.patient_id && k == r.kind.code())
            .map(|at| inserted.swap_remove(at));
        if let Some((id, _, _, capacity)) = new {
            out.push(Opened::New(Request {
                id,
                patient_id: r.patient_id,
                kind: r.kind,
                urgency: r.level,
                status: RequestStatus::Open,
                target_at: r.target_at,
                reasons: reasons[i].clone(),
                chain_step: None,
                created_at: now,
                provider_id: None,
                parent_id: None,
                routed_by: (capacity >= 0).then(|| capacity_of(capacity)),
            }));
        } else {
            out.push(raise(conn, r, &reasons[i], now).await?);
        }
    }
    Ok(out)
}

/// Raises the urgency of the patient's open request of `r`'s kind to `r`'s, if higher.
async fn raise(conn: &mut Conn, r: &NewRequest<'_>, reasons: &str, now: DateTime<Utc>) -> anyhow::Result<Opened> {
    let (id, old_urgency, old_target): (i64, i64, i64) = sqlx::query_as(&format!(
        "SELECT id, urgency, target_at FROM care_requests
         WHERE patient_id = $1 AND kind = $2 AND status IN {LIVE}
         ORDER BY id LIMIT 1"
    ))
    .bind(r.patient_id)
    .bind(r.kind.code())
    .fetch_one(&mut *conn)
    .await?;
    if r.level.rank() > old_urgency {
        sqlx::query(
            "UPDATE care_requests SET urgency = $1, target_at = $2, reasons = $3, assessment_id = $4, updated_at = $5 WHERE id = $6",
        )
        .bind(r.level.rank())
        .bind(ms(r.target_at).min(old_target))
        .bind(reasons)
        .bind(r.assessment_id)
        .bind(ms(now))
        .bind(id)
        .execute(&mut *conn)
        .await?;
        return Ok(Opened::Raised(id));
    }
    Ok(Opened::Existing(id))
}

/// Records where an oxygen request was routed (station, home, hospital).
pub async fn set_route(conn: &mut Conn, request_id: i64, route: &str) -> sqlx::Result<()> {
    sqlx::query("UPDATE care_requests SET route = $1 WHERE id = $2")
        .bind(route)
        .bind(request_id)
        .execute(&mut *conn)
        .await
        .map(|_| ())
}

/// The patient's open request of `kind`, if any (there is at most one: see [`open`]).
pub async fn open_of_kind(conn: &mut Conn, patient_id: i64, kind: RequestKind) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar(&format!(
        "SELECT id FROM care_requests WHERE patient_id = $1 AND kind = $2 AND status IN {LIVE}
         ORDER BY id LIMIT 1"
    ))
    .bind(patient_id)
    .bind(kind.code())
    .fetch_optional(&mut *conn)
    .await
}

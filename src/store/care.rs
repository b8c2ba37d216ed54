//! Assessments and care requests.

use chrono::{DateTime, Utc};

use super::equipment::{capacity_of, capacity_sql, route_sql};
use super::offers::Request;
use super::{Conn, ms};
use crate::domain::triage::{Assessment, Level, Reason, RequestKind};

pub fn urgency(level: Level) -> i64 {
    level as i64
}

/// The level a stored urgency stands for (the inverse of [`urgency`]).
pub fn level(urgency: i64) -> Option<Level> {
    Level::ALL.into_iter().find(|l| *l as i64 == urgency)
}

pub async fn insert_assessment(
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
    /// One of the same kind was open: its urgency was raised (or kept) instead.
    Existing(i64),
}

impl Opened {
    pub fn id(&self) -> i64 {
        match self {
            Opened::New(r) => r.id,
            Opened::Existing(id) => *id,
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
    let reasons = all
        .iter()
        .map(|r| serde_json::to_string(r.reasons))
        .collect::<Result<Vec<_>, _>>()?;
    let mut inserted: Vec<(i64, i64, String, i64)> = Vec::new();
    if !all.is_empty() {
        // $1 is the time; each row's values follow, an oxygen request routed as it is opened
        // with its four routes after them
        let mut next = 2;
        let values = all
            .iter()
            .map(|r| {
                let columns: Vec<String> = (next..next + 6).map(|p| format!("${p}")).collect();
                next += 6;
                let route = match r.oxygen_routes {
                    Some(_) => {
                        next += 4;
                        route_sql(next - 4)
                    }
                    None => "NULL".to_owned(),
                };
                format!("({}, $1, $1, {route})", columns.join(", "))
            })
            .collect::<Vec<_>>()
            .join(", ");
        // one open request of a kind per patient is a unique index (migration 0015): a kind
        // already open, or asked for twice here, is not inserted again. A routed request returns
        // the capacity its route was chosen by (one snapshot for the whole statement on both
        // engines: what is stored is what is returned), -1 for the others.
        let sql = format!(
            "INSERT INTO care_requests (patient_id, assessment_id, kind, urgency, target_at, reasons, created_at, updated_at, route)
             VALUES {values}
             ON CONFLICT (patient_id, kind) WHERE status IN ('open', 'assigned', 'in_progress') DO NOTHING
             RETURNING id, patient_id, kind,
                       CASE WHEN route IS NULL THEN -1 ELSE {} END AS capacity",
            capacity_sql()
        );
        let mut q = sqlx::query_as(&sql).bind(ms(now));
        for (r, reasons) in all.iter().zip(&reasons) {
            q = q
                .bind(r.patient_id)
                .bind(r.assessment_id)
                .bind(r.kind.code())
                .bind(urgency(r.level))
                .bind(ms(r.target_at))
                .bind(reasons);
            for route in r.oxygen_routes.iter().flatten().flatten() {
                q = q.bind(*route);
            }
        }
        inserted = q.fetch_all(&mut *conn).await?;
    }
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
                kind: r.kind.code().to_owned(),
                urgency: urgency(r.level),
                status: "open".to_owned(),
                target_at: ms(r.target_at),
                reasons: reasons[i].clone(),
                chain_step: None,
                created_at: ms(now),
                provider_id: None,
                parent_id: None,
                routed_by: (capacity >= 0).then(|| capacity_of(capacity)),
            }));
        } else {
            out.push(Opened::Existing(raise(conn, r, &reasons[i], now).await?));
        }
    }
    Ok(out)
}

/// Raises the urgency of the patient's open request of `r`'s kind to `r`'s, if higher.
async fn raise(conn: &mut Conn, r: &NewRequest<'_>, reasons: &str, now: DateTime<Utc>) -> anyhow::Result<i64> {
    let (id, old_urgency, old_target): (i64, i64, i64) = sqlx::query_as(
        "SELECT id, urgency, target_at FROM care_requests
         WHERE patient_id = $1 AND kind = $2 AND status IN ('open', 'assigned', 'in_progress')
         ORDER BY id LIMIT 1",
    )
    .bind(r.patient_id)
    .bind(r.kind.code())
    .fetch_one(&mut *conn)
    .await?;
    if urgency(r.level) > old_urgency {
        sqlx::query(
            "UPDATE care_requests SET urgency = $1, target_at = $2, reasons = $3, assessment_id = $4, updated_at = $5 WHERE id = $6",
        )
        .bind(urgency(r.level))
        .bind(ms(r.target_at).min(old_target))
        .bind(reasons)
        .bind(r.assessment_id)
        .bind(ms(now))
        .bind(id)
        .execute(&mut *conn)
        .await?;
    }
    Ok(id)
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
    sqlx::query_scalar(
        "SELECT id FROM care_requests WHERE patient_id = $1 AND kind = $2 AND status IN ('open', 'assigned', 'in_progress')
         ORDER BY id LIMIT 1",
    )
    .bind(patient_id)
    .bind(kind.code())
    .fetch_optional(&mut *conn)
    .await
}

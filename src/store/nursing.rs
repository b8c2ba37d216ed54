//! Nursing plans: what was ordered with a visiting-nursing request, the visit due next and the
//! last one the nurse reported.

use chrono::{DateTime, Utc};
use sqlx::any::AnyRow;
use sqlx::{FromRow, Row};

use super::columns::Columns;
use super::{Conn, ms};
use crate::domain::nursing::NursingPlan;

#[derive(Debug, Clone)]
pub struct PlanRow {
    pub care_request_id: i64,
    pub plan: NursingPlan,
    pub next_due_at: Option<DateTime<Utc>>,
    pub last_visit_at: Option<DateTime<Utc>>,
}

impl FromRow<'_, AnyRow> for PlanRow {
    fn from_row(row: &AnyRow) -> sqlx::Result<Self> {
        Ok(PlanRow {
            care_request_id: row.try_get("care_request_id")?,
            plan: NursingPlan {
                mode: row.code("mode")?,
                every_hours: row.try_get("every_hours")?,
                until: row.at("until_at")?,
            },
            next_due_at: row.at_opt("next_due_at")?,
            last_visit_at: row.at_opt("last_visit_at")?,
        })
    }
}

/// Writes the request's plan (a new one, or the doctor's change of it).
pub async fn save(conn: &mut Conn, request_id: i64, plan: &NursingPlan, now: DateTime<Utc>) -> sqlx::Result<()> {
    let updated =
        sqlx::query("UPDATE nursing_plans SET mode = $1, every_hours = $2, until_at = $3 WHERE care_request_id = $4")
            .bind(plan.mode.code())
            .bind(plan.every_hours)
            .bind(ms(plan.until))
            .bind(request_id)
            .execute(&mut *conn)
            .await?
            .rows_affected();
    if updated == 0 {
        sqlx::query(
            "INSERT INTO nursing_plans (care_request_id, mode, every_hours, until_at, created_at)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(request_id)
        .bind(plan.mode.code())
        .bind(plan.every_hours)
        .bind(ms(plan.until))
        .bind(ms(now))
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

pub async fn get(conn: &mut Conn, request_id: i64) -> sqlx::Result<Option<PlanRow>> {
    sqlx::query_as(
        "SELECT care_request_id, mode, every_hours, until_at, next_due_at, last_visit_at
         FROM nursing_plans WHERE care_request_id = $1",
    )
    .bind(request_id)
    .fetch_optional(&mut *conn)
    .await
}

/// The next visit due (`None`: none before the plan ends); `visited`: a visit was just reported.
pub async fn set_due(
    conn: &mut Conn,
    request_id: i64,
    next: Option<DateTime<Utc>>,
    visited: Option<DateTime<Utc>>,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE nursing_plans SET next_due_at = $1, last_visit_at = COALESCE($2, last_visit_at)
         WHERE care_request_id = $3",
    )
    .bind(next.map(ms))
    .bind(visited.map(ms))
    .bind(request_id)
    .execute(&mut *conn)
    .await
    .map(|_| ())
}

//! Durable timers (docs/ARCHITECTURE.md invariant 4): rows with a `due_at`, claimed by a worker and
//! marked done in the transaction of their effect, so each fires once.

use std::cell::Cell;

use chrono::{DateTime, Utc};

use sqlx::any::AnyRow;
use sqlx::{FromRow, Row};

use super::columns::Columns;
use super::{Conn, Db, Engine, Held, from_ms, ms};

crate::code_enum! {
    /// What a timer is for; its code is what the `timers` table stores.
    pub enum TimerKind {
        /// A regular check-in prompt.
        CheckIn = "check_in",
        /// The extra check-in after a moderate or worse assessment.
        ExtraCheckIn = "extra_check_in",
        /// No answer to a check-in prompt yet: a reminder.
        CheckInReminder = "check_in_reminder",
        /// Still no answer: a staff phone call.
        StaffCall = "check_in_staff_call",
        /// No contact for too long: a home safety check.
        SafetyCheck = "safety_check",
        /// The re-measure prompt's wait.
        Remeasure = "remeasure",
        /// The end of the episode.
        Release = "release",
        /// A care request's chain moves to its next step (`ref_id`: the request).
        Chain = "chain",
        /// An accepted request not reported in time (`ref_id`: the request).
        Overdue = "overdue",
        /// An urgent question asked back goes unanswered (`ref_id`: the question).
        SafetyQuestion = "safety_question",
        /// A visit or call of a nursing plan is due: the nurse is reminded (`ref_id`: the request).
        NursingDue = "nursing_due",
        /// A while after a nursing visit was due: was it reported? (`ref_id`: the request).
        NursingCheck = "nursing_check",
    }
}

tokio::task_local! {
    /// When the earliest timer scheduled in this task since [`take_scheduled`] last looked is
    /// due (ms; `i64::MAX`: none). Only a caller that fires the timers itself watches this.
    static SCHEDULED: Cell<i64>;
}

/// Runs `work` noting when the timers it schedules are due, for [`take_scheduled`]. The
/// simulator runs the timer loop itself: this tells it when a timer is next due without a
/// claim after every step of its clock.
pub async fn watching_scheduled<F: Future>(work: F) -> F::Output {
    SCHEDULED.scope(Cell::new(i64::MAX), work).await
}

/// When the earliest timer scheduled since the last call is due; `None` when none was (or
/// nobody is watching). A scheduled timer whose transaction rolled back still counts: a claim
/// then finds nothing, which costs a statement and changes nothing.
pub fn take_scheduled() -> Option<DateTime<Utc>> {
    SCHEDULED
        .try_with(|earliest| earliest.replace(i64::MAX))
        .ok()
        .filter(|&at| at != i64::MAX)
        .map(from_ms)
}

/// Notes a timer scheduled, for whoever is watching ([`watching_scheduled`]).
pub(super) fn note_scheduled(due: DateTime<Utc>) {
    // (nobody watching: nothing to note)
    let _ = SCHEDULED.try_with(|earliest| earliest.set(earliest.get().min(ms(due))));
}

#[derive(Debug, Clone)]
pub struct Timer {
    pub id: i64,
    /// `None`: a kind this build does not know (one row of it must not stop the others).
    pub kind: Option<TimerKind>,
    pub patient_id: i64,
    pub due_at: DateTime<Utc>,
    /// What the timer is about besides the patient (a care request for chain timers).
    pub ref_id: Option<i64>,
}

impl FromRow<'_, AnyRow> for Timer {
    fn from_row(row: &AnyRow) -> sqlx::Result<Self> {
        Ok(Timer {
            id: row.try_get("id")?,
            kind: TimerKind::from_code(row.try_get("kind")?),
            patient_id: row.try_get("patient_id")?,
            due_at: row.at("due_at")?,
            ref_id: row.try_get("ref_id")?,
        })
    }
}

/// A timer about something of the patient's (`ref_id`, e.g. a care request).
pub async fn schedule_ref(
    conn: &mut Conn,
    kind: TimerKind,
    patient_id: i64,
    ref_id: i64,
    due: DateTime<Utc>,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    note_scheduled(due);
    sqlx::query("INSERT INTO timers (kind, patient_id, ref_id, due_at, created_at) VALUES ($1, $2, $3, $4, $5)")
        .bind(kind.code())
        .bind(patient_id)
        .bind(ref_id)
        .bind(ms(due))
        .bind(ms(now))
        .execute(&mut *conn)
        .await
        .map(|_| ())
}

/// Cancels the pending timers of `kind` about `ref_id`.
pub async fn cancel_ref(conn: &mut Conn, kind: TimerKind, patient_id: i64, ref_id: i64) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE timers SET status = 'cancelled' WHERE patient_id = $1 AND kind = $2 AND ref_id = $3 AND status = 'pending'",
    )
    .bind(patient_id)
    .bind(kind.code())
    .bind(ref_id)
    .execute(&mut *conn)
    .await
    .map(|_| ())
}

/// When the pending timer of `kind` about `ref_id` is due, if there is one.
pub async fn pending_ref_due(
    conn: &mut Conn,
    kind: TimerKind,
    patient_id: i64,
    ref_id: i64,
) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar(
        "SELECT MIN(due_at) FROM timers WHERE patient_id = $1 AND kind = $2 AND ref_id = $3 AND status = 'pending'",
    )
    .bind(patient_id)
    .bind(kind.code())
    .bind(ref_id)
    .fetch_one(&mut *conn)
    .await
}

pub async fn schedule(
    conn: &mut Conn,
    kind: TimerKind,
    patient_id: i64,
    due: DateTime<Utc>,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    schedule_all(conn, patient_id, &[(kind, due)], now).await
}

/// Schedules several timers of a patient in one statement.
pub async fn schedule_all(
    conn: &mut Conn,
    patient_id: i64,
    due: &[(TimerKind, DateTime<Utc>)],
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    if due.is_empty() {
        return Ok(());
    }
    let rows: Vec<String> = (0..due.len())
        .map(|i| format!("(${}, $1, ${}, $2)", 3 + 2 * i, 4 + 2 * i))
        .collect();
    let sql = format!(
        "INSERT INTO timers (kind, patient_id, due_at, created_at) VALUES {}",
        rows.join(", ")
    );
    let mut query = sqlx::query(&sql).bind(patient_id).bind(ms(now));
    for (kind, at) in due {
        note_scheduled(*at);
        query = query.bind(kind.code()).bind(ms(*at));
    }
    query.execute(&mut *conn).await.map(|_| ())
}

pub async fn has_pending(conn: &mut Conn, patient_id: i64, kind: TimerKind) -> sqlx::Result<bool> {
    let n: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM timers WHERE patient_id = $1 AND kind = $2 AND status = 'pending'")
            .bind(patient_id)
            .bind(kind.code())
            .fetch_one(&mut *conn)
            .await?;
    Ok(n > 0)
}

pub async fn cancel(conn: &mut Conn, patient_id: i64, kind: TimerKind) -> sqlx::Result<()> {
    sqlx::query("UPDATE timers SET status = 'cancelled' WHERE patient_id = $1 AND kind = $2 AND status = 'pending'")
        .bind(patient_id)
        .bind(kind.code())
        .execute(&mut *conn)
        .await
        .map(|_| ())
}

/// What a claim took, and when the next timer it left is due.
pub struct Claim {
    /// Oldest due first.
    pub timers: Vec<Timer>,
    /// When the earliest pending timer not leased (by this claim or another) is due: what the
    /// simulator's clock jumps to once what was taken has fired and nothing new came.
    pub next_at: Option<DateTime<Utc>>,
}

/// `instance`: the claiming process (see `instances::beat`); on the connection the timer loop
/// keeps. The next due time comes in the same statement, as a last row without an id.
pub async fn claim_due(
    db: &Db,
    held: &mut Held,
    instance: &str,
    now: DateTime<Utc>,
    lease: chrono::Duration,
    limit: i64,
) -> sqlx::Result<Claim> {
    let _gate = db.gate().await;
    // the due rows picked once (see `Engine::in_subquery`): as a semi-join, PostgreSQL's plan
    // walked every pending timer, one per enrolled patient at least, and looked for due ones
    // again for each (50–130 ms per claim with 15,000 patients)
    let due = format!(
        "SELECT id FROM timers WHERE status = 'pending' AND due_at <= $2 AND claimed_until <= $2
         ORDER BY due_at LIMIT $3 {}",
        db.skip_locked()
    );
    let claim = format!(
        "UPDATE timers {} SET claimed_until = $1, claimed_by = $4
         WHERE {} AND status = 'pending' AND claimed_until <= $2
         RETURNING id, kind, patient_id, due_at, ref_id",
        db.by_id(),
        db.engine.in_subquery("id", &due),
    );
    let next = "SELECT NULL AS id, NULL AS kind, NULL AS patient_id, MIN(due_at) AS due_at, NULL AS ref_id
         FROM timers WHERE status = 'pending' AND claimed_until <= $2";
    let sql = match db.engine {
        // (the claim's own rows are leased once it has run)
        Engine::Sqlite => format!("{claim};\n{next}"),
        // (every part sees the rows as they were before the statement: the claimed ones are
        // left out by id)
        Engine::Postgres => format!(
            "WITH claimed AS ({claim})
             SELECT id, kind, patient_id, due_at, ref_id FROM claimed
             UNION ALL {next} AND id NOT IN (SELECT id FROM claimed)"
        ),
    };
    let rows: Vec<AnyRow> = sqlx::query(&sql)
        .bind(ms(now + lease))
        .bind(ms(now))
        .bind(limit)
        .bind(instance)
        .fetch_all(held.get(&db.relaxed).await?)
        .await?;
    let mut claim = Claim {
        timers: Vec::with_capacity(rows.len()),
        next_at: None,
    };
    for row in &rows {
        match row.try_get::<Option<i64>, _>("id")? {
            Some(_) => claim.timers.push(Timer::from_row(row)?),
            None => claim.next_at = row.at_opt("due_at")?,
        }
    }
    claim.timers.sort_by_key(|t| (t.due_at, t.id));
    Ok(claim)
}

/// Zero rows: fired elsewhere already; the caller rolls back.
pub async fn finish(conn: &mut Conn, id: i64, now: DateTime<Utc>) -> sqlx::Result<u64> {
    Ok(
        sqlx::query("UPDATE timers SET status = 'done', fired_at = $1 WHERE id = $2 AND status = 'pending'")
            .bind(ms(now))
            .bind(id)
            .execute(&mut *conn)
            .await?
            .rows_affected(),
    )
}

/// [`finish`] for several claimed timers in one statement; returns the ids it marked (the others
/// were fired elsewhere already).
pub async fn finish_all(conn: &mut Conn, ids: &[i64], now: DateTime<Utc>) -> sqlx::Result<Vec<i64>> {
    let engine = Engine::of(conn);
    sqlx::query_scalar(&format!(
        "UPDATE timers {} SET status = 'done', fired_at = $1 WHERE {} AND status = 'pending' RETURNING id",
        engine.by_id(),
        engine.in_id_set("id", "$2")
    ))
    .bind(ms(now))
    .bind(engine.id_set(ids))
    .persistent(engine.keeps_id_set_plans())
    .fetch_all(&mut *conn)
    .await
}

/// Cancels every pending timer of a patient (the episode ended).
pub async fn cancel_all(conn: &mut Conn, patient_id: i64) -> sqlx::Result<()> {
    sqlx::query("UPDATE timers SET status = 'cancelled' WHERE patient_id = $1 AND status = 'pending'")
        .bind(patient_id)
        .execute(&mut *conn)
        .await
        .map(|_| ())
}

/// When the pending timer of this kind is due, if there is one.
pub async fn pending_due(conn: &mut Conn, patient_id: i64, kind: TimerKind) -> sqlx::Result<Option<DateTime<Utc>>> {
    let due: Option<i64> =
        sqlx::query_scalar("SELECT MIN(due_at) FROM timers WHERE patient_id = $1 AND kind = $2 AND status = 'pending'")
            .bind(patient_id)
            .bind(kind.code())
            .fetch_one(&mut *conn)
            .await?;
    Ok(due.map(super::from_ms))
}

#[cfg(test)]
mod kind_tests {
    use super::TimerKind;

    #[test]
    fn every_timer_kind_round_trips_through_its_code() {
        for k in TimerKind::ALL {
            assert_eq!(TimerKind::from_code(k.code()), Some(*k));
        }
    }
}

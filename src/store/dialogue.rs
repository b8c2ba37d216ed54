//! A step of a patient's conversation: their dialogue (what the check-in waits on), the timers
//! that wait on their answer and the message that asks, moved together in one statement.

use chrono::{DateTime, Utc};

use super::outbox::Push;
use super::timers::TimerKind;
use super::{Conn, Engine, ms};

/// What a step changes; what it leaves as it is stays `None` or empty.
#[derive(Default)]
pub struct DialogueStep<'a> {
    /// The new dialogue (`Some(None)`: none, the conversation is back at rest).
    pub dialogue: Option<Option<&'a str>>,
    /// The patient's pending timers of these kinds are cancelled.
    pub cancel: &'a [TimerKind],
    /// Then these are scheduled (the cancel does not touch them).
    pub schedule: &'a [(TimerKind, DateTime<Utc>)],
    /// A message queued to the patient's chat with it (the question the step asks).
    pub push: Option<&'a Push>,
}

/// Applies the step in one statement (one round trip), nothing when it changes nothing.
pub async fn step(conn: &mut Conn, patient_id: i64, step: &DialogueStep<'_>, now: DateTime<Utc>) -> sqlx::Result<()> {
    // $1 the patient, then the dialogue, the kinds cancelled, the time and the timers scheduled
    let mut parts = Vec::new();
    let mut next = 2;
    let mut param = || {
        next += 1;
        format!("${}", next - 1)
    };
    if step.dialogue.is_some() {
        parts.push(format!("UPDATE patients SET dialogue = {} WHERE id = $1", param()));
    }
    if !step.cancel.is_empty() {
        let kinds: Vec<String> = step.cancel.iter().map(|_| param()).collect();
        parts.push(format!(
            "UPDATE timers SET status = 'cancelled' WHERE patient_id = $1 AND kind IN ({}) AND status = 'pending'",
            kinds.join(", ")
        ));
    }
    if !step.schedule.is_empty() {
        let now = param();
        let rows: Vec<String> = step
            .schedule
            .iter()
            .map(|_| format!("({}, $1, {}, {now})", param(), param()))
            .collect();
        parts.push(format!(
            "INSERT INTO timers (kind, patient_id, due_at, created_at) VALUES {}",
            rows.join(", ")
        ));
    }
    if step.push.is_some() {
        parts.push(Push::insert(&mut param));
    }
    if parts.is_empty() {
        return Ok(());
    }
    let sql = Engine::of(conn).join_writes(&parts);
    let mut query = sqlx::query(&sql).bind(patient_id);
    if let Some(dialogue) = step.dialogue {
        query = query.bind(dialogue);
    }
    for kind in step.cancel {
        query = query.bind(kind.code());
    }
    if !step.schedule.is_empty() {
        query = query.bind(ms(now));
    }
    for (kind, at) in step.schedule {
        super::timers::note_scheduled(*at);
        query = query.bind(kind.code()).bind(ms(*at));
    }
    if let Some(push) = step.push {
        query = push.bind(query, now);
    }
    query.execute(&mut *conn).await.map(|_| ())
}

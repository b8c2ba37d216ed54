//! The end of home recovery: computed from the ward's criteria after every assessment, fired by
//! a durable timer, or decided by staff. On release the patient is told, check-ins stop and the
//! episode closes.

use crate::domain::enrolment::ChatStatus;
use crate::domain::patient::PatientStatus;
use chrono::{DateTime, NaiveDate, Utc};

use super::context::Ctx;
use crate::channels::OutMessage;
use crate::domain::episode::{Episode, release_at};
use crate::domain::reading::{Feeling, Temperature};
use crate::domain::symptom;
use crate::store::patients::Patient;
use crate::store::reports::Report;
use crate::store::timers::TimerKind;
use crate::store::{Conn, chats, outbox, patients, reports, timers};

pub const RELEASE: TimerKind = TimerKind::Release;

/// Whether report `i` of `all` shows the illness is not over: fever, an urgent symptom,
/// feeling worse, or a common symptom that is new since the report before (docs/TRIAGE.md: symptoms
/// appearing during recovery restart the clock). A cough that lingers while the rest improves
/// does not hold the release back: that is how 症状軽快 is judged.
fn symptomatic(all: &[Report], i: usize) -> bool {
    let r = &all[i];
    let held = |r: &Report| symptom::decode(r.symptoms.as_deref().unwrap_or(""));
    let now = held(r);
    let before = i.checked_sub(1).map(|p| held(&all[p])).unwrap_or_default();
    r.temperature
        .and_then(Temperature::from_tenths)
        .is_some_and(|t| t.tenths() >= 375)
        || now.iter().any(|s| s.is_urgent() || !before.contains(s))
        || r.feeling.as_deref() == Some(Feeling::Worse.code())
        || r.harder_to_breathe
}

/// When this patient's episode ends, as the data stand now.
/// `all`: the patient's completed reports, oldest first.
async fn compute(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    patient: &Patient,
    all: &[Report],
) -> anyhow::Result<Option<DateTime<Utc>>> {
    let tz = ctx.config.timezone;
    let at_day = |r: &Report| r.completed_at.unwrap_or(r.created_at).with_timezone(&tz).date_naive();
    let mut onset = NaiveDate::parse_from_str(&patient.onset_date, "%Y-%m-%d").unwrap_or_default();
    let mut symptomatic_patient = !patient.asymptomatic;
    if !symptomatic_patient && let Some(first) = (0..all.len()).find(|&i| symptomatic(all, i)).map(|i| &all[i]) {
        // symptoms appeared during recovery: the clock restarts from the new onset
        onset = at_day(first);
        symptomatic_patient = true;
        patients::new_onset(conn, patient.id, onset).await?;
    }
    let improved_at = match (0..all.len()).rposition(|i| symptomatic(all, i)) {
        Some(last) => all.get(last + 1),
        None => all.first(),
    }
    .map(|r| r.completed_at.unwrap_or(r.created_at));
    let episode = Episode {
        onset,
        test: patient
            .test_date
            .as_deref()
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
        symptomatic: symptomatic_patient,
        improved_at,
        not_before: patient.release_not_before,
    };
    Ok(release_at(ctx.config.release_criteria, tz, &episode))
}

/// Recomputes the release and (re)schedules its timer.
pub async fn schedule(conn: &mut Conn, ctx: &Ctx<'_>, patient_id: i64) -> anyhow::Result<()> {
    let Some(patient) = patients::get(conn, patient_id).await? else {
        return Ok(());
    };
    let all = reports::completed(conn, patient_id).await?;
    schedule_with(conn, ctx, &patient, &all, None).await
}

/// [`schedule`] with the patient and their completed reports (oldest first) already read, and
/// the pending release timer's due time if it was read with them (`Some(None)`: none pending).
pub async fn schedule_with(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    patient: &Patient,
    all: &[Report],
    pending: Option<Option<i64>>,
) -> anyhow::Result<()> {
    if patient.status != PatientStatus::Active {
        return Ok(());
    }
    let at = compute(conn, ctx, patient, all).await?.map(|at| at.max(ctx.now));
    let pending = match pending {
        Some(due) => due,
        None => timers::pending_due(conn, patient.id, RELEASE)
            .await?
            .map(crate::store::ms),
    };
    if pending == at.map(crate::store::ms) {
        return Ok(()); // unchanged: the usual case
    }
    timers::cancel(conn, patient.id, RELEASE).await?;
    if let Some(at) = at {
        timers::schedule(conn, RELEASE, patient.id, at, ctx.now).await?;
    }
    Ok(())
}

/// The release timer fired: release if the criteria still say so, else schedule again.
pub async fn due(conn: &mut Conn, ctx: &Ctx<'_>, patient: &Patient) -> anyhow::Result<()> {
    if patient.status != PatientStatus::Active {
        return Ok(());
    }
    let all = reports::completed(conn, patient.id).await?;
    match compute(conn, ctx, patient, &all).await? {
        Some(at) if at <= ctx.now => {
            release(conn, ctx, patient, None).await?;
        }
        _ => schedule(conn, ctx, patient.id).await?,
    }
    Ok(())
}

/// Ends the episode now; `staff_note` when staff decided it. False if it had already ended.
pub async fn release(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    patient: &Patient,
    staff_note: Option<&str>,
) -> anyhow::Result<bool> {
    if patients::release(conn, patient.id, staff_note, ctx.now).await? == 0 {
        return Ok(false);
    }
    timers::cancel_all(conn, patient.id).await?;
    // lent equipment is fetched back (after the timers went: its job has a chain timer of its own)
    super::oxygen::end::end_for_patient(conn, ctx, patient.id, "released from home recovery").await?;
    if let Some(chat) = chats::for_patient(conn, patient.id)
        .await?
        .filter(|c| c.status == ChatStatus::Active)
    {
        let lang = super::context::language(Some(patient), chat.language_hint.as_deref());
        let key = if staff_note.is_some() {
            msg!("release-by-staff")
        } else {
            msg!("release-notice")
        };
        let mut args = ctx.phone_args(lang);
        args.push(("name", patient.name.clone().into()));
        let messages = vec![OutMessage::text(ctx.t(lang, key, &args))];
        outbox::enqueue(conn, chat.id, &outbox::Body::Messages { messages }, None, ctx.now).await?;
    }
    Ok(true)
}

/// Staff extend the episode to at least `until`.
pub async fn extend(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    patient_id: i64,
    until: DateTime<Utc>,
    note: &str,
) -> anyhow::Result<bool> {
    if patients::extend(conn, patient_id, until, note).await? == 0 {
        return Ok(false);
    }
    schedule(conn, ctx, patient_id).await?;
    Ok(true)
}

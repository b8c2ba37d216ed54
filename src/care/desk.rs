//! What health-centre staff do by hand, from the API or the console alike: assign a request,
//! move or close it, end or extend an episode. Each checks that the request or patient is in
//! the staff member's areas, changes it, and audits who did what and why, in the caller's
//! transaction. Refusals are values ([`Refused`]) each interface puts in its own words.

use chrono::{DateTime, Utc};

use super::context::Ctx;
use crate::domain::triage::RequestStatus;
use crate::store::staff::{self, Staff};
use crate::store::{Conn, offers, patients, views};

/// Why a staff action was not done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// No such request or patient, or one outside the staff member's areas.
    NotFound,
    /// A reason is required and none was given.
    NoReason,
    /// No active doctor, nurse or pharmacist with this id.
    NoProvider,
    /// The request is closed, or cannot move to that status from where it is.
    NotNow,
    /// The episode has already ended.
    Ended,
    /// A date that is not a day (extending).
    BadDay,
    /// The patient has no chat that can be written to.
    NoChat,
    /// "Assigned" is given to someone: through assign, with the provider.
    NeedsAssignee,
}

fn reason_of(reason: &str) -> Result<&str, Refused> {
    Some(reason.trim()).filter(|r| !r.is_empty()).ok_or(Refused::NoReason)
}

/// The request, if this staff member may see it.
async fn visible_request(conn: &mut Conn, who: &Staff, id: i64) -> anyhow::Result<Option<views::RequestRow>> {
    Ok(views::request(conn, id).await?.filter(|r| who.sees(r.area.as_deref())))
}

/// Staff hand a request to a provider (or to another one), with a reason.
pub async fn assign(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    who: &Staff,
    id: i64,
    provider_id: i64,
    reason: &str,
) -> anyhow::Result<Result<(), Refused>> {
    let Ok(reason) = reason_of(reason) else {
        return Ok(Err(Refused::NoReason));
    };
    let Some(request) = visible_request(conn, who, id).await? else {
        return Ok(Err(Refused::NotFound));
    };
    use super::assign::AssignError;
    match super::assign::staff_assign(conn, ctx, id, provider_id).await? {
        Ok(()) => {}
        Err(AssignError::NoRequest) => return Ok(Err(Refused::NotFound)),
        Err(AssignError::NoProvider) => return Ok(Err(Refused::NoProvider)),
        Err(AssignError::Closed) => return Ok(Err(Refused::NotNow)),
    }
    let action = if request.provider_id.is_some() {
        "care_request.reassign"
    } else {
        "care_request.assign"
    };
    let subject = format!("care_request:{id} provider:{provider_id}");
    staff::audit_why(conn, Some(who.id), action, Some(&subject), Some(reason), ctx.now).await?;
    Ok(Ok(()))
}

/// Moves a request on: assigned, in progress, or closed as done / cancelled (with a reason).
pub async fn move_request(
    conn: &mut Conn,
    who: &Staff,
    id: i64,
    to: RequestStatus,
    reason: &str,
    now: DateTime<Utc>,
) -> anyhow::Result<Result<(), Refused>> {
    // a request marked assigned with nobody named would stop its chain with no one to act and
    // nothing watching it: assigning names the provider
    if to == RequestStatus::Assigned {
        return Ok(Err(Refused::NeedsAssignee));
    }
    let reason = reason.trim();
    if reason.is_empty() {
        return Ok(Err(Refused::NoReason));
    }
    let Some(request) = visible_request(conn, who, id).await? else {
        return Ok(Err(Refused::NotFound));
    };
    if views::move_request(conn, id, to, Some(reason), Some(who.id), now).await? == 0 {
        return Ok(Err(Refused::NotNow));
    }
    if to == RequestStatus::InProgress {
        // staff took it on themselves: its chain stops, and its deadline is watched as a
        // provider's would be (staff are alerted if it is not done by then)
        super::chain::taken_on(conn, &request, now).await?;
    }
    let why = Some(reason);
    if matches!(to, RequestStatus::Done | RequestStatus::Cancelled) {
        offers::withdraw_open(conn, id, now).await?;
    }
    let action = format!("care_request.{}", to.code());
    staff::audit_why(
        conn,
        Some(who.id),
        &action,
        Some(&format!("care_request:{id}")),
        why,
        now,
    )
    .await?;
    Ok(Ok(()))
}

/// How staff change an episode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EpisodeChange {
    End,
    /// The episode lasts at least until the start of this day.
    Extend(chrono::NaiveDate),
    /// Observed by a visiting nurse (`true`) instead of reporting themselves, or back.
    NurseObservation(bool),
}

/// Staff end or extend a patient's episode, with a reason the patient's record keeps.
pub async fn change_episode(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    who: &Staff,
    patient_id: i64,
    change: EpisodeChange,
    reason: &str,
) -> anyhow::Result<Result<(), Refused>> {
    let Ok(reason) = reason_of(reason) else {
        return Ok(Err(Refused::NoReason));
    };
    let Some(patient) = patients::get(conn, patient_id)
        .await?
        .filter(|p| who.sees(p.area.as_deref()))
    else {
        return Ok(Err(Refused::NotFound));
    };
    let (done, action) = match change {
        EpisodeChange::End => (
            super::release::release(conn, ctx, &patient, Some(reason)).await?,
            "episode.end",
        ),
        EpisodeChange::Extend(day) => {
            let Some(until) = crate::domain::episode::start_of_day(day, ctx.config.timezone) else {
                return Ok(Err(Refused::BadDay));
            };
            (
                super::release::extend(conn, ctx, patient_id, until, reason).await?,
                "episode.extend",
            )
        }
        EpisodeChange::NurseObservation(on) => (
            super::nursing::observe_by_nurse(conn, ctx, &patient, on).await? > 0,
            if on {
                "episode.nurse_observation"
            } else {
                "episode.self_report"
            },
        ),
    };
    if !done {
        return Ok(Err(Refused::Ended));
    }
    staff::audit_why(
        conn,
        Some(who.id),
        action,
        Some(&format!("patient:{patient_id}")),
        Some(reason),
        ctx.now,
    )
    .await?;
    Ok(Ok(()))
}

/// Staff write down what they did or found on a request.
pub async fn note(
    conn: &mut Conn,
    who: &Staff,
    request_id: i64,
    text: &str,
    now: DateTime<Utc>,
) -> anyhow::Result<Result<(), Refused>> {
    let Ok(text) = reason_of(text) else {
        return Ok(Err(Refused::NoReason));
    };
    if visible_request(conn, who, request_id).await?.is_none() {
        return Ok(Err(Refused::NotFound));
    }
    crate::store::notes::add(conn, request_id, who.id, text, now).await?;
    staff::audit(
        conn,
        Some(who.id),
        "care_request.note",
        Some(&format!("care_request:{request_id}")),
        now,
    )
    .await?;
    Ok(Ok(()))
}

/// The alert, if this staff member may see it (an alert about a patient follows the patient's
/// area; one about no patient is everyone's).
async fn visible_alert(conn: &mut Conn, who: &Staff, id: i64) -> anyhow::Result<Option<crate::store::alerts::Alert>> {
    Ok(crate::store::alerts::get(conn, id)
        .await?
        .filter(|a| a.patient_id.is_none() || who.sees(a.area.as_deref())))
}

/// "I'm on it": the alert is taken, for everyone.
pub async fn acknowledge_alert(
    conn: &mut Conn,
    who: &Staff,
    id: i64,
    now: DateTime<Utc>,
) -> anyhow::Result<Result<(), Refused>> {
    if visible_alert(conn, who, id).await?.is_none() {
        return Ok(Err(Refused::NotFound));
    }
    if crate::store::alerts::acknowledge(conn, id, who.id, now).await? == 0 {
        return Ok(Err(Refused::NotNow));
    }
    staff::audit(
        conn,
        Some(who.id),
        "alert.acknowledge",
        Some(&format!("alert:{id}")),
        now,
    )
    .await?;
    Ok(Ok(()))
}

/// The alert is dealt with: resolved with a note saying how.
pub async fn resolve_alert(
    conn: &mut Conn,
    who: &Staff,
    id: i64,
    note: &str,
    now: DateTime<Utc>,
) -> anyhow::Result<Result<(), Refused>> {
    let Ok(note) = reason_of(note) else {
        return Ok(Err(Refused::NoReason));
    };
    if visible_alert(conn, who, id).await?.is_none() {
        return Ok(Err(Refused::NotFound));
    }
    if crate::store::alerts::resolve(conn, id, who.id, note, now).await? == 0 {
        return Ok(Err(Refused::NotNow));
    }
    staff::audit_why(
        conn,
        Some(who.id),
        "alert.resolve",
        Some(&format!("alert:{id}")),
        Some(note),
        now,
    )
    .await?;
    Ok(Ok(()))
}

/// Staff write to a patient: sent through the outbox to the patient's chat. Refused when the
/// patient has no reachable chat (the page says to call instead).
pub async fn message_patient(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    who: &Staff,
    patient_id: i64,
    text: &str,
) -> anyhow::Result<Result<(), Refused>> {
    let Ok(text) = reason_of(text) else {
        return Ok(Err(Refused::NoReason));
    };
    if patients::get(conn, patient_id)
        .await?
        .filter(|p| who.sees(p.area.as_deref()))
        .is_none()
    {
        return Ok(Err(Refused::NotFound));
    }
    let Some(chat) = crate::store::chats::for_patient(conn, patient_id)
        .await?
        .filter(|c| c.status == crate::domain::enrolment::ChatStatus::Active)
    else {
        return Ok(Err(Refused::NoChat));
    };
    let message = crate::channels::OutMessage::text(text.to_string());
    super::context::push(conn, ctx, chat.id, vec![message]).await?;
    staff::audit(
        conn,
        Some(who.id),
        "patient.message",
        Some(&format!("patient:{patient_id}")),
        ctx.now,
    )
    .await?;
    Ok(Ok(()))
}

/// Staff open a request by hand (a call from the family, a doctor's word): it is offered along
/// its chain as one an assessment opened, with the staff member's reason as its reason.
pub async fn open_request(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    who: &Staff,
    patient_id: i64,
    kind: crate::domain::triage::RequestKind,
    level: crate::domain::triage::Level,
    reason: &str,
) -> anyhow::Result<Result<i64, Refused>> {
    let Ok(reason) = reason_of(reason) else {
        return Ok(Err(Refused::NoReason));
    };
    let Some(patient) = patients::get(conn, patient_id)
        .await?
        .filter(|p| who.sees(p.area.as_deref()))
    else {
        return Ok(Err(Refused::NotFound));
    };
    if patient.status != crate::domain::patient::PatientStatus::Active {
        return Ok(Err(Refused::Ended));
    }
    let reasons = [crate::domain::triage::Reason::new(
        level,
        crate::msg!("reason-staff"),
        &[("staff", who.name.clone()), ("reason", reason.to_string())],
    )];
    let hours = if level >= crate::domain::triage::Level::Urgent {
        1
    } else {
        4
    };
    let new = crate::store::care::NewRequest {
        patient_id,
        assessment_id: None,
        kind,
        level,
        target_at: ctx.now + chrono::Duration::hours(hours),
        reasons: &reasons,
        oxygen_routes: None,
    };
    let opened = crate::store::care::open(conn, &new, ctx.now).await?;
    if let crate::store::care::Opened::New(request) = &opened {
        super::offering::start(conn, ctx, request, Some(&patient)).await?;
    }
    staff::audit_why(
        conn,
        Some(who.id),
        "care_request.open",
        Some(&format!("care_request:{}", opened.id())),
        Some(reason),
        ctx.now,
    )
    .await?;
    Ok(Ok(opened.id()))
}

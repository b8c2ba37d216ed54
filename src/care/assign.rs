//! Staff assigning a request to a provider by hand, or reassigning it.

use super::context::Ctx;
use super::offering::notify_provider;
use crate::domain::chain::OfferStatus;
use crate::domain::enrolment::ChatStatus;
use crate::domain::roster::ProviderStatus;
use crate::store::offers::{self};
use crate::store::providers::{self};
use crate::store::{Conn, chats, patients};

/// Why staff could not assign a request.
#[derive(Debug, PartialEq, Eq)]
pub enum AssignError {
    NoRequest,
    Closed,
    NoProvider,
}

/// Staff assign (or reassign) a request to a provider by hand: open offers are withdrawn, a
/// previous assignee is told it moved, and the new one gets it as if they had accepted.
pub async fn staff_assign(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    request_id: i64,
    provider_id: i64,
) -> anyhow::Result<Result<(), AssignError>> {
    assign_to(conn, ctx, request_id, provider_id, true).await
}

/// [`staff_assign`]; `tell_previous`: false when the previous holder is the one handing it on
/// (the support centre giving a visit to a doctor), who is answered directly.
pub(crate) async fn assign_to(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    request_id: i64,
    provider_id: i64,
    tell_previous: bool,
) -> anyhow::Result<Result<(), AssignError>> {
    let Some(request) = offers::request(conn, request_id).await? else {
        return Ok(Err(AssignError::NoRequest));
    };
    // jobs go to contractors, care to clinicians
    let job = request.kind.is_job();
    let Some(provider) = providers::get(conn, provider_id)
        .await?
        .filter(|p| p.status == ProviderStatus::Active && (p.role == "contractor") == job)
    else {
        return Ok(Err(AssignError::NoProvider));
    };
    if offers::reassign(conn, request.id, provider.id, ctx.now).await? == 0 {
        return Ok(Err(AssignError::Closed));
    }
    for offer in offers::open_for(conn, request.id).await? {
        offers::answer(conn, offer.id, OfferStatus::Withdrawn, ctx.now).await?;
    }
    offers::record_assignment(conn, request.id, provider.id, request.chain_step.unwrap_or(-1), ctx.now).await?;
    if let Some(previous) = request.provider_id.filter(|p| tell_previous && *p != provider.id) {
        let patient = patients::get(conn, request.patient_id).await?;
        let name = patient.map(|p| p.name).unwrap_or_default();
        notify_provider(conn, ctx, previous, |l| {
            ctx.t(l, msg!("request-reassigned"), &[("name", name.clone().into())])
        })
        .await?;
    }
    let chat = chats::for_provider(conn, provider.id)
        .await?
        .filter(|c| c.status == ChatStatus::Active);
    let lang = super::context::provider_language(&provider, chat.as_ref().and_then(|c| c.language_hint.as_deref()));
    if let Some(message) = super::chain::handed_over(conn, ctx, &request, &provider, lang).await?
        && let Some(chat) = chat
    {
        super::context::push(conn, ctx, chat.id, vec![message]).await?;
    }
    Ok(Ok(()))
}

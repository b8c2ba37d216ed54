//! A provider's chat: the doctor, nurse, pharmacist or contractor who takes care requests.
//! Offers with Accept / Decline buttons and outcome reports arrive here (escalation chains);
//! until one is open, the provider is told what the chat is for.

use crate::care::context::Ctx;
use crate::channels::{Inbound, InboundKind, OutMessage};
use crate::store::providers::{self};
use crate::store::{Conn, offers};

/// One event from a provider's chat (blocking and reachability are handled by the caller, as
/// for patients).
pub async fn handle(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    provider_id: i64,
    hint: Option<&str>,
    inbound: &Inbound,
) -> anyhow::Result<Vec<OutMessage>> {
    let Some(provider) = providers::get(conn, provider_id).await? else {
        anyhow::bail!("chat bound to a missing provider");
    };
    let lang = crate::care::context::provider_language(&provider, hint);
    let reader = super::language::Reader::Provider(provider.id);
    if let InboundKind::Choice { data, .. } = &inbound.kind {
        if let Some(messages) = super::language::on_choice(conn, ctx, lang, reader, data).await? {
            return Ok(messages);
        }
        if let Some(messages) = super::provider_menu::on_choice(conn, ctx, &provider, lang, data).await? {
            return Ok(messages);
        }
        if let Some((offer_id, accept)) = parse_offer_choice(data) {
            return crate::care::chain::answer(conn, ctx, &provider, lang, offer_id, accept).await;
        }
        if let Some((request_id, code)) = parse_outcome_choice(data) {
            return crate::care::outcome::outcome(conn, ctx, &provider, lang, request_id, code).await;
        }
        if let Some(request_id) = data.strip_prefix("consult:").and_then(|id| id.parse().ok()) {
            return crate::care::outcome::consult(conn, ctx, &provider, lang, request_id).await;
        }
        if let Some(messages) = crate::care::nursing::plan_button(conn, ctx, &provider, lang, data).await? {
            return Ok(messages);
        }
        if let Some(messages) = crate::care::coordination::button(conn, ctx, &provider, lang, data).await? {
            return Ok(messages);
        }
        if data.starts_with("o2:") {
            return crate::care::oxygen::order::order_from_chat(conn, ctx, &provider, lang, data).await;
        }
        if let Some(messages) = crate::care::oxygen::order::doctor_button(conn, ctx, &provider, lang, data).await? {
            return Ok(messages);
        }
    }
    if let InboundKind::Text(text) = &inbound.kind {
        let command = ctx.config.lexicons.command(text);
        if command == Some(crate::domain::lexicon::Command::Language) {
            return Ok(vec![super::language::menu(ctx, lang, reader, 0)]);
        }
        if let Some(data) = super::menus::command_data(super::menus::Audience::Provider, text) {
            if let Some(messages) = super::language::on_choice(conn, ctx, lang, reader, data).await? {
                return Ok(messages);
            }
            if let Some(messages) = super::provider_menu::on_choice(conn, ctx, &provider, lang, data).await? {
                return Ok(messages);
            }
        }
        // a doctor's typed oxygen order ("cylinder 2.5") after "Oxygen needed"
        if let Some(messages) = crate::care::oxygen::order::order_from_text(conn, ctx, &provider, lang, text).await? {
            return Ok(messages);
        }
        // a visiting nurse's observation of the patient they hold
        if let Some(messages) = super::nurse::observation(conn, ctx, &provider, lang, text).await? {
            return Ok(messages);
        }
        // a free note for the outcome just reported
        let since = ctx.now - chrono::Duration::hours(24);
        if let Some(request_id) = offers::awaiting_note(conn, provider.id, since).await? {
            offers::set_note(conn, request_id, text.trim()).await?;
            return Ok(vec![OutMessage::text(ctx.t(lang, msg!("outcome-note-saved"), &[]))]);
        }
    }
    Ok(match &inbound.kind {
        InboundKind::Blocked => vec![],
        InboundKind::Unsupported => vec![OutMessage::text(ctx.t(lang, msg!("text-only"), &[]))],
        _ => vec![OutMessage::text(ctx.t(
            lang,
            msg!("provider-idle"),
            &[("name", provider.name.clone().into())],
        ))],
    })
}

/// "outcome:12:visited" (the accepted request's outcome buttons).
fn parse_outcome_choice(data: &str) -> Option<(i64, &str)> {
    let (id, code) = data.strip_prefix("outcome:")?.split_once(':')?;
    Some((id.parse().ok()?, code))
}

/// "offer:12:accept" / "offer:12:decline" (the offer's buttons).
fn parse_offer_choice(data: &str) -> Option<(i64, bool)> {
    let rest = data.strip_prefix("offer:")?;
    let (id, answer) = rest.split_once(':')?;
    let accept = match answer {
        "accept" => true,
        "decline" => false,
        _ => return None,
    };
    Some((id.parse().ok()?, accept))
}

#[cfg(test)]
mod tests {
    #[test]
    fn offer_buttons_parse() {
        assert_eq!(super::parse_offer_choice("offer:12:accept"), Some((12, true)));
        assert_eq!(super::parse_offer_choice("offer:7:decline"), Some((7, false)));
        assert_eq!(super::parse_offer_choice("offer:x:accept"), None);
        assert_eq!(super::parse_offer_choice("offer:1:maybe"), None);
        assert_eq!(super::parse_offer_choice("spo2:95"), None);
        assert_eq!(super::parse_outcome_choice("outcome:3:visited"), Some((3, "visited")));
        assert_eq!(super::parse_outcome_choice("outcome:x:visited"), None);
    }
}

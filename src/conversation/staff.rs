//! A staff member's chat: pages arrive with an "I'm on it" button; pressing it takes the alert
//! for everyone (the first press stands, a later one is told who has it).

use crate::care::context::Ctx;
use crate::care::desk::{self, Refused};
use crate::channels::{InboundKind, OutMessage};
use crate::store::{Conn, alerts, staff};

pub async fn handle(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    staff_id: i64,
    hint: Option<&str>,
    kind: &InboundKind,
) -> anyhow::Result<Vec<OutMessage>> {
    let lang = crate::care::context::staff_language(hint);
    let say = |key: &str| vec![OutMessage::text(ctx.t(lang, key, &[]))];
    let Some(member) = staff::get(conn, staff_id).await? else {
        return Ok(vec![]);
    };
    let InboundKind::Choice { data, .. } = kind else {
        return Ok(say(msg!("staff-chat-help")));
    };
    let Some(id) = data.strip_prefix("ack:").and_then(|id| id.parse::<i64>().ok()) else {
        return Ok(say(msg!("staff-chat-help")));
    };
    if !member.role.allows(crate::domain::access::Action::ActOnRequests) {
        return Ok(say(msg!("staff-ack-not-allowed")));
    }
    match desk::acknowledge_alert(conn, &member, id, ctx.now).await? {
        Ok(()) => Ok(say(msg!("staff-ack-done"))),
        Err(Refused::NotNow) => {
            let by = alerts::get(conn, id)
                .await?
                .and_then(|a| a.acknowledged_by)
                .unwrap_or_default();
            Ok(vec![OutMessage::text(ctx.t(
                lang,
                msg!("staff-ack-taken"),
                &[("name", by.into())],
            ))])
        }
        Err(_) => Ok(say(msg!("staff-ack-not-allowed"))),
    }
}

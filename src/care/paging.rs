//! Paging: an alert reaches a person even when nobody is looking at the console. A new alert is
//! sent to the chats of the staff on duty in the current shift who are first in the escalation
//! order, with an "I'm on it" button. An alert that cannot wait (an emergency, a request nobody
//! accepted or that is overdue, an unanswered urgent question) and that nobody has taken is
//! sent again after `MIMAMORI_PAGE_REPEAT_MINUTES`, and then, round by round, also to the next
//! in the escalation order, as a pager does. Each round is claimed on the alert's row and its
//! messages go out with that commit, so every instance pages each round once.

use super::context::{Ctx, push};
use crate::channels::{Choice, OutMessage};
use crate::i18n::Lang;
use crate::store::Conn;
use crate::store::alerts::{self, DuePage};
use crate::store::staff::{self, OnDuty};

/// The alerts that are sent again until someone takes them.
pub const CANNOT_WAIT: &[&str] = &[
    "emergency",
    "chain_exhausted",
    "request_overdue",
    "request_raised",
    "safety_question_unanswered",
    "safety_check",
];

/// Who a round goes to: round 0 and 1 (the repeat) the first in the escalation order; each
/// later round one more step of the order. Everyone already paged is paged again.
pub fn recipients(on_duty: &[OnDuty], round: i64) -> Vec<&OnDuty> {
    let mut orders: Vec<i64> = on_duty.iter().map(|d| d.order).collect();
    orders.dedup();
    let steps = usize::try_from(round.max(1)).unwrap_or(1);
    let reach = orders.get(steps.min(orders.len()).saturating_sub(1)).copied();
    match reach {
        Some(last) => on_duty.iter().filter(|d| d.order <= last).collect(),
        None => vec![],
    }
}

/// Sends the page rounds that are due; returns how many alerts were paged.
pub async fn page_due(conn: &mut Conn, ctx: &Ctx<'_>) -> anyhow::Result<usize> {
    let again_before = ctx.now - ctx.config.page_repeat;
    let due = alerts::due_pages(conn, CANNOT_WAIT, again_before, 500).await?;
    if due.is_empty() {
        return Ok(0);
    }
    let local = ctx.now.with_timezone(&ctx.config.timezone).naive_local();
    let shift = ctx.config.service_hours.shift(local);
    let on_duty = staff::on_duty(conn, shift.code()).await?;
    if on_duty.is_empty() {
        // nobody to page: the rounds pass in one statement (the console shows the alerts)
        tracing::warn!(alerts = due.len(), "alerts due for paging, no one on duty can be paged");
        let ids: Vec<i64> = due.iter().map(|p| p.alert.id).collect();
        alerts::pass_rounds(conn, &ids, ctx.now).await?;
        return Ok(due.len());
    }
    let mut paged = 0;
    for page in &due {
        if alerts::claim_page(conn, page.alert.id, page.round, ctx.now).await? == 0 {
            continue;
        }
        let round = page.round.map_or(0, |r| r + 1);
        let to: Vec<&OnDuty> = recipients(&on_duty, round)
            .into_iter()
            .filter(|d| page.alert.patient_id.is_none() || d.staff.sees(page.alert.area.as_deref()))
            .collect();
        if to.is_empty() {
            tracing::warn!(alert_id = page.alert.id, round, "no one on duty can be paged");
        }
        for d in to {
            let lang = crate::care::context::staff_language(d.language_hint.as_deref());
            push(conn, ctx, d.chat_id, vec![message(ctx, lang, page, round)]).await?;
        }
        paged += 1;
    }
    Ok(paged)
}

fn message(ctx: &Ctx<'_>, lang: Lang, page: &DuePage, round: i64) -> OutMessage {
    let a = &page.alert;
    let what = ctx.t(lang, &format!("console-alert-{}", a.kind), &[]);
    let mut lines = vec![ctx.t(lang, msg!("staff-page"), &[("what", what.into())])];
    if let Some(name) = &a.patient_name {
        lines.push(ctx.t(
            lang,
            msg!("staff-page-patient"),
            &[
                ("patient", name.clone().into()),
                ("phone", a.patient_phone.clone().unwrap_or_default().into()),
            ],
        ));
    }
    if round > 0 {
        lines.push(ctx.t(lang, msg!("staff-page-again"), &[]));
    }
    let text = lines.join("\n");
    OutMessage {
        text,
        choices: vec![Choice {
            label: ctx.t(lang, msg!("staff-page-ack"), &[]),
            data: format!("ack:{}", a.id),
        }],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::access::Role;
    use crate::store::staff::Staff;

    fn duty(id: i64, order: i64) -> OnDuty {
        OnDuty {
            staff: Staff {
                id,
                name: format!("s{id}"),
                role: Role::Staff,
                login: None,
                areas: None,
            },
            order,
            chat_id: id,
            language_hint: None,
        }
    }

    #[test]
    fn the_first_in_order_are_paged_then_paged_again_then_the_next_join() {
        let roster = [duty(1, 1), duty(2, 1), duty(3, 2), duty(4, 3)];
        let ids = |round| {
            recipients(&roster, round)
                .iter()
                .map(|d| d.staff.id)
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(0), vec![1, 2], "round 0: everyone first in order");
        assert_eq!(ids(1), vec![1, 2], "round 1: sent again");
        assert_eq!(ids(2), vec![1, 2, 3], "round 2: the next in order too");
        assert_eq!(ids(3), vec![1, 2, 3, 4]);
        assert_eq!(ids(9), vec![1, 2, 3, 4], "the whole roster, again and again");
        assert!(recipients(&[], 0).is_empty());
    }
}

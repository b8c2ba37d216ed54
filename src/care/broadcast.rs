//! Staff broadcasting a notice: composed as a draft (who would get it, in which language, is
//! shown first), sent now or at a time — with a second member of staff's approval over the
//! threshold — and cancelled at any moment. The recipient list is frozen when it starts; the
//! broadcaster (runtime) sends the copies. Every step is audited.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use super::context::Ctx;
use crate::channels::{Choice, OutMessage};
use crate::domain::broadcast::{BroadcastStatus, Candidate, Segment, missing_languages, text_for};
use crate::i18n::Lang;
use crate::store::Conn;
use crate::store::broadcasts::{self, Broadcast, NewBroadcast};
use crate::store::staff::{self, Staff};

/// Why a broadcast step was refused.
#[derive(Debug, PartialEq, Eq)]
pub enum Refused {
    NotFound,
    /// No title or no text.
    Empty,
    /// Recipients use these languages and no text or fallback covers them.
    MissingText(Vec<String>),
    /// Not in a state this step applies to.
    NotNow,
    /// The author cannot approve their own broadcast.
    OwnApproval,
    /// Areas outside the staff member's own.
    OutsideAreas,
    /// LINE's monthly quota does not hold the LINE copies.
    OverQuota(QuotaCheck),
}

/// LINE's monthly quota as LINE said it just before the step (asked outside any transaction):
/// `None` for a plan without limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineQuota {
    /// LINE could not be asked.
    Unknown,
    Known {
        limit: Option<i64>,
        used: i64,
    },
}

/// Asks LINE for its quota (outside any transaction: it is a call over the network); `None`
/// when LINE is not configured.
pub async fn line_quota(line: Option<&crate::channels::line::LineClient>) -> Option<LineQuota> {
    let line = line?;
    Some(match line.quota().await {
        Some((limit, used)) => LineQuota::Known { limit, used },
        None => LineQuota::Unknown,
    })
}

/// Whether the LINE copies fit the month's quota (`fits`: `None` when LINE could not be asked).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuotaCheck {
    pub limit: Option<i64>,
    pub used: Option<i64>,
    pub needed: i64,
    pub fits: Option<bool>,
}

/// Who would get a broadcast now: how many, in which language and on which platform.
#[derive(Debug, Clone, Default)]
pub struct Preview {
    pub total: usize,
    pub by_language: BTreeMap<String, usize>,
    pub by_platform: BTreeMap<String, usize>,
    pub missing: Vec<String>,
    pub needs_approval: bool,
    /// Each language's copy exactly as it will be sent.
    pub copies: Vec<(String, OutMessage)>,
    /// `None` when LINE is not configured.
    pub line_quota: Option<QuotaCheck>,
}

/// The chats a segment takes now.
async fn recipients(conn: &mut Conn, ctx: &Ctx<'_>, segment: &Segment) -> anyhow::Result<Vec<Candidate>> {
    let local = ctx.now.with_timezone(&ctx.config.timezone);
    let today = local.date_naive();
    let start = today
        .and_hms_opt(0, 0, 0)
        .and_then(|t| t.and_local_timezone(ctx.config.timezone).earliest())
        .map_or(ctx.now, |t| t.with_timezone(&Utc));
    let mut all = broadcasts::candidates(conn, segment.audience, today, "ja").await?;
    if segment.audience == crate::domain::broadcast::Audience::Staff {
        let shift = ctx.config.service_hours.shift(local.naive_local());
        all = staff::on_duty(conn, shift.code())
            .await?
            .into_iter()
            .map(|s| Candidate {
                chat_id: s.chat_id,
                lang: s.language_hint.as_deref().unwrap_or("ja").chars().take(2).collect(),
                active: true,
                ..Candidate::default()
            })
            .collect();
        for c in &mut all {
            c.platform = broadcasts::platform_of(conn, c.chat_id).await?.unwrap_or_default();
        }
    }
    all.retain(|c| segment.takes(c, ctx.now, start));
    Ok(all)
}

/// `quota`: LINE's, when LINE is configured.
pub async fn preview(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    b: &Broadcast,
    quota: Option<LineQuota>,
) -> anyhow::Result<Preview> {
    let all = recipients(conn, ctx, &b.segment).await?;
    let mut p = Preview {
        total: all.len(),
        ..Preview::default()
    };
    for c in &all {
        *p.by_language.entry(c.lang.clone()).or_default() += 1;
        *p.by_platform.entry(c.platform.clone()).or_default() += 1;
    }
    p.missing = missing_languages(
        &b.texts,
        b.fallback.as_deref(),
        p.by_language.keys().map(String::as_str),
    );
    p.needs_approval = p.total as i64 > ctx.config.broadcast_approval_over;
    p.copies = p
        .by_language
        .keys()
        .filter_map(|lang| Some((lang.clone(), copy(ctx, b, lang)?)))
        .collect();
    let needed = p.by_platform.get("line").copied().unwrap_or(0) as i64;
    p.line_quota = quota.map(|q| match q {
        LineQuota::Known { limit, used } => QuotaCheck {
            limit,
            used: Some(used),
            needed,
            fits: Some(limit.is_none_or(|l| used + needed <= l)),
        },
        LineQuota::Unknown => QuotaCheck {
            limit: None,
            used: None,
            needed,
            fits: None,
        },
    });
    Ok(p)
}

/// One copy as a recipient reading `lang` gets it: the title over the text (or the fallback's),
/// and the "check in now" button if asked for. `None`: no text for this reader.
pub fn copy(ctx: &Ctx<'_>, b: &Broadcast, lang: &str) -> Option<OutMessage> {
    let text = text_for(&b.texts, b.fallback.as_deref(), lang)?;
    let l = Lang::from_tag(lang).unwrap_or(Lang::JA);
    let choices = if b.check_in_button {
        vec![Choice {
            label: ctx.t(l, msg!("broadcast-check-in"), &[]),
            data: "checkin:now".into(),
        }]
    } else {
        vec![]
    };
    Some(OutMessage {
        text: ctx.t(
            l,
            msg!("broadcast-message"),
            &[("title", b.title.clone().into()), ("text", text.to_string().into())],
        ),
        choices,
    })
}

/// What staff compose.
pub struct Draft {
    pub title: String,
    pub texts: BTreeMap<String, String>,
    pub fallback: Option<String>,
    pub check_in_button: bool,
    pub segment: Segment,
    pub send_at: Option<DateTime<Utc>>,
}

/// Saves a draft; an area-limited account broadcasts within its areas only.
pub async fn compose(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    who: &Staff,
    mut d: Draft,
) -> anyhow::Result<Result<i64, Refused>> {
    d.texts.retain(|_, t| !t.trim().is_empty());
    if d.title.trim().is_empty() || d.texts.is_empty() {
        return Ok(Err(Refused::Empty));
    }
    if let Some(mine) = &who.areas {
        if d.segment.areas.is_empty() {
            d.segment.areas = mine.clone();
        } else if d.segment.areas.iter().any(|a| !mine.contains(a)) {
            return Ok(Err(Refused::OutsideAreas));
        }
    }
    let id = broadcasts::create(
        conn,
        &NewBroadcast {
            title: d.title.trim(),
            texts: &d.texts,
            fallback: d.fallback.as_deref(),
            check_in_button: d.check_in_button,
            segment: &d.segment,
            send_at: d.send_at,
            created_by: who.id,
        },
        ctx.now,
    )
    .await?;
    staff::audit(
        conn,
        Some(who.id),
        "broadcast.compose",
        Some(&format!("broadcast:{id}")),
        ctx.now,
    )
    .await?;
    Ok(Ok(id))
}

/// Sends a draft (now, or at its time): refused while a recipient's language has no text; over
/// the threshold it waits for approval. Returns where it stands.
/// `quota`: LINE's, asked just before (the step is refused when it does not fit).
pub async fn send(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    who: &Staff,
    id: i64,
    quota: Option<LineQuota>,
) -> anyhow::Result<Result<BroadcastStatus, Refused>> {
    let Some(b) = broadcasts::get(conn, id).await? else {
        return Ok(Err(Refused::NotFound));
    };
    if b.status != BroadcastStatus::Draft {
        return Ok(Err(Refused::NotNow));
    }
    let p = preview(conn, ctx, &b, quota).await?;
    if !p.missing.is_empty() {
        return Ok(Err(Refused::MissingText(p.missing)));
    }
    if let Some(q) = p.line_quota.filter(|q| q.fits == Some(false)) {
        return Ok(Err(Refused::OverQuota(q)));
    }
    let to = if p.needs_approval {
        BroadcastStatus::AwaitingApproval
    } else {
        BroadcastStatus::Scheduled
    };
    if broadcasts::set_status(conn, id, &[BroadcastStatus::Draft], to, ctx.now).await? == 0 {
        return Ok(Err(Refused::NotNow));
    }
    staff::audit(
        conn,
        Some(who.id),
        "broadcast.send",
        Some(&format!("broadcast:{id}")),
        ctx.now,
    )
    .await?;
    Ok(Ok(to))
}

/// A second member of staff approves a large broadcast.
pub async fn approve(conn: &mut Conn, ctx: &Ctx<'_>, who: &Staff, id: i64) -> anyhow::Result<Result<(), Refused>> {
    let Some(b) = broadcasts::get(conn, id).await? else {
        return Ok(Err(Refused::NotFound));
    };
    if b.created_by == who.id {
        return Ok(Err(Refused::OwnApproval));
    }
    if broadcasts::approve(conn, id, who.id).await? == 0 {
        return Ok(Err(Refused::NotNow));
    }
    staff::audit(
        conn,
        Some(who.id),
        "broadcast.approve",
        Some(&format!("broadcast:{id}")),
        ctx.now,
    )
    .await?;
    Ok(Ok(()))
}

/// Cancels: what was sent stays sent, nothing more goes.
pub async fn cancel(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    who: &Staff,
    id: i64,
    reason: &str,
) -> anyhow::Result<Result<(), Refused>> {
    let from = [
        BroadcastStatus::Draft,
        BroadcastStatus::AwaitingApproval,
        BroadcastStatus::Scheduled,
        BroadcastStatus::Sending,
    ];
    if broadcasts::get(conn, id).await?.is_none() {
        return Ok(Err(Refused::NotFound));
    }
    if broadcasts::set_status(conn, id, &from, BroadcastStatus::Cancelled, ctx.now).await? == 0 {
        return Ok(Err(Refused::NotNow));
    }
    broadcasts::withdraw(conn, id).await?;
    let why = (!reason.trim().is_empty()).then_some(reason.trim());
    staff::audit_why(
        conn,
        Some(who.id),
        "broadcast.cancel",
        Some(&format!("broadcast:{id}")),
        why,
        ctx.now,
    )
    .await?;
    Ok(Ok(()))
}

/// Starts the broadcasts due now: each one's list is frozen and it is sending.
pub async fn start_due(conn: &mut Conn, ctx: &Ctx<'_>) -> anyhow::Result<usize> {
    let due = broadcasts::due(conn, ctx.now).await?;
    for id in &due {
        let Some(b) = broadcasts::get(conn, *id).await? else {
            continue;
        };
        let list: Vec<(i64, String, String)> = recipients(conn, ctx, &b.segment)
            .await?
            .into_iter()
            .map(|c| (c.chat_id, c.platform, c.lang))
            .collect();
        broadcasts::freeze(conn, b.id, &list).await?;
        broadcasts::set_status(
            conn,
            b.id,
            &[BroadcastStatus::Scheduled],
            BroadcastStatus::Sending,
            ctx.now,
        )
        .await?;
    }
    Ok(due.len())
}

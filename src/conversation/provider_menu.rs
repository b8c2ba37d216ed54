//! A provider's own menu (LINE rich menu, Telegram commands): the open requests they hold, and
//! "I'm off" / "I'm available" — an away provider is skipped when requests are offered, so a
//! chain moves on at once instead of waiting out their deadline.

use crate::care::context::Ctx;
use crate::channels::OutMessage;
use crate::i18n::Lang;
use crate::store::providers::{self, Provider};
use crate::store::{Conn, views};

/// The data of the menu's buttons, and the Telegram commands that stand for them.
pub const OPEN_REQUESTS: &str = "prov:open";
pub const AWAY: &str = "prov:away";
pub const AVAILABLE: &str = "prov:available";

/// A press of the provider menu; `None` when `data` is not one of its buttons.
pub async fn on_choice(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    provider: &Provider,
    lang: Lang,
    data: &str,
) -> anyhow::Result<Option<Vec<OutMessage>>> {
    let text = match data {
        OPEN_REQUESTS => {
            let held = views::held_by(conn, provider.id).await?;
            if held.is_empty() {
                ctx.t(lang, msg!("provider-no-open-requests"), &[])
            } else {
                let tz = ctx.config.timezone;
                let lines: Vec<String> = held
                    .iter()
                    .map(|r| {
                        ctx.t(
                            lang,
                            msg!("provider-open-request"),
                            &[
                                (
                                    "kind",
                                    ctx.t(lang, msg!("request-kind"), &[("kind", r.kind.code().into())])
                                        .into(),
                                ),
                                ("name", r.patient_name.clone().into()),
                                ("phone", r.patient_phone.clone().into()),
                                (
                                    "by",
                                    r.target_at.with_timezone(&tz).format("%m/%d %H:%M").to_string().into(),
                                ),
                            ],
                        )
                    })
                    .collect();
                lines.join("\n")
            }
        }
        AWAY => {
            providers::set_away(conn, provider.id, Some(ctx.now)).await?;
            audit(conn, ctx, provider, "provider.away").await?;
            ctx.t(lang, msg!("provider-away"), &[])
        }
        AVAILABLE => {
            providers::set_away(conn, provider.id, None).await?;
            audit(conn, ctx, provider, "provider.available").await?;
            ctx.t(lang, msg!("provider-available"), &[])
        }
        _ => return Ok(None),
    };
    Ok(Some(vec![OutMessage::text(text)]))
}

async fn audit(conn: &mut Conn, ctx: &Ctx<'_>, provider: &Provider, what: &str) -> anyhow::Result<()> {
    let subject = format!("provider:{}", provider.id);
    crate::store::staff::audit(conn, None, what, Some(&subject), ctx.now).await?;
    Ok(())
}
